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
