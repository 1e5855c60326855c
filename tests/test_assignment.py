"""Assignment: one object per assignment, and every part it leads to."""
import shutil

import pytest

from autograder.assignment import (
    Assignment,
    UnknownAssignment,
    assignments,
    slugs,
)
from tests.conftest import SLUGS


def test_named_builds_each_assignment_once():
    """Does Assignment.named give the same object for the same slug?"""
    first = Assignment.named("c1w2_logistic_regression")
    assert Assignment.named("c1w2_logistic_regression") is first
    assert [a.slug for a in assignments()] == list(SLUGS) == slugs()


def test_unknown_slug_lists_the_known_ones():
    """Does a wrong id name itself and every assignment there is?"""
    with pytest.raises(UnknownAssignment) as error:
        Assignment.named("c1w2_logistic_regresion")
    assert "'c1w2_logistic_regresion'" in str(error.value)
    assert "c1w2_logistic_regression" in str(error.value)


def test_a_malformed_slug_is_refused():
    """Is a path or a name without course and week refused at once?"""
    for slug in ("../c1w2_numpy_basics", "numpy_basics", "C1W2_x"):
        with pytest.raises(ValueError, match="not an assignment id"):
            Assignment(slug)


def test_every_part_exists(assignment):
    """Do the specs, references, mutants, files and pages all exist?"""
    for name in assignment.function_names:
        assert callable(assignment.reference(name))
        assert assignment.argument_names(name)
        assert assignment.spec(name).name == name
        assert name in assignment.mutants and name in assignment.alternatives
    assert assignment.max_score == sum(s.points for s in assignment.specs)
    for path in (assignment.solution_notebook, assignment.exercise_notebook,
                 assignment.public_cases_file, assignment.notes_page,
                 *assignment.helper_files.values()):
        assert path.is_file(), path
    assert set(assignment.copied_files()) == {
        "course_checks.py", *assignment.helper_files}


def test_round_trip_names_an_existing_mutant(assignment):
    """Does the grading round trip's mutant exist, where one is named?"""
    if assignment.round_trip is None:
        pytest.skip(f"{assignment.slug} names no round-trip mutant")
    name, mistake = assignment.round_trip
    assert assignment.mutant(name, mistake).mistake == mistake


def test_unknown_function_and_mutant_are_named():
    """Do a wrong function name and a wrong mistake say what is missing?"""
    assignment = Assignment.named("c1w2_numpy_basics")
    with pytest.raises(KeyError, match="no graded function named 'sigmod'"):
        assignment.spec("sigmod")
    with pytest.raises(KeyError, match="no mutant"):
        assignment.mutant("sigmoid", "not a mistake anyone made")


def test_an_assignment_on_another_root_reads_its_files_there(tmp_path):
    """Do the folders of Assignment(slug, root) point into root, while
    the Python parts still come from the package?"""
    repository = Assignment.named("c1w2_numpy_basics")
    copy = Assignment("c1w2_numpy_basics", root=tmp_path)
    shutil.copytree(repository.solution_folder, copy.solution_folder)
    assert copy.solution_notebook.is_relative_to(tmp_path)
    assert copy.exercise_folder == tmp_path / "exercises" / copy.slug
    assert copy.notes_page == tmp_path / "book" / "c1" / "week2.md"
    assert copy.specs == repository.specs
    assert slugs(tmp_path) == ["c1w2_numpy_basics"]


def test_data_files_are_those_the_helpers_load():
    """Does every assignment whose folder carries the data checker name
    its data files, and is every registered file some assignment's?"""
    from autograder.data import read_registry

    used = set()
    for slug in SLUGS:
        assignment = Assignment.named(slug)
        carries_data = "datasets_registry.json" in assignment.helper_files
        assert bool(assignment.data_files) == carries_data, slug
        used.update(assignment.data_files)
    assert used == set(read_registry()["files"])
