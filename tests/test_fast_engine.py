"""The fast engine: the points nbgrader's own test cells would give."""
import pytest

from autograder.assignment import Assignment
from autograder.fast_engine import GradingContext, WorkerPool, grade_notebook
from tests import corpus
from tests.conftest import SLUGS


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_fast_engine_matches_nbgraders_tests(slug):
    """Does the fast engine give honest notebooks (solution, untouched,
    partial, a mutant of every function) the points that nbgrader's test
    cells (the in-process oracle) give them?

    Every mutant of C1 W2 is graded in test_serial_parallel_and_dask_agree;
    tests/test_mutants.py runs every mutant through the hidden tests.
    """
    assignment = Assignment.named(slug)
    context = GradingContext(assignment)
    with WorkerPool(2) as workers:
        for name, text in corpus.honest(assignment, 1).items():
            grade = grade_notebook(context, text, workers.run)
            fast = {result.name: result.points for result in grade.functions}
            assert fast == corpus.oracle_points(assignment, text), name


@pytest.mark.slow
@pytest.mark.parametrize("slug", ["c1w2_numpy_basics",
                                  "c1w2_logistic_regression"])
def test_every_cell_of_a_solution_runs_in_the_sandbox(slug):
    """Do all cells before the tests, the folder check that needs every
    file of the exercise folder included, run without an error?"""
    assignment = Assignment.named(slug)
    context = GradingContext(assignment)
    with WorkerPool(1) as workers:
        grade = grade_notebook(
            context, assignment.solution_notebook.read_text("utf-8"),
            workers.run)
    assert grade.cell_errors == []
    assert all(result.points == result.max_points
               for result in grade.functions)
