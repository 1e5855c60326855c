"""Round trip through nbgrader's real commands: release, submit, grade.

The same class is graded by nbgrader's autograde and by the fast engine;
both write nbgrader's gradebook.
"""
import importlib

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder import corpus
from autograder.grade import grade_class
from autograder.release import EXERCISES, SOLUTIONS, graded_cell_source
from autograder.spec import load_specs
from tests.conftest import SLUGS

pytestmark = pytest.mark.slow
ENGINES = ("nbgrader", "fast")


def _round_trip(slug):
    """(function, notebook text with that function's ROUND_TRIP mutant)."""
    module = importlib.import_module(f"autograder.mutants.{slug}")
    name, mistake = module.ROUND_TRIP
    mutant = next(m for m in module.MUTANTS[name] if m.mistake == mistake)
    notebook = nbformat.read(SOLUTIONS / slug / f"{slug}.ipynb", 4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == name:
            cell.source = corpus.mutant_source(slug, name, mutant.function)
    return name, nbformat.writes(notebook)


@pytest.fixture(scope="module", params=SLUGS)
def graded_class(request, tmp_path_factory):
    """Four submissions in an nbgrader tree, graded by both engines."""
    slug = request.param
    root = tmp_path_factory.mktemp(f"class-{slug}")
    solution = (SOLUTIONS / slug / f"{slug}.ipynb").read_text()
    wrong_function, wrong = _round_trip(slug)
    notebooks = {"ada": solution,
                 "bob": (EXERCISES / slug / f"{slug}.ipynb").read_text(),
                 "cy": wrong,
                 "dee": solution[:-200]}
    for student, text in notebooks.items():
        folder = root / "submitted" / student / slug
        folder.mkdir(parents=True)
        (folder / f"{slug}.ipynb").write_text(text)
    results = {}
    for engine in ENGINES:
        course = root / f"course-{engine}"
        entries = grade_class(slug, root / "submitted", course, engine,
                              jobs=2)
        results[engine] = (course, {e.student: e for e in entries})
    return slug, wrong_function, results


@pytest.mark.parametrize("engine", ENGINES)
def test_solution_gets_full_marks(graded_class, engine):
    """Does the solution, submitted as a student, earn every point?"""
    slug, _, results = graded_class
    ada = results[engine][1]["ada"]
    assert ada.error == ""
    assert ada.score == ada.max_score == sum(s.points
                                             for s in load_specs(slug))


@pytest.mark.parametrize("engine", ENGINES)
def test_untouched_exercise_scores_zero(graded_class, engine):
    """Is the untouched exercise graded 0, without crashing?"""
    _, _, results = graded_class
    bob = results[engine][1]["bob"]
    assert bob.error == "" and bob.score == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_one_wrong_function_loses_exactly_its_points(graded_class, engine):
    """Does one wrong function cost that function's points, no more?"""
    slug, name, results = graded_class
    cy = results[engine][1]["cy"]
    points = next(s.points for s in load_specs(slug) if s.name == name)
    assert cy.score == cy.max_score - points
    assert cy.functions[name] == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_corrupt_submission_is_an_error_and_others_are_graded(
        graded_class, engine):
    """Is a corrupt notebook reported as an error while the rest grade?"""
    _, _, results = graded_class
    entries = results[engine][1]
    assert entries["dee"].score is None and entries["dee"].error
    assert sorted(s for s, e in entries.items() if e.score is not None) == [
        "ada", "bob", "cy"]


def test_engines_agree_cell_by_cell(graded_class):
    """Do nbgrader and the fast engine give each test cell the same score?"""
    _, _, results = graded_class
    for student in ("ada", "bob", "cy"):
        assert (results["nbgrader"][1][student].functions
                == results["fast"][1][student].functions), student


@pytest.mark.parametrize("engine", ENGINES)
def test_scores_are_in_nbgraders_gradebook(graded_class, engine):
    """Does each engine record its scores in nbgrader's own gradebook?"""
    slug, _, results = graded_class
    course, entries = results[engine]
    with Gradebook(f"sqlite:///{course}/gradebook.db") as book:
        for student in ("ada", "bob", "cy"):
            assert (book.find_submission(slug, student).score
                    == entries[student].score)


def test_graded_cells_hold_the_reference_source(graded_class):
    """Is each graded cell of the source notebook the reference's code?"""
    slug, _, _ = graded_class
    notebook = nbformat.read(SOLUTIONS / slug / f"{slug}.ipynb", 4)
    sources = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source
               for cell in notebook.cells}
    for spec in load_specs(slug):
        assert sources[spec.name] == graded_cell_source(slug, spec.name)
