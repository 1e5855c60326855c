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


def _graded_with(assignment, name, source):
    """Fast-engine result of ``name`` when the solution's graded cell of
    ``name`` holds ``source``."""
    text = corpus._replace(assignment, {name: source})
    with WorkerPool(1) as workers:
        grade = grade_notebook(GradingContext(assignment), text, workers.run)
    return next(r for r in grade.functions if r.name == name)


def test_outputs_sharing_memory_lose_their_points():
    """Does `s = v` in initialize_adam, right in every value, lose its
    points in the sandboxed grader, with a message naming the sharing?"""
    assignment = Assignment.named("c2w2_optimization_methods")
    source = corpus.mutant_source(
        assignment, "initialize_adam",
        assignment.mutant("initialize_adam", "s is v").function)
    result = _graded_with(assignment, "initialize_adam", source)
    assert result.points == 0
    assert "v and s are the same object" in result.message


def test_an_integer_array_where_floats_are_promised_loses_points():
    """Does initialize_velocity with integer zeros lose its points?"""
    assignment = Assignment.named("c2w2_optimization_methods")
    source = ("def initialize_velocity(parameters):\n"
              "    return {'d' + key: np.zeros(value.shape, dtype=int)\n"
              "            for key, value in parameters.items()}\n")
    result = _graded_with(assignment, "initialize_velocity", source)
    assert result.points == 0
    assert "expected an array of floats" in result.message


def test_failed_cells_are_numbered_as_in_the_notebook():
    """Does a failing cell come back with its notebook cell number?"""
    import json

    assignment = Assignment.named("c1w2_numpy_basics")
    notebook = json.loads(assignment.exercise_notebook.read_text())
    code = [number for number, cell in enumerate(notebook["cells"], 1)
            if cell["cell_type"] == "code"]
    target = code[0] + 1
    notebook["cells"].insert(target - 1, {
        "cell_type": "code", "metadata": {}, "source": "import torch\n",
        "outputs": [], "execution_count": None})
    with WorkerPool(1) as workers:
        grade = grade_notebook(GradingContext(assignment),
                               json.dumps(notebook), workers.run)
    assert [number for number, _ in grade.failed_cells] == [target]
    assert "ModuleNotFoundError" in grade.failed_cells[0][1]


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
