"""Compare a learner's outputs with the expected ones; explain differences.

This module is self-contained (it imports only NumPy and the standard
library) because the release copies it, unchanged, into every exercise
folder as ``course_checks.py``: the learner's visible checks use exactly the
code the grader uses.

The judgement of one call (:func:`judge_call`, shared by the visible
checks, the hidden tests and the sandboxed grader) checks, in this order:

1. type (an array where an array is expected, a dict where a dict is, ...),
   shape (with a hint when the array is transposed or rank-1) and dict
   keys in both directions;
2. values, with :func:`numpy.allclose` and stated tolerances: every wrong
   variable is listed, then each with expected against got and the hints
   that explain it, a relation to the expected value (:func:`explain`:
   factor m, sign, transpose, learning rate, bias correction, another
   key's value, ...) or a known mistake that gives the same value;
3. shared memory, once the values are right: outputs a spec declares
   ``separate`` must not be one object or share an array's memory,
   ``fresh`` ones must not share memory with an input
   (:func:`memory_links`, :func:`sharing_problems`);
4. printed text, and that the inputs were not modified in place;
5. the promised types (:func:`type_problems`): the dtype kind of arrays, a
   Python float or int rather than a 0-d array or a NumPy integer, unless
   the spec declares a looser promise.
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
    parts : list of Mismatch, optional
        The single differences when several variables are wrong; the
        message lists their names first, then each with its hints.
    """

    def __init__(self, variable, problem, parts=()):
        self.variable = variable
        self.problem = problem
        self.parts = list(parts)
        self.hints = []
        super().__init__(variable, problem)

    def add_hint(self, hint):
        """Attach a hint that explains a known mistake."""
        if hint and hint not in self.hints and not any(
                hint in part.hints for part in self.parts):
            self.hints.append(hint)

    def lead_with(self, hint):
        """Make ``hint`` the only one: it explains the value exactly."""
        self.hints = [hint]

    def __str__(self):
        if self.parts:
            text = "\n".join([f"{self.problem}: {self.variable}"]
                             + [str(part) for part in self.parts])
        else:
            text = f"{self.variable}: {self.problem}"
        return text + "".join(f"\n  Hint: {hint}" for hint in self.hints)


def combined(mismatches):
    """One :class:`Mismatch` for a non-empty list of them."""
    if len(mismatches) == 1:
        return mismatches[0]
    return Mismatch(", ".join(m.variable for m in mismatches),
                    f"{len(mismatches)} values are wrong", mismatches)


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
        if _close(got.T, expected):
            return ("this is the transpose of the right array: a "
                    "missing or extra .T, or the factors of a product in "
                    "the wrong order")
        return ("rows and columns are swapped: check the shape you asked "
                "for, the order of the factors in a product, or a missing .T")
    if got.ndim == 1 and expected.ndim == 2 and 1 in expected.shape:
        return ("this is a rank-1 array; keep 2-D shapes with "
                "keepdims=True or reshape")
    if got.ndim == 2 and expected.ndim == 2 and got.size == 1:
        return ("the result collapsed to a single value: did you sum over "
                "both axes instead of one?")
    return ""


def _close(got, expected, rtol=RTOL, atol=ATOL):
    """Whether two numeric values agree (same shape, within tolerance)."""
    try:
        got_f = np.asarray(got, dtype=float)
        expected_f = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return False
    return (got_f.shape == expected_f.shape
            and bool(np.allclose(got_f, expected_f, rtol=rtol, atol=atol,
                                 equal_nan=True)))


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

    Every wrong item of a dict, tuple or list is found (see
    :func:`differences`); several become one Mismatch listing them all.

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
    found = differences(variable, expected, got, rtol, atol, reveal)
    if found:
        raise combined(found)


def differences(variable, expected, got, rtol=RTOL, atol=ATOL, reveal=True):
    """Every difference between ``got`` and ``expected``, innermost first.

    Returns
    -------
    list of Mismatch
        One per wrong value (a wrong type, shape or set of keys stops the
        comparison at that level); each remembers ``expected`` and ``got``
        for the diagnosis (:func:`explain`).
    """
    try:
        if isinstance(expected, dict):
            return _dict_differences(variable, expected, got, rtol, atol,
                                     reveal)
        if isinstance(expected, (tuple, list)):
            return _sequence_differences(variable, expected, got, rtol, atol,
                                         reveal)
        _compare_value(variable, expected, got, rtol, atol, reveal)
    except Mismatch as mismatch:
        mismatch.expected, mismatch.got = expected, got
        return [mismatch]
    return []


def _compare_value(variable, expected, got, rtol, atol, reveal):
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
            mismatch = Mismatch(variable, f"expected a NumPy array of shape "
                                          f"{expected.shape}, got "
                                          f"{_describe(got)}")
            if isinstance(got, tuple):
                mismatch.add_hint(
                    f"{variable} is a tuple: a function that returns "
                    f"several values gives a tuple; unpack it, e.g. "
                    f"`A, cache = f(...)`")
            raise mismatch
        _compare_arrays(variable, expected, got, rtol, atol, reveal)
    elif isinstance(expected, str):
        if not isinstance(got, str):
            raise Mismatch(variable, f"expected text, got {_describe(got)}")
        _compare_text(variable, expected, got, rtol, atol, reveal)
    elif expected is None:
        if got is not None:
            raise Mismatch(variable, f"expected None, got {_describe(got)}")
    else:
        raise TypeError(f"cannot compare values of type {type(expected)}")


def _dict_differences(variable, expected, got, rtol, atol, reveal):
    if not isinstance(got, dict):
        raise Mismatch(variable, f"expected a dict, got {_describe(got)}")
    missing = [key for key in expected if key not in got]
    extra = [key for key in got if key not in expected]
    if missing:
        mismatch = Mismatch(variable, f"missing key(s) {missing}")
        mismatch.add_hint(_skipped_layer_hint(list(expected), missing))
        raise mismatch
    if extra:
        raise Mismatch(variable, f"unexpected key(s) {extra}")
    items = {f"{variable}[{key!r}]": (expected[key], got[key])
             for key in expected}
    return _item_differences(items, rtol, atol, reveal)


def _tuple_hint(got):
    """The hint for ``got`` where a tuple is promised (None: no hint)."""
    if isinstance(got, list):
        return ("build it with parentheses, (a, b, c), or tuple(...): a "
                "list is not a tuple")
    if isinstance(got, dict):
        return ("a tuple is promised, not a dict: return the values in "
                "parentheses, (a, b, c)")
    return None


def _layer_number(key):
    """The trailing number of a key such as ``'dW3'``, or None."""
    found = re.fullmatch(r"[A-Za-z_]+(\d+)", str(key))
    return None if found is None else int(found.group(1))


def _skipped_layer_hint(keys, missing):
    """The hint when the missing keys are the first or last layer's.

    Parameters
    ----------
    keys : list
        The expected keys, such as ``['W1', 'b1', 'W2', 'b2']``.
    missing : list
        Those the learner's dict lacks.

    Returns
    -------
    str or None
        None unless every missing key is numbered and the missing ones
        include the lowest or the highest number of the expected keys.
    """
    numbers = [_layer_number(key) for key in keys]
    gone = [_layer_number(key) for key in missing]
    if None in numbers or None in gone:
        return None
    if max(gone) == max(numbers):
        where = "the last layer"
    elif min(gone) == min(numbers):
        where = "the first layer"
    else:
        return None
    return (f"the keys of {where} are missing: a loop skips it, or the "
            f"code handles a fixed number of layers. Check the range "
            f"bounds (range(1, L + 1) visits layers 1 to L) and take L "
            f"from the inputs (L = len(parameters) // 2, or "
            f"len(layer_dims) - 1)")


def _sequence_differences(variable, expected, got, rtol, atol, reveal):
    if isinstance(expected, tuple) and not isinstance(got, tuple):
        mismatch = Mismatch(variable, f"expected a tuple of "
                                      f"{len(expected)} values, got "
                                      f"{_describe(got)}")
        mismatch.add_hint(_tuple_hint(got))
        raise mismatch
    if isinstance(expected, list) and not isinstance(got, (list, tuple)):
        raise Mismatch(variable, f"expected a list, got {_describe(got)}")
    if len(got) != len(expected):
        raise Mismatch(variable, f"expected {len(expected)} items, "
                                 f"got {len(got)}")
    items = {f"{variable}[{index}]": pair
             for index, pair in enumerate(zip(expected, got))}
    return _item_differences(items, rtol, atol, reveal)


def _item_differences(items, rtol, atol, reveal):
    """Differences of the items of one container (name -> (want, have)).

    An item that holds exactly what another item should hold (keys or
    positions mixed up, another layer's value) is told so, and no other
    hint is shown for it.
    """
    found = []
    for name, (want, have) in items.items():
        own = differences(name, want, have, rtol, atol, reveal)
        if len(own) == 1 and own[0].variable == name:
            for other, (other_want, _) in items.items():
                if other != name and _agree(other_want, have):
                    own[0].lead_with(
                        f"{name} holds the value that belongs in {other}: "
                        f"are two items swapped, or is a layer index or a "
                        f"key mixed up?")
                    break
        found.extend(own)
    return found


def _agree(expected, got):
    """Whether ``got`` equals ``expected`` within the default tolerances."""
    if _is_plain_zero(expected):
        return False
    try:
        return not differences("value", expected, got, RTOL, ATOL, False)
    except TypeError:
        return False


def _is_plain_zero(value):
    """Zeros (or None) tell nothing about where a value came from."""
    if value is None:
        return True
    if isinstance(value, np.ndarray) or _is_number(value):
        array = np.asarray(value)
        return array.dtype.kind in "iuf" and not np.any(array)
    return False


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


# --- Diagnosis: how a wrong value relates to the expected one ---------------

def explain(mismatches, inputs):
    """Add to each wrong value a hint naming its relation to the expected.

    Recognized relations: a flipped sign, the transpose, a constant factor
    (m, 1/m, a scalar input such as the learning rate or its inverse, a
    missing bias correction 1 - beta^t), a constant offset, inf, and the
    same relations for the change from an input of the same name (an
    update step). A value that already has a hint that explains it
    exactly keeps it.

    Parameters
    ----------
    mismatches : list of Mismatch
        From :func:`differences`.
    inputs : dict
        Input name (``"parameters['W1']"``, ``"learning_rate"``) -> value,
        the arguments of the call before it ran.
    """
    factors = _known_factors(inputs)
    for mismatch in mismatches:
        if not hasattr(mismatch, "got") or len(mismatch.hints) == 1 and (
                "holds the value that belongs in" in mismatch.hints[0]):
            continue
        hint = relation(mismatch.variable, mismatch.expected, mismatch.got,
                        inputs, factors)
        if hint and hint not in mismatch.hints:
            mismatch.hints.append(hint)


def relation(variable, expected, got, inputs, factors=None):
    """A sentence naming how ``got`` relates to ``expected``, or ''."""
    if factors is None:
        factors = _known_factors(inputs)
    try:
        want = np.asarray(expected, dtype=float)
        have = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return ""
    if want.shape != have.shape or want.size == 0:
        return ""
    if np.isinf(have).any() and not np.isinf(want).any():
        return (f"{variable} holds inf: an overflow (exp of a large "
                f"number), a division by zero or a log of 0")
    if not np.isfinite(have).all() or not np.isfinite(want).all():
        return ""
    start = inputs.get(variable)
    if start is not None and np.shape(start) == want.shape:
        start = np.asarray(start, dtype=float)
        found = _step_relation(variable, want - start, have - start,
                               factors)
        if found:
            return found
    found = _value_relation(variable, want, have, factors)
    if found:
        return found
    for name, value in inputs.items():
        if np.shape(value) == want.shape and _close(have, value) and (
                np.any(np.asarray(value, dtype=float))):
            return (f"{variable} equals the input {name}: the input was "
                    f"returned (or used) where a computed value belongs")
    return ""


def _value_relation(variable, want, have, factors):
    if not np.any(want):
        return ""
    if _close(have, -want):
        return (f"{variable} has the opposite sign: check a minus sign "
                f"(e.g. in the derivative of the cost or the direction of "
                f"the step)")
    if want.ndim == 2 and want.shape[0] == want.shape[1] > 1 and _close(
            have, want.T) and not _close(want, want.T):
        return (f"{variable} is the transpose of the right value: a "
                f"missing or extra .T, or a product in the wrong order")
    factor = _constant_factor(want, have)
    if factor is not None and (want.size > 1 or _named(factor, factors)):
        return f"{variable} is {_name_factor(factor, factors)}"
    if _close(have, 1 - want) and not _close(want, 0.5):
        return (f"{variable} is 1 minus the right value: the "
                f"complement (an accuracy for an error rate, 1 - p for p)")
    offset = have - want
    if want.size > 1 and _close(offset, np.full_like(offset,
                                                     offset.flat[0])):
        return (f"every value of {variable} is off by the same amount "
                f"({offset.flat[0]:.4g}): a constant term is missing or "
                f"extra (a bias, an epsilon, a 1 -)")
    return ""


def _step_relation(variable, want_step, have_step, factors):
    """Relations of the change from the input of the same name."""
    if not np.any(want_step):
        return ""
    if not np.any(have_step):
        return (f"{variable} did not change: the update was not applied "
                f"(or not stored back)")
    if _close(have_step, -want_step):
        return (f"{variable} moved the wrong way: the step must go "
                f"against the gradient (a + where a - belongs)")
    factor = _constant_factor(want_step, have_step)
    if factor is not None and (want_step.size > 1
                               or _named(factor, factors)):
        return (f"the change of {variable} is "
                f"{_name_factor(factor, factors)}")
    return ""


def _constant_factor(want, have):
    """``k`` when ``have`` is ``k * want`` for one k != 1, else None."""
    scale = float(np.vdot(want, want))
    if scale == 0:
        return None
    k = float(np.vdot(want, have)) / scale
    if k == 0 or np.isclose(k, 1, rtol=1e-6) or not np.allclose(
            have, k * want, rtol=1e-4, atol=1e-12 * np.abs(want).max()):
        return None
    return k


def _known_factors(inputs):
    """(value, meaning) of the factors that common mistakes introduce."""
    scalars = {name: float(value) for name, value in inputs.items()
               if _is_number(value) and "[" not in name
               and not isinstance(value, (bool, np.bool_))}
    factors = []
    for m in sorted({np.shape(v)[-1] for v in inputs.values()
                     if np.ndim(v) == 2 and np.shape(v)[-1] > 1}):
        factors += [(m, f"the average over the m = {m} examples is "
                        f"missing (a 1/m or a mean)"),
                    (1 / m, f"divided by m = {m} once too often (a 1/m or "
                            f"a mean where a sum belongs)")]
    for name, value in scalars.items():
        if value not in (0.0, 1.0, -1.0):
            factors += [(1 / value, f"{name} is missing"),
                        (value, f"{name} is applied twice (or where it "
                                f"does not belong)")]
    return factors + _bias_correction_factors(scalars)


def _bias_correction_factors(scalars):
    """Factors of missing or mixed-up Adam bias corrections 1 - beta^t."""
    t = scalars.get("t")
    betas = sorted(name for name in scalars if name.startswith("beta"))
    if t is None or not betas:
        return []
    c = {name: 1 - scalars[name] ** t for name in betas}
    factors = [(c[name], f"the bias correction 1 - {name}^t is missing")
               for name in betas]
    if len(betas) == 2:
        first, second = betas
        factors += [
            (c[first] * np.sqrt(c[second]),
             "both bias corrections are missing"),
            (np.sqrt(c[second]), f"the bias correction of s "
                                 f"(1 - {second}^t) is missing"),
            (np.sqrt(c[first] / c[second]),
             f"s is corrected with 1 - {first}^t where 1 - {second}^t "
             f"belongs"),
            (c[first] / c[second], f"v is corrected with 1 - {second}^t "
                                   f"where 1 - {first}^t belongs")]
    return factors


def _named(k, factors):
    """The meaning of the known factor closest to ``k``, or None."""
    close = [(abs(k - value), meaning) for value, meaning in factors
             if np.isclose(k, value, rtol=1e-3)]
    return min(close)[1] if close else None


def _name_factor(k, factors):
    """Describe the factor ``k`` by the mistake that explains it."""
    meaning = _named(k, factors) or "a scale factor is missing or extra"
    return f"{_ratio(k)} the right value: {meaning}"


def _ratio(k):
    if abs(k) >= 1:
        return f"{k:.4g} times"
    return f"1/{1 / k:.4g} of"


def named_inputs(arg_names, args, kwargs):
    """Input name -> value for every input and every item of a dict input.

    Used by :func:`explain`: an output ``parameters['W1']`` is compared
    with the input ``parameters['W1']``.
    """
    named = dict(zip(arg_names, args))
    named.update(kwargs)
    flat = {}
    for name, value in named.items():
        flat[name] = value
        if isinstance(value, dict):
            flat.update({f"{name}[{key!r}]": item
                         for key, item in value.items()})
    return {name: value for name, value in flat.items()
            if isinstance(value, np.ndarray) and value.dtype.kind in "iuf"
            or _is_number(value)}


# --- Structure: promised types, shared memory --------------------------------

#: What a docstring can promise about a value, and the test of each word.
TYPE_WORDS = {
    "float": lambda v: isinstance(v, (float, np.floating)),
    "int": lambda v: type(v) is int,
    "integer": lambda v: isinstance(v, (int, np.integer)) and not
    isinstance(v, (bool, np.bool_)),
    "number": _is_number,
    "float array": lambda v: isinstance(v, np.ndarray) and v.ndim > 0
    and v.dtype.kind == "f",
    "int array": lambda v: isinstance(v, np.ndarray) and v.ndim > 0
    and v.dtype.kind in "iu",
    "bool array": lambda v: isinstance(v, np.ndarray) and v.ndim > 0
    and v.dtype.kind == "b",
    "array": lambda v: isinstance(v, np.ndarray),
    "any": lambda v: True,
}

_TYPE_ADVICE = {
    "float": "a Python float (a NumPy float64 is fine)",
    "int": "a Python int",
    "integer": "an integer",
    "number": "a number",
    "float array": "an array of floats",
    "int array": "an array of integers",
    "bool array": "an array of booleans",
    "array": "a NumPy array",
}

#: The hint for each broken promise: the likely cause and the fix.
_TYPE_HINTS = {
    "float": "a float is promised: float(x) turns a 0-d array (what "
             "np.sum, np.dot or np.squeeze of arrays can give) or an int "
             "into one",
    "int": "a Python int is promised, not a NumPy integer (what np.sum "
           "or counting on arrays gives): int(x) turns one into the other",
    "float array": "floats are promised: integers or booleans (what a "
                   "comparison gives) make later arithmetic wrong; use "
                   ".astype(float), or 1.0 * x",
    "int array": "integers are promised: use .astype(int)",
    "bool array": "booleans (bool) are promised: the comparison itself, "
                  "such as x > 0.5, gives them; do not round or convert "
                  "its result",
}


def promised_type(expected):
    """The type word that ``expected`` (the reference's value) stands for.

    Arrays promise their kind of dtype, a Python int promises a Python
    int, a float promises a float (not a 0-d array); a 0-d array promises
    only a number.
    """
    if isinstance(expected, np.ndarray):
        if expected.ndim == 0:
            return "number"
        return {"f": "float array", "b": "bool array", "i": "int array",
                "u": "int array"}.get(expected.dtype.kind, "array")
    if isinstance(expected, (bool, np.bool_)):
        return "any"
    if type(expected) is int:
        return "int"
    if isinstance(expected, np.integer):
        return "integer"
    if isinstance(expected, (float, np.floating)):
        return "float"
    return "any"


def declared_type(types, variable):
    """The word ``types`` declares for ``variable`` (or its container)."""
    best = None
    for key in types:
        if (variable == key or variable.startswith(key + "[")) and (
                best is None or len(key) > len(best)):
            best = key
    return None if best is None else types[best]


def type_problems(output_names, expected, got, types):
    """Values whose type breaks what the docstring promises.

    Call only after the values agree (same structure).

    Parameters
    ----------
    types : dict
        Output name (or ``"name['key']"``, ``"name[0]"``) -> a word of
        :data:`TYPE_WORDS`; a name covers everything inside it. Values not
        declared promise :func:`promised_type` of the expected value.
    """
    problems = []
    for variable, want, have in _leaf_pairs(output_names, expected, got):
        word = promised_type(want)
        if word != "any":
            word = declared_type(types, variable) or word
        if not TYPE_WORDS[word](have):
            problem = Mismatch(variable, f"expected {_TYPE_ADVICE[word]}; "
                                         f"got {_type_name(have)}")
            problem.add_hint(_TYPE_HINTS.get(word))
            problems.append(problem)
    return problems


def _type_name(value):
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return f"a 0-d NumPy array of dtype {value.dtype}"
        return f"an array of dtype {value.dtype}"
    return f"a {type(value).__module__.replace('builtins', '')}" \
           f"{'.' if type(value).__module__ != 'builtins' else ''}" \
           f"{type(value).__name__}"


def _leaf_pairs(output_names, expected, got):
    """(name, expected leaf, got leaf) over outputs of equal structure."""
    if len(output_names) == 1:
        expected, got = (expected,), (got,)
    pairs = []
    for name, want, have in zip(output_names, expected, got):
        pairs.extend(_walk_pairs(name, want, have))
    return pairs


def _walk_pairs(name, want, have):
    if isinstance(want, dict):
        return [pair for key in want
                for pair in _walk_pairs(f"{name}[{key!r}]", want[key],
                                        have[key])]
    if isinstance(want, (tuple, list)):
        return [pair for index, (a, b) in enumerate(zip(want, have))
                for pair in _walk_pairs(f"{name}[{index}]", a, b)]
    return [(name, want, have)]


def _named_objects(name, value):
    """(name, object) of every array, dict and list inside ``value``."""
    found = []
    if isinstance(value, np.ndarray) and value.ndim > 0 and value.size:
        found.append((name, value))
    elif isinstance(value, (dict, list)):
        found.append((name, value))
    if isinstance(value, dict):
        for key, item in value.items():
            found += _named_objects(f"{name}[{key!r}]", item)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            found += _named_objects(f"{name}[{index}]", item)
    return found


def _linked(a, b):
    """Whether two objects are one dict or list, or two arrays share
    memory."""
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        try:
            if not np.may_share_memory(a, b):
                return False
            return bool(np.shares_memory(a, b, max_work=10 ** 5))
        except np.exceptions.TooHardError:
            return True
        except Exception:  # an odd ndarray subclass: no verdict
            return False
    return a is b


def memory_links(output_names, result, arg_names, args, kwargs):
    """Which returned objects share memory, with each other or an input.

    Computed where the learner's objects live (in the sandbox for the
    trusted grader), returned as plain data.

    Returns
    -------
    list of [str, str, str]
        ``[output, other, kind]``: ``other`` is another output (``kind``
        ``"output"``) or an input (``kind`` ``"input"``) that is the same
        dict or list as ``output``, or an array sharing its memory.
    """
    if len(output_names) == 1:
        result = (result,)
    if not isinstance(result, tuple) or len(result) != len(output_names):
        return []
    outputs = [pair for name, value in zip(output_names, result)
               for pair in _named_objects(name, value)]
    named = dict(zip(arg_names, args))
    named.update(kwargs)
    inputs = [pair for name, value in named.items()
              for pair in _named_objects(name, value)]
    links = []
    for index, (name, value) in enumerate(outputs):
        links += [[name, other, "output"]
                  for other, other_value in outputs[index + 1:]
                  if not other.startswith(name + "[")
                  and _linked(value, other_value)]
        links += [[name, other, "input"] for other, other_value in inputs
                  if _linked(value, other_value)]
    return links


def _root(path):
    return path.split("[", 1)[0]


def forbidden_links(links, separate, fresh):
    """The links of :func:`memory_links` that a spec forbids, sorted.

    Parameters
    ----------
    links : list of [str, str, str]
        From :func:`memory_links`.
    separate : sequence of str
        Outputs whose arrays and dicts must not share memory with each
        other (nor within one output).
    fresh : sequence of str
        Outputs that must not share memory with any input.

    Returns
    -------
    list of [str, str, str]
    """
    return sorted(
        [name, other, kind] for name, other, kind in links
        if kind == "output" and _root(name) in separate
        and _root(other) in separate
        or kind == "input" and _root(name) in fresh)


def sharing_problems(links, separate, fresh):
    """A :class:`Mismatch` for each forbidden link (see
    :func:`forbidden_links`)."""
    problems, told = [], []
    for name, other, kind in forbidden_links(links, separate, fresh):
        if any(name.startswith(a + "[") and other.startswith(b + "[")
               for a, b in told):
            continue  # inside two objects already told to be one
        told.append((name, other))
        if kind == "output":
            problem = Mismatch(
                name, f"{name} and {other} are the same object in memory, "
                      f"so changing one changes the other")
            problem.add_hint(
                f"give {other} its own array or dict (e.g. its own "
                f"np.zeros(...)); `{other} = {name}` or `a = b = ...` "
                f"gives the same object two names")
        else:
            problem = Mismatch(
                name, f"{name} shares memory with the input {other}")
            problem.add_hint(
                "return a new array (a computed result, new np.zeros(...) "
                "or a .copy()); "
                "a slice, a reshape or the input itself stays tied to the "
                "caller's data")
        problems.append(problem)
    return problems


# --- Running a function on a case -------------------------------------------

#: Every call of a graded function on a case (the reference's, a
#: mutant's, the learner's: in the notebook, the grader or the sandbox)
#: starts with NumPy's and Python's global random generators seeded with
#: this (far from the seeds the assignments use), so that code that draws
#: from them without seeding gets the same numbers in every process,
#: thread and run.
CASE_SEED = 2_718_281


def reset_global_generators():
    """Seed ``np.random``'s and ``random``'s global generators with
    :data:`CASE_SEED`."""
    import random

    np.random.seed(CASE_SEED)
    random.seed(CASE_SEED)


def call_capturing(function, args, kwargs):
    """Call ``function`` on copies of the inputs and capture what it prints.

    The global generators are reset first (:func:`reset_global_generators`).

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
    reset_global_generators()
    with contextlib.redirect_stdout(buffer):
        result = function(*args_copy, **kwargs_copy)
    return result, buffer.getvalue(), args_copy, kwargs_copy


def check_not_mutated(function_name, arg_names, args, args_after):
    """Raise :class:`Mismatch` if a call modified one of its inputs."""
    for name, before, after in zip(arg_names, args, args_after):
        try:
            compare(name, before, after, rtol=0, atol=0)
        except Mismatch:
            mismatch = Mismatch(name, f"{function_name} modified its "
                                      f"input '{name}' in place")
            mismatch.add_hint(
                f"{name} was changed in place: work on a copy ({name} = "
                f"{name}.copy(), copy.deepcopy for a dict) or build a new "
                f"array; `x -= ...`, `x /= ...` and `x[...] = ...` write "
                f"into the caller's data")
            raise mismatch from None


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
        when printing is not checked), ``rtol``, ``atol``, ``may_mutate``,
        ``types``, ``separate``, ``fresh`` (see :func:`judge_call`) and
        ``mistakes`` (a list of ``[hint, output, printed, shared]``:
        ``printed`` is None when printing is not checked, ``shared`` the
        forbidden ``[output, other]`` links of the mistake).
    """
    result, printed, args_after, kwargs_after = call_capturing(
        function, case["args"], case["kwargs"])
    rules = {key: case.get(key, default) for key, default in
             RULE_DEFAULTS.items()}
    rules.update(name=function.__name__, check_printed=case["printed"]
                 is not None, reveal=True)
    links = memory_links(case["outputs"], result, case["arg_names"],
                         args_after, kwargs_after)
    judge_call(rules, (case["expected"], case["printed"]),
               (result, printed, args_after, links),
               (case["args"], case["kwargs"]),
               lambda: [list(entry) + [[]] * (4 - len(entry))
                        for entry in case["mistakes"]])


#: The rules of :func:`judge_call` a frozen case may leave out.
RULE_DEFAULTS = {"outputs": (), "arg_names": (), "rtol": RTOL, "atol": ATOL,
                 "may_mutate": False, "types": {}, "separate": (),
                 "fresh": ()}


def judge_call(rules, expected, actual, inputs, mistakes):
    """Raise :class:`Mismatch` unless one call's result is right.

    Checks, in this order: values (every wrong variable, each with a
    hint when a relation or a known mistake explains it), forbidden
    shared memory, printed text, inputs not modified, promised types.

    Parameters
    ----------
    rules : dict
        ``name`` (the function's), ``outputs`` and ``arg_names`` (names),
        ``rtol``, ``atol``, ``reveal`` (may messages show expected values),
        ``check_printed``, ``may_mutate``, ``types`` (see
        :func:`type_problems`), ``separate`` and ``fresh`` (see
        :func:`sharing_problems`).
    expected : tuple
        ``(output, printed)`` of the reference.
    actual : tuple
        ``(output, printed, args_after, links)`` of the learner's call:
        ``links`` from :func:`memory_links`.
    inputs : tuple
        ``(args, kwargs)`` as they were before the call.
    mistakes : callable
        Returns the known mistakes on this case, ``[hint, output,
        printed, shared]`` each (see :func:`check_case`); called only on
        a failure.
    """
    got, printed, args_after, links = actual
    names = rules["outputs"]
    try:
        found = output_differences(names, expected[0], got, rules["rtol"],
                                   rules["atol"], rules["reveal"])
        if found:
            _hint_each(found, names, mistakes())
            explain(found, named_inputs(rules["arg_names"], *inputs))
            raise combined(found)
        problems = sharing_problems(links, rules["separate"], rules["fresh"])
        if problems:
            raise combined(problems)
        if rules["check_printed"]:
            compare("printed output", expected[1], printed, rules["rtol"],
                    rules["atol"], rules["reveal"])
        if not rules["may_mutate"]:
            check_not_mutated(rules["name"], rules["arg_names"], inputs[0],
                              args_after)
    except Mismatch as mismatch:
        shared = forbidden_links(links, rules["separate"], rules["fresh"])
        for hint, output, wrong_printed, wrong_shared in mistakes():
            if _raised(output) is None and matches(
                    names, output, got, wrong_printed, printed) and (
                    sorted(wrong_shared) == shared):
                mismatch.add_hint(hint)
        raise
    problems = type_problems(names, expected[0], got, rules["types"])
    if problems:
        raise combined(problems)


def _hint_each(found, output_names, mistakes):
    """Give each wrong variable the hints of the mistakes that explain it.

    A known mistake explains a variable when its output holds the same
    value there, so two mistakes made together get a hint each.
    """
    known = [(hint, _values_by_name(output_names, output))
             for hint, output, _, _ in mistakes if _raised(output) is None]
    for mismatch in found:
        if not hasattr(mismatch, "got"):
            continue
        for hint, values in known:
            if mismatch.variable in values and not differences(
                    "value", values[mismatch.variable], mismatch.got):
                mismatch.add_hint(hint)


def _values_by_name(output_names, output):
    """Name (as in messages) -> value, for every value inside an output."""
    if len(output_names) == 1:
        output = (output,)
    if not isinstance(output, tuple):
        return {}
    values = {}
    for name, value in zip(output_names, output):
        _collect_values(name, value, values)
    return values


def _collect_values(name, value, values):
    values[name] = value
    if isinstance(value, dict):
        for key, item in value.items():
            _collect_values(f"{name}[{key!r}]", item, values)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            _collect_values(f"{name}[{index}]", item, values)


def _raised(mistake_output):
    """The exception name a frozen mistake raised, or None."""
    if isinstance(mistake_output, dict) and list(mistake_output) == ["raises"]:
        return mistake_output["raises"]
    return None


def output_differences(output_names, expected, got, rtol, atol, reveal):
    """Every difference of a function's return value, naming each output.

    Returns
    -------
    list of Mismatch
    """
    if len(output_names) == 1:
        return differences(output_names[0], expected, got, rtol, atol,
                           reveal)
    if not isinstance(got, tuple) or len(got) != len(output_names):
        mismatch = Mismatch("return value",
                            f"expected a tuple ({', '.join(output_names)}), "
                            f"got {_describe(got)}")
        mismatch.add_hint(_tuple_hint(got))
        return [mismatch]
    items = {name: pair for name, pair in zip(output_names,
                                              zip(expected, got))}
    return _item_differences(items, rtol, atol, reveal)


def compare_outputs(output_names, expected, got, rtol, atol, reveal):
    """Compare a function's return value, naming each returned output."""
    found = output_differences(output_names, expected, got, rtol, atol,
                               reveal)
    if found:
        raise combined(found)


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
            mismatch.add_hint(size_hint(case["label"], number))
            raise AssertionError(
                f"{function_name}, check {number} of {len(cases)} "
                f"({case['label']}) failed.\n{mismatch}") from None
        except Exception as error:  # the learner's code raised
            found = [hint for hint, output, *_ in case["mistakes"]
                     if _raised(output) == type(error).__name__]
            found.append(size_hint(case["label"], number))
            found.append(missing_layer_hint(error, case["args"],
                                            case["kwargs"]))
            found.append(shape_error_hint(error))
            hints = "".join(f"\n  Hint: {hint}" for hint in found if hint)
            raise AssertionError(
                f"{function_name}, check {number} of {len(cases)} "
                f"({case['label']}) raised {type(error).__name__}: {error}"
                f"{hints}") from error
        print(f"  ok  {case['label']}: "
              f"{_summary(case['outputs'], case['expected'])}")
    print(f"{function_name}: all {len(cases)} visible checks passed.")


def missing_layer_hint(error, args, kwargs):
    """The hint when a KeyError asks for the layer after the inputs' last.

    Parameters
    ----------
    error : Exception
        What the learner's code raised.
    args, kwargs : tuple, dict
        The case's inputs.

    Returns
    -------
    str or None
        None unless ``error`` is a KeyError for a numbered key such as
        ``'W3'`` and an input dict holds the key before it (``'W2'``).
    """
    if not isinstance(error, KeyError) or len(error.args) != 1:
        return None
    key = error.args[0]
    number = _layer_number(key)
    if number is None or number < 2:
        return None
    before = f"{str(key)[:-len(str(number))]}{number - 1}"
    if not any(isinstance(value, dict) and before in value
               for value in list(args) + list(kwargs.values())):
        return None
    return (f"the code asks for {key!r} but the inputs stop at "
            f"{before!r}: a loop runs one layer too far, or the code "
            f"assumes a fixed number of layers. A dict with a W and a b "
            f"per layer has "
            f"L = len(parameters) // 2 layers; range(1, L + 1) visits "
            f"layers 1 to L")


def shape_error_hint(error):
    """The hint for NumPy's reshape and broadcasting errors, or None.

    "cannot reshape array of size N into shape (...)" means a fixed
    target shape; "could not be broadcast ... shapes (a, b) (a,)" means
    a reduction dropped its axis.
    """
    if not isinstance(error, ValueError):
        return None
    text = str(error)
    if text.startswith("cannot reshape array of size"):
        return ("the reshape's target does not hold the input's values: take "
                "the sizes from the input's shape (all its dimensions, "
                "height, width and depth alike, e.g. X.shape[1]), or let "
                "-1 compute one of them; sizes written in fit one input "
                "only")
    dropped = re.search(r"shapes \((\d+),\d+\) \((\d+),\)", text)
    if dropped and dropped.group(1) == dropped.group(2):
        return ("an operand of shape (n,) meets one of shape (n, k): a sum "
                "or max along axis 1 dropped that axis; keepdims=True "
                "keeps it as (n, 1) so it broadcasts row by row")
    return None


def size_hint(label, number):
    """The hint for a failed case that only changes sizes, or None.

    Parameters
    ----------
    label : str
        The case's label; cases that only change the sizes (or the
        number of layers) of the earlier ones start with "another size"
        or "another depth".
    number : int
        The case's position (1 for the first); the earlier ones passed.
    """
    kind = re.match(r"another (size|depth)", label)
    if number < 2 or kind is None:
        return None
    return (f"the earlier checks passed and this one only changes the "
            f"{kind.group(1)}: the code may work for the demo's sizes "
            f"only. Look for sizes or a number of layers written in; take "
            f"them from the inputs (X.shape[1], L = len(layer_dims)) and "
            f"let loops run over every layer")


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


# --- Command line: python course_checks.py NOTEBOOK --------------------------
#
# Everything below runs only from the command line (``course check`` is a
# thin wrapper over it). It executes the notebook in a real Jupyter kernel,
# as JupyterLab would (magics, the notebook's own folder as working
# directory), so it imports nbclient and nbformat lazily: whoever runs
# notebooks has them (JupyterLab depends on both), while the functions above
# keep needing NumPy and the standard library only.

#: Printed by the cell appended to the notebook, before its JSON results.
RESULTS_MARKER = "__COURSE_CHECK_RESULTS__"

#: The cell appended to the learner's notebook; runs in the learner's kernel.
RESULTS_CELL = (f"from course_checks import check_all as _check_all\n"
                f"print({RESULTS_MARKER!r} + _check_all(globals()))")


#: What Python raises for code it cannot compile.
SYNTAX_ERRORS = ("SyntaxError", "IndentationError", "TabError")


class NotebookError(Exception):
    """The notebook cannot be read or run; the message says why."""


def check_all(namespace, cases_file="public_cases.json"):
    """Run the visible checks of every graded function in a namespace.

    Each function's checks run whatever happened to the others.

    Parameters
    ----------
    namespace : dict
        The notebook's globals, where the graded functions are defined.
    cases_file : str
        The frozen public cases.

    Returns
    -------
    str
        JSON: function name -> ``[status, message]``, status being
        ``"passed"``, ``"failed"``, ``"not attempted"`` (the function still
        raises NotImplementedError) or ``"missing"`` (not defined).
    """
    results = {}
    for name in load_cases(cases_file):
        function = namespace.get(name)
        if not callable(function):
            results[name] = ["missing", "the function is not defined"]
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                check(name, function, cases_file)
            results[name] = ["passed", ""]
        except KeyboardInterrupt:  # the time limit of the cell
            results[name] = ["failed", f"{name} was stopped: its checks "
                                       f"ran past the time limit (an "
                                       f"endless loop?)"]
        except AssertionError as error:
            if isinstance(error.__cause__, NotImplementedError):
                results[name] = ["not attempted", ""]
            else:
                results[name] = ["failed", str(error)]
    return json.dumps(results)


def kernel_config():
    """Kernel settings: encrypted transport where pyzmq supports it.

    ipykernel warns on every start that talks plain TCP; with CurveZMQ keys
    (pyzmq built with libsodium, as its wheels are) the kernel and its
    client talk encrypted, and the warning does not apply.
    """
    import zmq
    from traitlets.config import Config

    config = Config()
    if zmq.has("curve"):
        config.KernelManager.transport_encryption = "auto"
    return config


def _jupyter():
    """nbformat and nbclient, or a NotebookError that says what to do."""
    try:
        import nbclient
        import nbformat
    except ImportError as error:
        raise NotebookError(
            f"checking a notebook from the command line needs Jupyter "
            f"({error}); install the packages of the course's setup page "
            f"(jupyterlab, ipykernel), or run the check cells in "
            f"JupyterLab") from None
    return nbformat, nbclient


def read_notebook(path):
    """Read an exercise notebook beside its ``public_cases.json``.

    Raises
    ------
    NotebookError
        When the file is missing, is not a notebook, or has no
        ``public_cases.json`` beside it.
    """
    from pathlib import Path

    nbformat, _ = _jupyter()
    path = Path(path)
    if not path.is_file():
        raise NotebookError(f"{path}: no such notebook")
    if not (path.parent / "public_cases.json").is_file():
        raise NotebookError(
            f"{path.parent}: no public_cases.json beside the notebook; "
            f"check a notebook inside its exercise folder (download the "
            f"whole folder from the exercise's page)")
    try:
        return nbformat.read(path, as_version=4)
    except Exception as error:
        raise NotebookError(f"{path} is not a valid notebook ({error}); "
                            f"restore it from the exercise folder") from None


def execute(notebook, folder, timeout=300):
    """Run every cell of ``notebook`` in a fresh kernel, errors or not.

    A cell that runs past the time limit is interrupted, as the stop
    button of JupyterLab would, and the next cells run.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        Receives its outputs.
    folder : str or pathlib.Path
        The kernel's working directory (the notebook's folder).
    timeout : int
        Seconds allowed per cell.
    """
    _, nbclient = _jupyter()
    nbclient.NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", allow_errors=True,
        interrupt_on_timeout=True, record_timing=False,
        config=kernel_config(),
        resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def run_checks(path, timeout=300):
    """Run a notebook, then the visible checks of all its functions.

    Returns
    -------
    dict
        Function name -> ``(status, message)``; see :func:`check_all`. A
        missing function whose cell failed (a SyntaxError, say) is
        ``"error"``, its message naming the code cell and line.
    """
    from pathlib import Path

    nbformat, _ = _jupyter()
    notebook = read_notebook(path)
    notebook.cells.append(nbformat.v4.new_code_cell(RESULTS_CELL))
    execute(notebook, Path(path).parent, timeout)
    *cells, last = notebook.cells
    for output in last.get("outputs", []):
        text = output.get("text", "")
        if RESULTS_MARKER in text:
            results = json.loads(text.split(RESULTS_MARKER, 1)[1])
            break
    else:
        raise NotebookError(f"{path}: the checks could not run "
                            f"({_error_text(last) or 'no output'})")
    code = [cell for cell in cells if cell.cell_type == "code"]
    for name, (status, _) in results.items():
        if status == "missing":
            results[name] = _why_missing(name, code)
    return {name: tuple(result) for name, result in results.items()}


def _why_missing(name, code_cells):
    """``(status, message)`` of a function the notebook did not define."""
    definition = re.compile(rf"^\s*def\s+{re.escape(name)}\s*\(", re.M)
    for number, cell in enumerate(code_cells, start=1):
        if definition.search(cell.source):
            error = _error_text(cell)
            if error:
                return ("error", f"code cell {number} (the cell that "
                                 f"defines {name}) failed: {error}")
            return ("missing", f"code cell {number} defines {name} but did "
                               f"not run")
    return ("missing", f"no code cell defines {name}: restore its cell "
                       f"from the exercise folder")


def _error_text(cell):
    """The error a code cell raised, with the line of a SyntaxError."""
    for output in cell.get("outputs", []):
        if output.get("output_type") != "error":
            continue
        name, value = output.get("ename", ""), output.get("evalue", "")
        where = re.fullmatch(r"(.*) \(.*, line (\d+)\)", value, re.S)
        if name in SYNTAX_ERRORS and where:
            message, line = where.group(1), int(where.group(2))
            lines = cell.source.splitlines()
            shown = lines[line - 1].strip() if line <= len(lines) else ""
            return f"{name} at line {line}: {message}\n    {shown}"
        if name == "KeyboardInterrupt":
            return "it ran past the time limit and was stopped"
        return f"{name}: {value}"
    return ""


def format_table(results):
    """The results as text: one row per function, then its full message.

    Parameters
    ----------
    results : dict
        Function name -> ``(status, message)``.
    """
    width = max(len(name) for name in results)
    lines = [f"{'function':<{width}}  result", f"{'-' * width}  " + "-" * 13]
    for name, (status, message) in results.items():
        lines.append(f"{name:<{width}}  {status}")
        if message:
            lines += ["    " + line for line in message.splitlines()]
    statuses = [status for status, _ in results.values()]
    untouched = statuses.count("not attempted")
    lines.append(f"\n{statuses.count('passed')} of {len(results)} functions "
                 f"pass their visible checks"
                 + (f"; {untouched} not attempted (still raising "
                    f"NotImplementedError)." if untouched else "."))
    return "\n".join(lines)


def main(argv=None):
    """``python course_checks.py NOTEBOOK``: print the table; exit 0 when
    every function passes, 1 when one does not, 2 when the notebook cannot
    be checked."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(
        prog="python course_checks.py",
        description="Run an exercise notebook top to bottom, then the "
                    "visible checks of every graded function, and print "
                    "what passed and what did not.")
    parser.add_argument("notebook", help="the exercise notebook, inside "
                                         "its exercise folder")
    parser.add_argument("--timeout", type=int, default=300,
                        help="seconds allowed per cell (default 300)")
    args = parser.parse_args(argv)
    try:
        results = run_checks(args.notebook, args.timeout)
    except NotebookError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_table(results))
    return 0 if all(status == "passed"
                    for status, _ in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
