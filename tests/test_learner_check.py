"""The learner's checker: `python course_checks.py NOTEBOOK` in a folder.

A copied exercise folder, away from the repository, with a notebook
filled in the way a learner leaves it: one function right, one wrong, one
with a syntax error, the others untouched.
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import ROOT

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
SLUG = "c1w2_numpy_basics"

#: The learner's cells: function name -> full cell source.
ANSWERS = {
    # Wrong, and early in the notebook: later checks must still run.
    "sigmoid": "def sigmoid(x):\n    return 1 / (1 + np.exp(x))",
    "softmax": ("def softmax(x):\n"
                "    e = np.exp(x)\n"
                "    return e / e.sum(axis=1 keepdims=True)"),
    "L1": "def L1(yhat, y):\n    return np.mean(np.abs(y - yhat))",
    "L2": "def L2(yhat, y):\n    return np.sum((y - yhat) ** 2)",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A copy of the exercise folder with the learner's answers."""
    target = tmp_path_factory.mktemp("learner") / SLUG
    shutil.copytree(ROOT / "exercises" / SLUG, target)
    path = target / f"{SLUG}.ipynb"
    notebook = nbformat.read(path, 4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in ANSWERS:
            cell.source = ANSWERS[grade_id]
    nbformat.write(notebook, path)
    return target


@pytest.fixture(scope="module")
def checked(folder):
    """What `python course_checks.py NOTEBOOK` prints, run in the folder."""
    return subprocess.run(
        [sys.executable, "course_checks.py", f"{SLUG}.ipynb"], cwd=folder,
        capture_output=True, text=True)


def _rows(stdout):
    """Function name -> (status, message lines) from the printed table."""
    rows, current = {}, None
    for line in stdout.split("\n\n")[0].splitlines()[2:]:
        if line.startswith("    "):
            rows[current][1].append(line[4:])
        else:
            current = line.split()[0]
            rows[current] = (line[len(current):].strip(), [])
    return rows


def test_every_function_gets_its_own_row(checked):
    """Does the table list every function of public_cases.json, the
    passed one after the failures as passed, and exit 1?"""
    rows = _rows(checked.stdout)
    assert list(rows) == ["sigmoid", "sigmoid_derivative", "image2vector",
                          "normalize_rows", "softmax", "L1", "L2"]
    assert rows["L2"][0] == "passed"
    assert rows["sigmoid"][0] == "failed"
    assert checked.returncode == 1
    assert "1 of 7 functions pass their visible checks" in checked.stdout


def test_a_wrong_function_gets_its_full_message(checked):
    """Does a failure show the case, expected against got and the hint,
    not just its first line?"""
    status, message = _rows(checked.stdout)["L1"]
    assert status == "failed"
    assert message[0].startswith("L1, check 1 of 2")
    assert re.fullmatch(r"loss: expected [\d.]+, got [\d.]+", message[1])
    assert message[2].strip().startswith("Hint: ")
    assert "mean" in message[2]


def test_an_untouched_function_is_not_attempted(checked):
    """Is a function that still raises NotImplementedError reported as
    "not attempted", and counted as such?"""
    assert _rows(checked.stdout)["normalize_rows"] == ("not attempted", [])
    assert "3 not attempted" in checked.stdout


def test_a_syntax_error_names_its_cell_and_line(checked, folder):
    """Does a SyntaxError say which code cell, which line, and show it?"""
    code = [cell for cell in nbformat.read(folder / f"{SLUG}.ipynb",
                                           4).cells
            if cell.cell_type == "code"]
    number = 1 + next(index for index, cell in enumerate(code)
                      if cell.metadata.get("nbgrader", {}).get("grade_id")
                      == "softmax")
    status, message = _rows(checked.stdout)["softmax"]
    assert status == "error"
    assert message[0].startswith(f"code cell {number} (the cell that "
                                 f"defines softmax) failed: SyntaxError "
                                 f"at line 3:")
    assert message[1].strip() == "return e / e.sum(axis=1 keepdims=True)"


def test_no_kernel_warnings_reach_the_learner(checked):
    """Is standard error empty: no TCP warning, no kernel chatter?"""
    assert checked.stderr == ""


def test_course_check_prints_the_same_table(checked, folder):
    """Is `course check` a wrapper that prints exactly the same?"""
    result = subprocess.run(
        [str(BIN / "course"), "check", str(folder / f"{SLUG}.ipynb")],
        capture_output=True, text=True)
    assert (result.stdout, result.returncode) == (checked.stdout,
                                                  checked.returncode)


def test_the_checker_needs_only_numpy_and_the_standard_library(folder):
    """Can the notebook import course_checks when Jupyter's packages are
    missing (the command line imports them only when it runs)?"""
    blocked = ("nbclient", "nbformat", "zmq", "traitlets", "IPython",
               "jupyter_client")
    code = (f"import sys\nsys.modules.update(dict.fromkeys({blocked!r}))\n"
            f"import course_checks\nprint(sorted(course_checks.load_cases("
            f"'public_cases.json'))[0])")
    result = subprocess.run([sys.executable, "-c", code], cwd=folder,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "L1"


def test_a_notebook_outside_its_folder_is_refused(tmp_path, folder):
    """Does a notebook with no public_cases.json beside it get exit 2 and
    a message saying to use the whole exercise folder?"""
    shutil.copy(folder / f"{SLUG}.ipynb", tmp_path)
    result = subprocess.run(
        [sys.executable, str(folder / "course_checks.py"),
         str(tmp_path / f"{SLUG}.ipynb")], capture_output=True, text=True)
    assert result.returncode == 2
    assert "no public_cases.json beside the notebook" in result.stderr
    assert "whole folder" in result.stderr


def test_an_endless_loop_is_stopped_and_the_rest_checked(folder):
    """Does a function that never returns get "stopped" after the time
    limit, while the functions before it keep their results?"""
    notebook = nbformat.read(folder / f"{SLUG}.ipynb", 4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "L2":
            cell.source = "def L2(yhat, y):\n    while True:\n        pass"
    nbformat.write(notebook, folder / "loop.ipynb")
    result = subprocess.run(
        [sys.executable, "course_checks.py", "loop.ipynb", "--timeout",
         "10"], cwd=folder, capture_output=True, text=True)
    rows = _rows(result.stdout)
    assert rows["L2"] == ("failed", ["L2 was stopped: its checks ran past "
                                     "the time limit (an endless loop?)"])
    assert rows["L1"][0] == "failed"
    assert rows["sigmoid_derivative"][0] == "not attempted"
