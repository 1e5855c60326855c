"""Round trip through nbgrader's real commands: release, submit, grade."""
import importlib
import shutil

import nbformat
import pytest

from autograder import ROOT
from autograder.grading import autograde, cell_scores
from autograder.release import (SOLUTIONS, generate_exercise,
                                graded_cell_source)
from autograder.spec import load_specs
from tests.conftest import SLUGS

pytestmark = pytest.mark.slow

def _submit(course, slug, student, notebook_text, source_folder):
    """Place a submission in ``submitted/<student>/<slug>/``."""
    folder = course / "submitted" / student / slug
    shutil.copytree(source_folder, folder,
                    ignore=shutil.ignore_patterns(f"{slug}.ipynb",
                                                  "__pycache__"))
    (folder / f"{slug}.ipynb").write_text(notebook_text, encoding="utf-8")


def _with_mutant(slug):
    """The solution notebook with one function replaced by a mutant.

    The learner's cell imports the wrong function from the mutant catalogue
    (the grading environment has the package), under the graded name.
    """
    module = importlib.import_module(f"autograder.mutants.{slug}")
    name, mistake = module.ROUND_TRIP
    mutant = next(m for m in module.MUTANTS[name] if m.mistake == mistake)
    notebook = nbformat.read(SOLUTIONS / slug / f"{slug}.ipynb", 4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == name:
            cell.source = (f"from autograder.mutants.{slug} import "
                           f"{mutant.function.__name__} as {name}")
    return nbformat.writes(notebook)


def _round_trip_function(slug):
    return importlib.import_module(f"autograder.mutants.{slug}").ROUND_TRIP[0]


@pytest.fixture(scope="module", params=SLUGS)
def graded_class(request, tmp_path_factory):
    """A class of four submissions, graded by nbgrader."""
    slug = request.param
    course = tmp_path_factory.mktemp(f"course-{slug}")
    exercise = generate_exercise(slug, course)
    (course / "datasets").symlink_to(ROOT / "datasets")
    solution_text = (SOLUTIONS / slug / f"{slug}.ipynb").read_text()
    _submit(course, slug, "ada", solution_text, exercise)
    _submit(course, slug, "bob",
            (exercise / f"{slug}.ipynb").read_text(), exercise)
    _submit(course, slug, "cy", _with_mutant(slug),
            exercise)
    _submit(course, slug, "dee", solution_text[:-200], exercise)
    outcomes = {o.student: o for o in autograde(course, slug)}
    return slug, course, outcomes


def test_solution_gets_full_marks(graded_class):
    """Does the solution, submitted as a student, earn every point?"""
    slug, _, outcomes = graded_class
    total = sum(spec.points for spec in load_specs(slug))
    assert outcomes["ada"].error == ""
    assert outcomes["ada"].score == outcomes["ada"].max_score == total


def test_untouched_exercise_scores_zero(graded_class):
    """Is the untouched exercise graded 0, without crashing?"""
    _, _, outcomes = graded_class
    assert outcomes["bob"].error == ""
    assert outcomes["bob"].score == 0


def test_one_wrong_function_loses_exactly_its_points(graded_class):
    """Does one wrong function cost that function's points, no more?"""
    slug, course, outcomes = graded_class
    name = _round_trip_function(slug)
    points = next(s.points for s in load_specs(slug) if s.name == name)
    assert outcomes["cy"].score == outcomes["cy"].max_score - points
    scores = cell_scores(course, slug, "cy")
    assert scores[f"test_{name}"] == 0
    assert all(score > 0 for grade_id, score in scores.items()
               if grade_id.startswith("test_") and grade_id != f"test_{name}")


def test_corrupt_submission_is_an_error_and_others_are_graded(graded_class):
    """Is a corrupt notebook reported as an error while the rest grade?"""
    _, _, outcomes = graded_class
    assert outcomes["dee"].score is None
    assert "not valid notebook JSON" in outcomes["dee"].error
    assert [o.student for o in outcomes.values() if o.score is not None] == [
        "ada", "bob", "cy"]


def test_graded_cells_hold_the_reference_source(graded_class):
    """Is each graded cell of the source notebook the reference's code?"""
    slug, _, _ = graded_class
    notebook = nbformat.read(SOLUTIONS / slug / f"{slug}.ipynb", 4)
    sources = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source
               for cell in notebook.cells}
    for spec in load_specs(slug):
        assert sources[spec.name] == graded_cell_source(slug, spec.name)
