"""The student release: up to date, and leaking nothing."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from autograder import ROOT, release

pytestmark = pytest.mark.slow
COURSE = str(Path(sys.executable).parent / "course")


def test_release_check_passes_on_the_committed_tree():
    """Is exercises/ exactly what nbgrader generates from solutions/?"""
    result = subprocess.run([COURSE, "release", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "up to date and leaks nothing" in result.stdout


def test_leaked_solution_is_reported(tmp_path, monkeypatch):
    """Does a solution marker left in an exercise fail the leak check?"""
    slug = "c1w2_numpy_basics"
    shutil.copytree(release.EXERCISES / slug, tmp_path / slug)
    notebook = tmp_path / slug / f"{slug}.ipynb"
    notebook.write_text(notebook.read_text().replace(
        "# YOUR CODE HERE", "### BEGIN SOLUTION", 1))
    monkeypatch.setattr(release, "EXERCISES", tmp_path)
    monkeypatch.setattr(release, "ROOT", tmp_path)
    assert any("BEGIN SOLUTION" in p for p in release.leaks(slug))


def test_leaked_reference_line_is_reported(tmp_path, monkeypatch):
    """Does a line of reference code in an exercise fail the leak check?"""
    slug = "c1w2_numpy_basics"
    shutil.copytree(release.EXERCISES / slug, tmp_path / slug)
    notebook = tmp_path / slug / f"{slug}.ipynb"
    notebook.write_text(notebook.read_text().replace(
        "# YOUR CODE HERE", "x_sum = np.sum(x_exp, axis=1, keepdims=True)",
        1))
    monkeypatch.setattr(release, "EXERCISES", tmp_path)
    problems = release.leaks(slug)
    assert any("reference code of softmax" in p for p in problems)


def test_stale_exercise_is_reported(tmp_path, monkeypatch):
    """Does an edited exercise file make the check fail as stale?"""
    slug = "c1w2_numpy_basics"
    shutil.copytree(release.EXERCISES / slug, tmp_path / slug)
    (tmp_path / slug / "public_cases.json").write_text("{}\n")
    monkeypatch.setattr(release, "EXERCISES", tmp_path)
    assert any("public_cases.json is stale" in p
               for p in release.check(slug))


def test_exercise_cells_have_stubs_and_no_outputs():
    """Does every exercise notebook have stubs and no stored outputs?"""
    import nbformat
    for slug in release.slugs():
        notebook = nbformat.read(release.EXERCISES / slug / f"{slug}.ipynb",
                                 4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert all(not cell.outputs for cell in code)
        stubs = sum("raise NotImplementedError()" in cell.source
                    for cell in code)
        assert stubs == len(release.load_specs(slug))
