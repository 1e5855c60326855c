"""Notebooks: reproducible solutions, and `course check` for learners."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import ROOT
from autograder.assignment import Assignment
from tests.conftest import SLUGS

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


@pytest.mark.portable
@pytest.mark.parametrize("slug", SLUGS)
def test_solution_reproduces_its_outputs_in_its_exercise_folder(tmp_path,
                                                                slug):
    """Does the solution notebook, run by nbval in a copy of its exercise
    folder away from the repository, print what it stored?

    The folder must carry its checks and get its data by itself. Printed
    numbers are compared as numbers (``tests/nbval_numbers.py``), so the
    last digits that another BLAS kernel changes do not fail the test.
    """
    folder = _exercise_copy(tmp_path, slug)
    assignment = Assignment.named(slug)
    solution = assignment.solution_notebook
    printed = "".join(output.get("text", "") for cell in
                      nbformat.read(solution, 4).cells
                      for output in cell.get("outputs", []))
    assert printed.count("visible checks passed") == len(assignment.specs)
    shutil.copy(solution, folder / solution.name)
    # One argument with "=": a path given as a separate argument would make
    # pytest look for its configuration (and our addopts) beside it.
    sanitize = ROOT / "tests" / "nbval_sanitize.cfg"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-q", "-p",
         "no:cacheprovider", "-p", "nbval_numbers", f"--rootdir={folder}",
         f"--nbval-sanitize-with={sanitize}", solution.name],
        cwd=folder, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests")})
    assert result.returncode == 0, result.stdout[-3000:]


def _exercise_copy(tmp_path, slug):
    folder = tmp_path / slug
    shutil.copytree(ROOT / "exercises" / slug, folder)
    return folder


def test_course_check_names_a_corrupt_notebook(tmp_path):
    """Does `course check` on broken JSON say which file and what to do?"""
    folder = _exercise_copy(tmp_path, "c1w2_numpy_basics")
    path = folder / "c1w2_numpy_basics.ipynb"
    path.write_text(path.read_text()[:500])
    result = subprocess.run([str(BIN / "course"), "check", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "not a valid notebook" in result.stderr
    assert str(path) in result.stderr


def test_a_lone_notebook_stops_and_says_what_to_fetch(tmp_path):
    """Does a notebook downloaded without its folder stop in its first
    code cell, naming the missing files and the zip to download?"""
    from nbclient.exceptions import CellExecutionError

    from autograder.kernel import run_notebook

    slug = "c1w2_logistic_regression"
    notebook = nbformat.read(ROOT / "exercises" / slug / f"{slug}.ipynb", 4)
    with pytest.raises(CellExecutionError):
        run_notebook(notebook, tmp_path, timeout=120)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    error = code[0].outputs[-1]
    assert error.ename == "FileNotFoundError"
    for name in ("course_checks.py", "public_cases.json", "lr_utils.py",
                 f"{slug}.zip", "download the exercise folder"):
        assert name in error.evalue, name
    assert all(cell.execution_count is None for cell in code[1:])


def test_run_all_goes_on_after_a_failed_check(tmp_path):
    """With one wrong function, does a run that stops on errors (nbclient,
    as JupyterLab's Run all) still reach every later check, each passing,
    while the wrong function's check cell fails?"""
    import inspect

    from autograder.kernel import run_notebook

    slug = "c1w2_numpy_basics"
    assignment = Assignment.named(slug)
    folder = _exercise_copy(tmp_path, slug)
    path = folder / f"{slug}.ipynb"
    notebook = nbformat.read(path, 4)
    cells = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell
             for cell in notebook.cells}
    for name in assignment.function_names:
        cells[name].source = inspect.getsource(assignment.reference(name))
    # A rank-1 result; no later function calls image2vector.
    cells["image2vector"].source = ("def image2vector(image):\n"
                                    "    return image.reshape(-1)")
    run_notebook(notebook, folder, timeout=120)
    failed = [output for output in cells["test_image2vector"].outputs
              if output.output_type == "error"]
    assert failed and failed[0].ename == "AssertionError"
    names = assignment.function_names
    later = names[names.index("image2vector") + 1:]
    assert later
    for name in later:
        printed = "".join(output.get("text", "")
                          for output in cells[f"test_{name}"].outputs)
        assert f"{name}: all" in printed, name
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code[-1].execution_count is not None
