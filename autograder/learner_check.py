"""``course check NOTEBOOK``: a learner's visible checks, from the terminal.

The notebook runs top to bottom in a real Jupyter kernel (errors do not
stop it), then every graded function listed in the folder's
``public_cases.json`` is checked in that same kernel.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat

from autograder.kernel import run_notebook

MARKER = "__COURSE_CHECK__"

#: Appended to the learner's notebook; runs in the learner's kernel.
CHECK_CELL = f'''
import contextlib as _contextlib, io as _io, json as _json
from course_checks import check as _check, load_cases as _load_cases
_results = {{}}
for _name in _load_cases("public_cases.json"):
    if not callable(globals().get(_name)):
        _results[_name] = ["missing", "the function is not defined"]
        continue
    try:
        with _contextlib.redirect_stdout(_io.StringIO()):
            _check(_name, globals()[_name])
        _results[_name] = ["passed", ""]
    except AssertionError as _error:
        _results[_name] = ["failed", str(_error)]
print("{MARKER}" + _json.dumps(_results))
'''


class NotebookError(Exception):
    """The notebook cannot be read or run; the message says why."""


def run_checks(path, timeout=300):
    """Run a notebook and its visible checks.

    Returns
    -------
    dict
        Function name -> ``(status, message)``, status being ``"passed"``,
        ``"failed"`` or ``"missing"``.
    """
    path = Path(path)
    if not path.is_file():
        raise NotebookError(f"{path}: no such notebook")
    if not (path.parent / "public_cases.json").is_file():
        raise NotebookError(
            f"{path.parent}: no public_cases.json beside the notebook; run "
            f"`course check` on a notebook inside its exercise folder")
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as error:
        raise NotebookError(f"{path} is not a valid notebook ({error}); "
                            f"restore it from the exercise folder") from None
    notebook.cells.append(nbformat.v4.new_code_cell(CHECK_CELL))
    run_notebook(notebook, path.parent, timeout, allow_errors=True)
    for output in notebook.cells[-1].get("outputs", []):
        text = output.get("text", "")
        if MARKER in text:
            payload = text.split(MARKER, 1)[1]
            return {name: tuple(result)
                    for name, result in json.loads(payload).items()}
    raise NotebookError(f"{path}: the checks could not run")


def format_table(results):
    """A plain-text table of the results, one function per row."""
    width = max(len(name) for name in results)
    lines = [f"{'function':<{width}}  result  detail",
             f"{'-' * width}  ------  ------"]
    for name, (status, message) in results.items():
        detail = message.splitlines()[1] if "\n" in message else message
        lines.append(f"{name:<{width}}  {status:<6}  {detail}"[:160])
    passed = sum(status == "passed" for status, _ in results.values())
    lines.append(f"\n{passed} of {len(results)} functions pass their "
                 f"visible checks.")
    return "\n".join(lines)
