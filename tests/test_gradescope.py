"""The Gradescope autograder zip, built and run as Gradescope would."""
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from autograder import ROOT
from autograder.assignment import Assignment, slugs
from autograder.gradescope import build_zip, grading_modules
from tests.corpus import honest

SLUG = "c2w2_optimization_methods"
WRONG = "update_parameters_with_adam"


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory):
    path = tmp_path_factory.mktemp("zip") / "autograder.zip"
    build_zip(Assignment.named(SLUG), path)
    return path


def _run_autograder(autograder_zip, root, submission):
    """Lay ``root`` out as Gradescope's /autograder, upload the
    ``submission`` files (name -> text), run ``run_autograder``; return
    results.json and the script's output."""
    with zipfile.ZipFile(autograder_zip) as archive:
        archive.extractall(root / "source")
    for name in ("run_autograder", "setup.sh"):
        (root / "source" / name).chmod(0o755)
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    # setup.sh would install into /autograder/venv: use the tests' venv.
    (root / "venv").symlink_to(Path(sys.prefix))
    (root / "submission").mkdir()
    (root / "results").mkdir()
    for name, text in submission.items():
        (root / "submission" / name).write_text(text)
    run = subprocess.run([str(root / "run_autograder")], cwd=root,
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ,
                              "COURSE_GRADESCOPE_ROOT": str(root)})
    assert run.returncode == 0, run.stderr
    return json.loads((root / "results" / "results.json").read_text()), \
        run.stdout


def test_zip_has_gradescopes_layout(autograder_zip):
    """Are setup.sh and run_autograder executable at the zip's root, with
    the pinned requirements beside them?"""
    with zipfile.ZipFile(autograder_zip) as archive:
        modes = {info.filename: info.external_attr >> 16
                 for info in archive.infolist()}
        requirements = archive.read("requirements.txt").decode()
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    pinned = set((ROOT / "requirements.txt").read_text().splitlines())
    lines = requirements.splitlines()
    assert set(lines) <= pinned
    names = {line.split("==")[0].lower() for line in lines}
    assert {"numpy", "nbformat", "h5py", "matplotlib"} <= names
    assert "nbgrader" not in names and "jupyter-book" not in names


def test_zip_holds_no_other_assignment_and_no_notebook(autograder_zip):
    """Does the zip leave out instructor notebooks, the other assignments'
    references, specs and cases, and data files this one never reads?"""
    with zipfile.ZipFile(autograder_zip) as archive:
        names = archive.namelist()
    others = [slug for slug in slugs() if slug != SLUG]
    assert not [name for name in names if name.endswith(".ipynb")]
    assert not [name for name in names for slug in others if slug in name]
    assert f"autograder/reference/{SLUG}.py" in names
    assert f"solutions/{SLUG}/public_cases.json" in names
    assert [name for name in names if name.endswith(".h5")] == [
        "datasets/moons.h5"]


@pytest.fixture(scope="module")
def class_results(autograder_zip, tmp_path_factory):
    """results.json of a correct and of a wrong submission."""
    assignment = Assignment.named(SLUG)
    notebooks = honest(assignment, mutants_per_function=1)
    return {name: _run_autograder(autograder_zip,
                                  tmp_path_factory.mktemp(name),
                                  {f"{SLUG}.ipynb": notebooks[name]})
            for name in ("solution", f"mutant-{WRONG}-0")}


def test_run_autograder_gives_a_correct_submission_full_marks(
        class_results):
    """Does the zip's own package grade the solution with every point?"""
    results, output = class_results["solution"]
    assignment = Assignment.named(SLUG)
    assert results["score"] == assignment.max_score
    assert all(test.get("status", "passed") == "passed"
               and test.get("score") == test.get("max_score")
               for test in results["tests"])
    assert "/source/autograder" in output  # not the repository's package


def test_run_autograder_hides_hidden_tests_until_published(class_results):
    """Are the hidden tests 'after_published' and the visible checks
    'visible', with the wrong function's points lost?"""
    results, _ = class_results[f"mutant-{WRONG}-0"]
    assignment = Assignment.named(SLUG)
    tests = {test["name"]: test for test in results["tests"]}
    assert len(tests) == 2 * len(assignment.specs)
    for spec in assignment.specs:
        visible = tests[f"{spec.name}: visible checks"]
        hidden = tests[f"{spec.name}: hidden tests"]
        assert visible["visibility"] == "visible" and "score" not in visible
        assert hidden["visibility"] == "after_published"
        assert hidden["max_score"] == spec.points
        right = spec.name != WRONG
        assert hidden["score"] == (spec.points if right else 0)
    assert results["score"] == assignment.max_score - assignment.spec(
        WRONG).points
    assert tests[f"{WRONG}: visible checks"]["status"] == "failed"
    assert tests[f"{WRONG}: visible checks"]["output"]


def test_run_autograder_reports_a_missing_notebook(autograder_zip,
                                                    tmp_path):
    """Does an upload without the notebook score 0 with a message that
    names the file to upload?"""
    results, _ = _run_autograder(autograder_zip, tmp_path,
                                 {"notes.txt": "my answers"})
    assert results["score"] == 0
    assert f"{SLUG}.ipynb" in results["output"]


def test_command_writes_the_zip_and_refuses_an_unknown_slug(tmp_path,
                                                           capsys):
    """Does `course gradescope SLUG -o OUT` write the zip, and an unknown
    assignment exit with 2 and the known ids?"""
    from autograder.cli import main

    out = tmp_path / "out" / "autograder.zip"
    assert main(["gradescope", SLUG, "-o", str(out)]) == 0
    assert "run_autograder" in zipfile.ZipFile(out).namelist()
    assert main(["gradescope", "c9w9_nothing", "-o", str(out)]) == 2
    assert SLUG in capsys.readouterr().err


def test_setup_installs_what_run_autograder_uses(autograder_zip):
    """Are both scripts valid bash, and does setup.sh install the pinned
    requirements into the venv that run_autograder runs? (Gradescope's
    image, apt and the network are not here: setup.sh itself is not run.)
    """
    with zipfile.ZipFile(autograder_zip) as archive:
        setup = archive.read("setup.sh").decode()
        run = archive.read("run_autograder").decode()
    for script in (setup, run):
        subprocess.run(["bash", "-n"], input=script, text=True, check=True)
    assert "python3.11 -m venv /autograder/venv" in setup
    assert "pip install -r requirements.txt" in setup
    assert '"$root/venv/bin/python" -m autograder.gradescope' in run


def test_zip_takes_another_assignments_modules_only_when_imported():
    """Does logistic regression's autograder take the numpy-basics
    reference and specs it imports, and nothing of the other ones?"""
    files, _ = grading_modules(Assignment.named("c1w2_logistic_regression"))
    others = {slug for slug in slugs() for name in files
              if slug in name and slug != "c1w2_logistic_regression"}
    assert others == {"c1w2_numpy_basics"}
    assert "autograder/reference/c1w2_numpy_basics.py" in files
