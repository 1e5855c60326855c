"""Notebooks: reproducible solutions, and `course check` for learners."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import ROOT
from autograder.release import graded_cell_source, slugs
from autograder.spec import load_specs

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


@pytest.mark.parametrize("slug", slugs())
def test_solution_notebook_reproduces_its_outputs(slug):
    """Does nbval re-run the solution notebook to the same text outputs?"""
    notebook = ROOT / "solutions" / slug / f"{slug}.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-q", "-p",
         "no:cacheprovider", "--nbval-sanitize-with",
         str(ROOT / "tests" / "nbval_sanitize.cfg"), str(notebook)],
        cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def _exercise_copy(tmp_path, slug):
    folder = tmp_path / slug
    shutil.copytree(ROOT / "exercises" / slug, folder)
    return folder


def _fill(folder, slug, bodies):
    """Write the learner's answers: function name -> full cell source."""
    path = folder / f"{slug}.ipynb"
    notebook = nbformat.read(path, 4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in bodies:
            cell.source = bodies[grade_id]
    nbformat.write(notebook, path)
    return path


def test_course_check_reports_passed_and_failed_functions(tmp_path):
    """Does `course check` table a right, a wrong and an unsolved function?"""
    folder = _exercise_copy(tmp_path, "c1w2_numpy_basics")
    path = _fill(folder, "c1w2_numpy_basics", {
        "sigmoid": "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))",
        "L1": "def L1(yhat, y):\n    return np.mean(np.abs(y - yhat))"})
    result = subprocess.run([str(BIN / "course"), "check", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    rows = {line.split()[0]: line.split()[1]
            for line in result.stdout.splitlines()[2:] if line.strip()
            and not line.startswith(("1 of", "0 of"))}
    assert rows["sigmoid"] == "passed"
    assert rows["L1"] == "failed"
    assert rows["softmax"] == "failed"
    assert "1 of 7 functions pass" in result.stdout


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


@pytest.mark.parametrize("slug", slugs())
def test_solved_exercise_runs_alone(tmp_path, slug):
    """Does an exercise folder, copied alone and solved, run to the end?

    The folder has no access to the repository: it must carry its checks
    and get its data by itself.
    """
    folder = _exercise_copy(tmp_path, slug)
    answers = {spec.name: graded_cell_source(slug, spec.name)
               for spec in load_specs(slug)}
    path = _fill(folder, slug, answers)
    notebook = nbformat.read(path, 4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    printed = "".join(output.get("text", "") for cell in notebook.cells
                      for output in cell.get("outputs", []))
    assert printed.count("visible checks passed") == len(answers)
