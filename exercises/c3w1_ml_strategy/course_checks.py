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
