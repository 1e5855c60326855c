"""Round trip through nbgrader's real commands: release, submit, grade."""
import shutil

import nbformat
import pytest

from autograder import ROOT
from autograder.grading import autograde, cell_scores
from autograder.release import (SOLUTIONS, generate_exercise,
                                graded_cell_source)
from autograder.spec import load_mutants, load_specs

pytestmark = pytest.mark.slow

#: A function whose result no other graded function uses, and a mistake.
WRONG_ONE = {"c1w2_numpy_basics": ("L2", "square of the sum"),
             "c1w2_logistic_regression": ("model", "ignores learning_rate")}


def _submit(course, slug, student, notebook_text, source_folder):
    """Place a submission in ``submitted/<student>/<slug>/``."""
    folder = course / "submitted" / student / slug
    shutil.copytree(source_folder, folder,
                    ignore=shutil.ignore_patterns(f"{slug}.ipynb",
                                                  "__pycache__"))
    (folder / f"{slug}.ipynb").write_text(notebook_text, encoding="utf-8")


def _with_mutant(slug, name, mistake):
    """The solution notebook with one function replaced by a mutant."""
    import inspect
    mutant = next(m for m in load_mutants(slug)[0][name]
                  if m.mistake == mistake)
    notebook = nbformat.read(SOLUTIONS / slug / f"{slug}.ipynb", 4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == name:
            wrong = inspect.getsource(mutant.function).replace(
                f"def {mutant.function.__name__}(", f"def {name}(")
            imports = "import numpy as np\nimport copy\n"
            helpers = ""
            if "_model(" in wrong:
                helpers = _model_helper_source()
            cell.source = imports + helpers + wrong
    return nbformat.writes(notebook)


def _model_helper_source():
    import inspect
    from autograder.mutants import c1w2_logistic_regression as mutants
    return inspect.getsource(mutants._model)


@pytest.fixture(scope="module", params=sorted(WRONG_ONE))
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
    _submit(course, slug, "cy", _with_mutant(slug, *WRONG_ONE[slug]),
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
    name = WRONG_ONE[slug][0]
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
