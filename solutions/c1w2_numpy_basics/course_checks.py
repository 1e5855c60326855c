"""Compare a learner's outputs with the expected ones; explain differences.

This module is self-contained (it imports only NumPy and the standard
library) because the release copies it, unchanged, into every exercise
folder as ``course_checks.py``: the learner's visible checks use exactly the
code the grader uses.

The comparator checks, in this order, and stops at the first failure:

1. type: an array where an array is expected, a number where a number is
   expected (a NumPy scalar or a 0-d array is an acceptable number), a dict
   where a dict is expected, and so on;
2. shape, with a hint when the array is transposed or rank-1;
3. dict keys, in both directions;
4. values, with :func:`numpy.allclose` and stated tolerances;

and the runner checks that the inputs were not modified in place.
"""
from __future__ import annotations

import contextlib
import copy
import io
import json
import numbers
import re

import numpy as np

#: Default tolerances for floating-point values.
RTOL = 1e-5
ATOL = 1e-8


class Mismatch(AssertionError):
    """A learner's output differs from the expected one.

    Parameters
    ----------
    variable : str
        The name of the output that differs, e.g. ``grads['dw']``.
    problem : str
        What differs (type, shape, keys, values) and, when allowed, the
        expected and the actual value.
    """

    def __init__(self, variable, problem):
        self.variable = variable
        self.problem = problem
        self.hints = []
        super().__init__(f"{variable}: {problem}")

    def add_hint(self, hint):
        """Attach a hint that explains a known mistake."""
        if hint and hint not in self.hints:
            self.hints.append(hint)
            self.args = (str(self.args[0]) + f"\n  Hint: {hint}",)


def _is_number(value):
    """Return True for Python and NumPy real scalars and 0-d arrays."""
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and value.dtype.kind in "iuf"
    return isinstance(value, (numbers.Real, np.integer, np.floating))


def _describe(value):
    """Return a short human description of a value's type."""
    if isinstance(value, np.ndarray):
        return f"a NumPy array of shape {value.shape}"
    if value is None:
        return "None (did you forget a return statement?)"
    return f"a {type(value).__name__}"


def _show(value):
    """Format a value compactly for a message."""
    if isinstance(value, np.ndarray) or _is_number(value):
        return np.array2string(np.asarray(value), precision=8,
                               threshold=12, edgeitems=3,
                               separator=", ")
    if isinstance(value, list):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    return repr(value)


def _shape_hint(expected, got):
    """Explain a shape difference caused by a known mistake, or ''."""
    if got.shape == expected.shape[::-1] and expected.ndim == 2:
        return ("rows and columns are swapped: check the shape you asked "
                "for, the order of the factors in a product, or a missing .T")
    if got.ndim == 1 and expected.ndim == 2 and 1 in expected.shape:
        return ("this is a rank-1 array; keep 2-D shapes with "
                "keepdims=True or reshape")
    if got.ndim == 2 and expected.ndim == 2 and got.size == 1:
        return ("the result collapsed to a single value: did you sum over "
                "both axes instead of one?")
    return ""


def _compare_numbers(variable, expected, got, rtol, atol, reveal):
    if not np.isclose(float(got), float(expected), rtol=rtol, atol=atol,
                      equal_nan=True):
        detail = (f"expected {_show(expected)}, got {_show(got)}"
                  if reveal else "the value is wrong")
        raise Mismatch(variable, detail)


def _compare_arrays(variable, expected, got, rtol, atol, reveal):
    if got.shape != expected.shape:
        mismatch = Mismatch(variable, f"expected shape {expected.shape}, "
                                      f"got shape {got.shape}")
        mismatch.add_hint(_shape_hint(expected, got))
        raise mismatch
    if expected.dtype.kind in "iufb" and got.dtype.kind not in "iufb":
        raise Mismatch(variable, f"expected numbers, got dtype {got.dtype}")
    got_f, expected_f = got.astype(float), expected.astype(float)
    if np.allclose(got_f, expected_f, rtol=rtol, atol=atol, equal_nan=True):
        return
    nan_mismatch = np.isnan(got_f) != np.isnan(expected_f)
    if nan_mismatch.any():
        where = tuple(int(i) for i in np.argwhere(nan_mismatch)[0])
        what = ("NaN where a number was expected" if np.isnan(got_f[where])
                else "a number where NaN was expected")
        raise Mismatch(variable, f"{what} (first at index {where}); "
                                 f"look for a log of 0, a 0/0 or an overflow")
    if not reveal:
        raise Mismatch(variable, "the values are wrong")
    with np.errstate(invalid="ignore"):
        diff = np.where(got_f == expected_f, 0.0, np.abs(got_f - expected_f))
    diff[np.isnan(diff)] = 0.0
    worst = np.unravel_index(np.argmax(diff), diff.shape)
    raise Mismatch(variable,
                   f"values differ (largest difference {diff[worst]:.3g}"
                   f" at index {tuple(int(i) for i in worst)})\n"
                   f"  expected: {_show(expected)}\n"
                   f"  got:      {_show(got)}")


def compare(variable, expected, got, rtol=RTOL, atol=ATOL, reveal=True):
    """Raise :class:`Mismatch` unless ``got`` matches ``expected``.

    Parameters
    ----------
    variable : str
        Name of the value, used in messages (``grads['dw']``).
    expected : object
        The expected value: an array, number, dict, tuple, list, str, bool
        or None, nested freely.
    got : object
        The learner's value.
    rtol, atol : float
        Tolerances for :func:`numpy.allclose`.
    reveal : bool
        Whether messages may show expected values (False for hidden tests).
    """
    if isinstance(expected, (bool, np.bool_)):
        if not isinstance(got, (bool, np.bool_)) or bool(got) != expected:
            raise Mismatch(variable, f"expected {expected!r}, got {got!r}")
    elif _is_number(expected):
        if not _is_number(got):
            raise Mismatch(variable,
                           f"expected a number, got {_describe(got)}")
        _compare_numbers(variable, expected, got, rtol, atol, reveal)
    elif isinstance(expected, np.ndarray):
        if not isinstance(got, np.ndarray):
            raise Mismatch(variable, f"expected a NumPy array of shape "
                                     f"{expected.shape}, got {_describe(got)}")
        _compare_arrays(variable, expected, got, rtol, atol, reveal)
    elif isinstance(expected, dict):
        _compare_dicts(variable, expected, got, rtol, atol, reveal)
    elif isinstance(expected, (tuple, list)):
        _compare_sequences(variable, expected, got, rtol, atol, reveal)
    elif isinstance(expected, str):
        if not isinstance(got, str):
            raise Mismatch(variable, f"expected text, got {_describe(got)}")
        _compare_text(variable, expected, got, rtol, atol, reveal)
    elif expected is None:
        if got is not None:
            raise Mismatch(variable, f"expected None, got {_describe(got)}")
    else:
        raise TypeError(f"cannot compare values of type {type(expected)}")


def _compare_dicts(variable, expected, got, rtol, atol, reveal):
    if not isinstance(got, dict):
        raise Mismatch(variable, f"expected a dict, got {_describe(got)}")
    missing = [key for key in expected if key not in got]
    extra = [key for key in got if key not in expected]
    if missing:
        raise Mismatch(variable, f"missing key(s) {missing}")
    if extra:
        raise Mismatch(variable, f"unexpected key(s) {extra}")
    for key in expected:
        compare(f"{variable}[{key!r}]", expected[key], got[key], rtol, atol,
                reveal)


def _compare_sequences(variable, expected, got, rtol, atol, reveal):
    if isinstance(expected, tuple) and not isinstance(got, tuple):
        raise Mismatch(variable, f"expected a tuple of {len(expected)} "
                                 f"values, got {_describe(got)}")
    if isinstance(expected, list) and not isinstance(got, (list, tuple)):
        raise Mismatch(variable, f"expected a list, got {_describe(got)}")
    if len(got) != len(expected):
        raise Mismatch(variable, f"expected {len(expected)} items, "
                                 f"got {len(got)}")
    for index, (want, have) in enumerate(zip(expected, got)):
        compare(f"{variable}[{index}]", want, have, rtol, atol, reveal)


#: A number as printed: sign, digits, decimal point, exponent.
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def texts_agree(expected, got, rtol=RTOL, atol=ATOL):
    """Return True when two texts say the same, numbers within tolerance.

    The words between numbers must be equal (a run of white space counts
    as one space, so a column that widens by a digit still agrees); whole
    numbers (no point, no exponent: counts, iterations, labels) must be
    equal; other numbers must agree within ``rtol`` and ``atol``, as in
    :func:`numpy.isclose`.
    """
    want, have = NUMBER.split(expected.strip()), NUMBER.split(got.strip())
    if [" ".join(w.split()) for w in want] != [" ".join(w.split())
                                               for w in have]:
        return False
    want_numbers, have_numbers = (NUMBER.findall(expected),
                                  NUMBER.findall(got))
    for a, b in zip(want_numbers, have_numbers):
        if _is_whole(a) or _is_whole(b):
            if a.lstrip("+") != b.lstrip("+"):
                return False
        elif not np.isclose(float(b), float(a), rtol=rtol, atol=atol):
            return False
    return True


def _is_whole(token):
    return not any(mark in token for mark in ".eE")


def _compare_text(variable, expected, got, rtol, atol, reveal):
    """Compare printed text: words exactly, numbers within tolerance."""
    if not texts_agree(expected, got, rtol, atol):
        detail = (f"expected the text\n{_indent(expected)}\n  got\n"
                  f"{_indent(got)}" if reveal else "the printed text is wrong")
        raise Mismatch(variable, detail)


def _indent(text):
    return "\n".join("    " + line for line in text.rstrip().splitlines())


# --- Running a function on a case -------------------------------------------

def call_capturing(function, args, kwargs):
    """Call ``function`` on copies of the inputs and capture what it prints.

    Returns
    -------
    result : object
        The function's return value.
    printed : str
        Everything the call wrote to standard output.
    args_after, kwargs_after : tuple, dict
        The inputs the function received, after the call, for the
        no-mutation check.
    """
    args_copy, kwargs_copy = copy.deepcopy(args), copy.deepcopy(kwargs)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        result = function(*args_copy, **kwargs_copy)
    return result, buffer.getvalue(), args_copy, kwargs_copy


def check_not_mutated(function_name, arg_names, args, args_after):
    """Raise :class:`Mismatch` if a call modified one of its inputs."""
    for name, before, after in zip(arg_names, args, args_after):
        try:
            compare(name, before, after, rtol=0, atol=0)
        except Mismatch:
            raise Mismatch(name, f"{function_name} modified its input "
                                 f"'{name}' in place; work on a copy or "
                                 f"build a new array instead") from None


# --- Frozen cases (JSON) ----------------------------------------------------

def encode(value):
    """Turn arrays, tuples and NumPy scalars into JSON-ready data."""
    if isinstance(value, np.ndarray):
        return {"__ndarray__": value.tolist(), "dtype": str(value.dtype),
                "shape": list(value.shape)}
    if isinstance(value, np.generic):
        return {"__npscalar__": value.item(), "dtype": str(value.dtype)}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"__dict__": [[k, encode(v)] for k, v in value.items()]}
    return value


def decode(data):
    """Inverse of :func:`encode`."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "__ndarray__" in data:
        return np.array(data["__ndarray__"], dtype=data["dtype"]).reshape(
            data["shape"])
    if "__npscalar__" in data:
        return np.dtype(data["dtype"]).type(data["__npscalar__"])
    if "__tuple__" in data:
        return tuple(decode(v) for v in data["__tuple__"])
    return {k: decode(v) for k, v in data["__dict__"]}


# --- Visible checks ---------------------------------------------------------

def check_case(function, case):
    """Run one frozen public case and raise :class:`Mismatch` on failure.

    Parameters
    ----------
    function : callable
        The learner's function.
    case : dict
        A decoded frozen case with keys ``label``, ``arg_names``, ``args``,
        ``kwargs``, ``outputs`` (names), ``expected``, ``printed`` (or None
        when printing is not checked), ``rtol``, ``atol``, ``may_mutate``
        and ``mistakes`` (a list of ``[hint, output, printed]`` triples,
        ``printed`` being None when printing is not checked).
    """
    name = function.__name__
    result, printed, args_after, _ = call_capturing(
        function, case["args"], case["kwargs"])
    try:
        compare_outputs(case["outputs"], case["expected"], result,
                        case["rtol"], case["atol"], reveal=True)
        if case["printed"] is not None:
            compare("printed output", case["printed"], printed,
                    case["rtol"], case["atol"])
        if not case["may_mutate"]:
            check_not_mutated(name, case["arg_names"], case["args"],
                              args_after)
    except Mismatch as mismatch:
        for hint, mistake_output, mistake_printed in case["mistakes"]:
            if (_raised(mistake_output) is None
                    and matches(case["outputs"], mistake_output, result,
                                mistake_printed, printed)):
                mismatch.add_hint(hint)
        raise


def _raised(mistake_output):
    """The exception name a frozen mistake raised, or None."""
    if isinstance(mistake_output, dict) and list(mistake_output) == ["raises"]:
        return mistake_output["raises"]
    return None


def compare_outputs(output_names, expected, got, rtol, atol, reveal):
    """Compare a function's return value, naming each returned output."""
    if len(output_names) == 1:
        compare(output_names[0], expected, got, rtol, atol, reveal)
        return
    if not isinstance(got, tuple) or len(got) != len(output_names):
        raise Mismatch("return value",
                       f"expected a tuple ({', '.join(output_names)}), "
                       f"got {_describe(got)}")
    for name, want, have in zip(output_names, expected, got):
        compare(name, want, have, rtol, atol, reveal)


def matches(output_names, expected, got, expected_printed=None,
            printed=None):
    """Return True when ``got`` (and what was printed) equals ``expected``.

    The printed text is compared only when ``expected_printed`` is given.
    """
    try:
        compare_outputs(output_names, expected, got, RTOL, ATOL, False)
        if expected_printed is not None:
            compare("printed output", expected_printed, printed, RTOL, ATOL,
                    False)
    except Mismatch:
        return False
    return True


def load_cases(path):
    """Load the frozen public cases of an assignment.

    Returns
    -------
    dict
        Function name -> list of decoded cases.
    """
    with open(path, encoding="utf-8") as handle:
        return {name: [decode(case) for case in cases]
                for name, cases in json.load(handle).items()}


def check(function_name, function, cases_file="public_cases.json"):
    """Run the visible checks of one graded function and report.

    Prints one line when every case passes; raises an AssertionError that
    names the variable, shows expected versus got and gives a hint when a
    known mistake explains the difference.
    """
    cases = load_cases(cases_file)[function_name]
    for number, case in enumerate(cases, start=1):
        try:
            check_case(function, case)
        except Mismatch as mismatch:
            raise AssertionError(
                f"{function_name}, check {number} of {len(cases)} "
                f"({case['label']}) failed.\n{mismatch}") from None
        except Exception as error:  # the learner's code raised
            hints = "".join(f"\n  Hint: {hint}"
                            for hint, output, _ in case["mistakes"]
                            if _raised(output) == type(error).__name__)
            raise AssertionError(
                f"{function_name}, check {number} of {len(cases)} "
                f"({case['label']}) raised {type(error).__name__}: {error}"
                f"{hints}") from error
        print(f"  ok  {case['label']}: "
              f"{_summary(case['outputs'], case['expected'])}")
    print(f"{function_name}: all {len(cases)} visible checks passed.")


def _summary(output_names, expected, width=100):
    """One line showing the expected outputs of a passed case."""
    values = expected if len(output_names) > 1 else (expected,)
    parts = []
    for name, value in zip(output_names, values):
        if isinstance(value, dict):
            shown = ", ".join(f"{key}: {_show(item)}" for key, item in
                              value.items())
            shown = "{" + shown + "}"
        else:
            shown = _show(value)
        parts.append(f"{name} = {' '.join(shown.split())}")
    line = "; ".join(parts)
    return line if len(line) <= width else line[:width - 3] + "..."
