"""Notebook-level problems: syntax, grader reaches, wrong assignment."""
import json

import pytest

from autograder.assignment import Assignment
from autograder.diagnose import diagnose

SLUG = "c2w2_optimization_methods"


def _notebook(assignment, change=None):
    """The assignment's solution notebook, with ``change(cells)`` done."""
    notebook = json.loads(assignment.solution_notebook.read_text())
    if change:
        change(notebook["cells"])
    return json.dumps(notebook).encode()


def _answer_cell(cells, name):
    """The number (from 1) and cell whose grade id is ``name``."""
    for number, cell in enumerate(cells, 1):
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == name:
            return number, cell
    raise LookupError(name)


@pytest.mark.parametrize("slug", ["c1w2_numpy_basics", SLUG,
                                  "c3w2_error_analysis"])
def test_release_and_solution_have_no_problem(slug):
    """Are the course's own notebooks free of any flagged problem?"""
    assignment = Assignment.named(slug)
    for path in (assignment.solution_notebook, assignment.exercise_notebook):
        assert diagnose(assignment, path.read_bytes()) == []


def test_syntax_error_names_cell_and_line():
    """Is a syntax error reported with its notebook cell and line?"""
    assignment = Assignment.named(SLUG)
    name = assignment.function_names[1]
    found = {}

    def break_cell(cells):
        number, cell = _answer_cell(cells, name)
        found["cell"] = number
        cell["source"] = "x = 1\ndef broken(:\n    pass\n"

    [problem] = [p for p in diagnose(assignment,
                                     _notebook(assignment, break_cell))
                 if p.kind == "syntax error"]
    assert (problem.cell, problem.line) == (found["cell"], 2)


@pytest.mark.parametrize("code, detail", [
    ("import autograder.reference", "imports autograder.reference"),
    ("import os\nos.kill(os.getppid(), 9)", "uses os.kill"),
    ("open('../../gradebook.db', 'w')", "names 'gradebook' in a string"),
    ("from nbgrader.api import Gradebook", "imports nbgrader.api"),
])
def test_reaching_for_the_grader_is_named(code, detail):
    """Is code that names the grader's parts flagged, with its line?"""
    assignment = Assignment.named(SLUG)

    def add(cells):
        _, cell = _answer_cell(cells, assignment.function_names[0])
        cell["source"] += "\n" + code + "\n"

    details = [p.detail for p in diagnose(assignment,
                                          _notebook(assignment, add))
               if p.kind == "reaches for the grader"]
    assert detail in details


def test_refused_import_in_the_sandbox_is_a_forbidden_import():
    """Does a cell's ModuleNotFoundError become a forbidden import?"""
    assignment = Assignment.named(SLUG)
    errors = [(3, "ModuleNotFoundError: No module named 'torch'"),
              (5, "NameError: name 'x' is not defined")]
    problems = diagnose(assignment, _notebook(assignment), errors)
    assert [(p.kind, p.cell) for p in problems] == [("forbidden import", 3)]


def test_notebook_of_another_assignment_is_named():
    """Is a c1w4 notebook graded as c2w2 flagged as c1w4's?"""
    assignment = Assignment.named(SLUG)
    other = Assignment.named("c1w4_deep_nn_step_by_step")
    [problem] = diagnose(assignment, other.exercise_notebook.read_bytes())
    assert problem.kind == "wrong assignment"
    assert other.slug in problem.detail


def test_missing_graded_cell_is_named():
    """Is a deleted answer cell reported as missing, by function name?"""
    assignment = Assignment.named(SLUG)
    name = assignment.function_names[-1]

    def delete(cells):
        number, _ = _answer_cell(cells, name)
        del cells[number - 1]

    [problem] = diagnose(assignment, _notebook(assignment, delete))
    assert problem.kind == "missing graded cell" and name in problem.detail


def test_unreadable_notebook_is_left_to_the_engine():
    """Does a file that is not JSON give no problem (the engine names
    it)?"""
    assert diagnose(Assignment.named(SLUG), b"{not json") == []
