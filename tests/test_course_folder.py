"""The nbgrader course folder: layout, gradebook and nbgrader's commands,
also run as an instructor would on a class graded by the fast engine."""
import csv
import html
import json
import os
import shutil
import stat
import subprocess
import sys
import warnings
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder.assignment import Assignment
from autograder.course_folder import (
    PASSED,
    CourseFolder,
    NbgraderError,
    autograded_notebook,
)
from autograder.grade import grade_class

pytestmark = pytest.mark.slow
SLUG = "c1w2_numpy_basics"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A prepared course folder for the NumPy-basics assignment, named by
    a relative path (as `course grade`'s default, grading/<slug>)."""
    here = Path.cwd()
    os.chdir(tmp_path_factory.mktemp("course"))
    try:
        folder = CourseFolder("course", Assignment.named(SLUG))
        folder.prepare()
    finally:
        os.chdir(here)
    return folder


def test_prepare_makes_a_private_folder_with_the_assignment(course):
    """Is the folder private, and does nbgrader know the graded cells?"""
    assert course.root.is_absolute()
    assert stat.S_IMODE(course.root.stat().st_mode) == 0o700
    with course.gradebook() as book:
        notebook = book.find_notebook(SLUG, SLUG)
        cells = {cell.name for cell in notebook.grade_cells}
    assert cells == {f"test_{name}" for name in
                     course.assignment.function_names}
    assert (course.root / "submitted").is_dir()


def test_place_takes_the_helpers_from_the_release(course):
    """Are the checks beside a submission the release's, not its own?"""
    course.place("ada", b'{"cells": []}')
    folder = course.submission_folder("ada")
    assert (folder / f"{SLUG}.ipynb").read_bytes() == b'{"cells": []}'
    released = course.assignment.exercise_folder / "course_checks.py"
    assert (folder / "course_checks.py").read_bytes() == \
        released.read_bytes()


def test_recorded_scores_reach_nbgraders_export(course):
    """Do recorded points land in the gradebook and in grades.csv?"""
    points = {name: 1 for name in course.assignment.function_names}
    points["softmax"] = 0
    course.record_scores("bea", points)
    course.register_students(["cy"])
    with course.gradebook() as book:
        assert book.find_submission(SLUG, "bea").score == sum(
            points.values())
        assert {s.id for s in book.students} >= {"bea", "cy"}
    course.export_csv(course.root / "grades.csv")
    with open(course.root / "grades.csv", newline="") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    assert float(rows["bea"]["score"]) == sum(points.values())


def test_autograde_grades_the_solution_in_full(course):
    """Does nbgrader's autograde give the solution every point?"""
    course.place("dan", course.assignment.solution_notebook.read_bytes())
    points, messages = course.autograde("dan")
    assert points == {spec.name: spec.points
                      for spec in course.assignment.specs}
    assert messages == {}


def test_nbgrader_feedback_on_autograde_hides_the_hidden_tests(course):
    """Does `nbgrader generate_feedback` after nbgrader's own autograde
    (which restores the hidden tests) show the test cells without them?"""
    course.place("eve", course.assignment.solution_notebook.read_bytes())
    course.autograde("eve")
    autograded = course.autograded_notebook("eve").read_text()
    assert "BEGIN HIDDEN TESTS" in autograded
    result = nbgrader(course.root, "generate_feedback", SLUG)
    assert result.returncode == 0, result.stderr
    page = (course.root / "feedback" / "eve" / SLUG
            / f"{SLUG}.html").read_text()
    assert "hidden_test" not in page and "BEGIN HIDDEN" not in page
    assert "Visible check: compares your function" in page


def test_autograde_of_a_missing_submission_is_a_named_error(course):
    """Does autograde of a student with no submission raise its error?"""
    with pytest.raises(NbgraderError, match="nbgrader: "):
        course.autograde("nobody")


def test_late_penalty_reaches_nbgraders_export_and_can_be_cleared(course):
    """Is a recorded late penalty subtracted by nbgrader's export, and gone
    after a run without a due date?"""
    from datetime import datetime, timedelta, timezone

    from autograder.late import LateRules, parse_policy

    points = {name: 1 for name in course.assignment.function_names}
    course.record_scores("dan", points)
    due = datetime(2026, 10, 1, 23, 0, tzinfo=timezone.utc)
    lateness = LateRules(due, parse_policy("per-hour:2")).assess(
        "dan", due + timedelta(minutes=90), len(points), len(points))
    course.record_lateness("dan", due, lateness)

    def exported():
        course.export_csv(course.root / "grades.csv")
        with open(course.root / "grades.csv", newline="") as file:
            return {row["student_id"]: row
                    for row in csv.DictReader(file)}["dan"]

    row = exported()
    assert float(row["late_submission_penalty"]) == 4
    assert float(row["score"]) == len(points) - 4
    assert row["timestamp"].startswith("2026-10-02 00:30")
    course.record_lateness("dan", None, None)
    assert float(exported()["score"]) == len(points)


def test_prepare_refuses_a_corrupt_data_file(tmp_path, monkeypatch):
    """Is a corrupt data file refused, naming it, instead of copied?"""
    from autograder.data import DatasetError

    assignment = Assignment.named("c2w2_optimization_methods")
    (name,) = assignment.data_files
    (tmp_path / name).write_bytes(b"not HDF5")
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    folder = CourseFolder(tmp_path / "course", assignment)
    with pytest.raises(DatasetError, match=name):
        folder.prepare()
    assert not (folder.root / "datasets" / name).exists()


def test_course_grade_stops_on_a_corrupt_data_file(tmp_path):
    """Does `course grade` exit 2 naming the corrupt file and its fix?"""
    assignment = Assignment.named("c2w2_optimization_methods")
    (name,) = assignment.data_files
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / name).write_bytes(b"not HDF5")
    source = tmp_path / "download"
    source.mkdir()
    shutil.copy(assignment.exercise_notebook, source / "ada.ipynb")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "course"), "grade",
         assignment.slug, str(source), "--course", str(tmp_path / "c")],
        capture_output=True, text=True,
        env={**os.environ, "COURSE_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 2
    assert name in result.stderr and "course datasets" in result.stderr


# --- The autograded copy of a submission (no nbgrader run) ---------------

def _released_and_results(slug=SLUG):
    """The release notebook and fast-engine results: the first function
    fails with a message, the others pass."""
    assignment = Assignment.named(slug)
    release = nbformat.read(assignment.exercise_notebook, 4)
    results = {spec.name: (spec.points, spec.points, "")
               for spec in assignment.specs}
    first = assignment.specs[0]
    results[first.name] = (0, first.points, "x: expected 1.0, got 2.0")
    return assignment, release, results


def _test_cells(notebook):
    return {cell.metadata["nbgrader"]["grade_id"]: cell
            for cell in notebook.cells
            if cell.metadata.get("nbgrader", {}).get("grade_id", "")
            .startswith("test_")}


def test_autograded_copy_carries_each_functions_result():
    """Does each test cell show its function's message, as an error when
    points were lost, so that nbgrader's own rule gives the same score?"""
    from nbgrader.utils import determine_grade

    assignment, release, results = _released_and_results()
    text = assignment.solution_notebook.read_text()
    notebook = autograded_notebook(text, release, results)
    cells = _test_cells(notebook)
    assert set(cells) == {f"test_{name}" for name in results}
    for name, (points, max_points, message) in results.items():
        cell = cells[f"test_{name}"]
        assert determine_grade(cell) == (points, max_points), name
        shown = cell.outputs[0].get("traceback") or [cell.outputs[0].text]
        assert (message or PASSED) in "\n".join(shown)


def test_autograded_copy_restores_what_the_learner_may_not_change():
    """Are stripped metadata, an edited test cell and a deleted test cell
    restored from the release, never from the instructor's notebook?"""
    assignment, release, results = _released_and_results()
    learner = nbformat.read(assignment.exercise_notebook, 4)
    tests = list(_test_cells(learner).values())
    tests[0].source = "print('all tests passed')"
    del tests[1].metadata["nbgrader"]
    learner.cells.remove(tests[2])
    for cell in learner.cells:
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output("stream", text="fake")]
    notebook = autograded_notebook(nbformat.writes(learner), release,
                                   results)
    released = _test_cells(release)
    restored = _test_cells(notebook)
    assert set(restored) == set(released)
    for grade_id, cell in restored.items():
        assert cell.source == released[grade_id].source
        assert cell.metadata["nbgrader"] == released[grade_id].metadata[
            "nbgrader"]
    assert "fake" not in nbformat.writes(notebook)
    assert "BEGIN HIDDEN" not in nbformat.writes(notebook)


def test_autograded_copy_of_a_malformed_notebook_is_valid():
    """Do cells with odd metadata, list sources or unknown types give a
    valid notebook, the learner's code kept?"""
    _, release, results = _released_and_results()
    text = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": [],
                       "cells": [
        {"cell_type": "code", "metadata": "x", "source": ["a = ", "1"]},
        {"cell_type": "code", "metadata": {"nbgrader": "test_x"},
         "source": "b = 2", "outputs": "fake"},
        {"cell_type": "widget", "source": "c = 3"}, "not a cell"]})
    notebook = autograded_notebook(text, release, results)
    sources = [cell.source for cell in notebook.cells]
    assert sources[:2] == ["a = 1", "b = 2"] and "c = 3" not in sources
    assert set(_test_cells(notebook)) == set(_test_cells(release))


def test_autograded_copy_of_a_broken_notebook_is_the_release():
    """Does a submission that is not a notebook still get a valid copy?"""
    _, release, results = _released_and_results()
    notebook = autograded_notebook("{not json", release, results)
    assert set(_test_cells(notebook)) == set(_test_cells(release))


# --- nbgrader's own commands on a class graded by the fast engine ---------

FAST_SLUG = "c1w2_logistic_regression"


@pytest.fixture(scope="module")
def fast_class(tmp_path_factory):
    """Four submissions (solution, one wrong function, untouched, not a
    notebook) graded by the fast engine: the course folder, the entries
    by student and the warnings that grading raised."""
    from tests.test_engines import _round_trip

    assignment = Assignment.named(FAST_SLUG)
    root = tmp_path_factory.mktemp("fast")
    _, wrong = _round_trip(assignment)
    notebooks = {"ada": assignment.solution_notebook.read_text(),
                 "bob_smith": assignment.exercise_notebook.read_text(),
                 "cy": wrong,
                 "dee": wrong[:-200]}
    for student, text in notebooks.items():
        folder = root / "submitted" / student / FAST_SLUG
        folder.mkdir(parents=True)
        (folder / f"{FAST_SLUG}.ipynb").write_text(text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        entries = grade_class(assignment, root / "submitted",
                              root / "course", "fast", jobs=2)
    return (root / "course", {entry.student: entry for entry in entries},
            [str(warning.message) for warning in caught])


def _graded(entries):
    return {s: entry for s, entry in entries.items()
            if entry.score is not None}


def nbgrader(course, *args):
    """Run ``nbgrader ARGS`` in ``course`` as an instructor would."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "JUPYTER_CONFIG_DIR": str(course / ".no-user-config")}
    return subprocess.run([str(bin_dir / "nbgrader"), *args], cwd=course,
                          env=env, capture_output=True, text=True,
                          timeout=300)


def test_fast_class_was_graded(fast_class):
    """Did the fast engine grade three and name the error of the fourth
    (the premise of what follows)?"""
    _, entries, _ = fast_class
    assert entries["dee"].score is None and entries["dee"].error
    assert 0 == entries["bob_smith"].score < entries["cy"].score \
        < entries["ada"].score


def test_fast_grading_raises_no_gradebook_warning(fast_class):
    """Does recording a class in nbgrader's gradebook stay free of
    SQLAlchemy's warnings (nbgrader adds before it flushes)?"""
    _, _, caught = fast_class
    assert not [text for text in caught if "session" in text.lower()]


def test_nbgrader_generate_feedback_shows_our_messages(fast_class):
    """Does `nbgrader generate_feedback` make a page per student with each
    failed function's message, the score, and no hidden test?"""
    course, entries, _ = fast_class
    result = nbgrader(course, "generate_feedback", FAST_SLUG)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (course / "feedback").iterdir()) \
        == ["ada", "bob_smith", "cy"]
    for student, entry in _graded(entries).items():
        page = html.unescape((course / "feedback" / student / FAST_SLUG
                              / f"{FAST_SLUG}.html").read_text())
        assert f"Score: {entry.score:.1f} / {entry.max_score:.1f}" in page
        for message in entry.messages.values():
            assert (message or PASSED).splitlines()[0] in page
        assert "hidden_test" not in page and "BEGIN HIDDEN" not in page


def test_gradebook_comments_carry_the_messages(fast_class):
    """Is each function's message the comment of its solution cell?"""
    course, entries, _ = fast_class
    with Gradebook(f"sqlite:///{course}/gradebook.db") as book:
        for student, entry in _graded(entries).items():
            notebook = book.find_submission_notebook(FAST_SLUG, FAST_SLUG,
                                                     student)
            comments = {c.name: c.comment for c in notebook.comments}
            assert comments == {name: message or PASSED for name, message
                                in entry.messages.items()}


def test_nbgrader_export_has_our_scores(fast_class, tmp_path):
    """Does `nbgrader export` give every student the fast engine's score?"""
    course, entries, _ = fast_class
    result = nbgrader(course, "export", "--to", str(tmp_path / "out.csv"))
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "out.csv", newline="") as file:
        scores = {row["student_id"]: float(row["score"])
                  for row in csv.DictReader(file)}
    assert scores == {s: entry.score or 0 for s, entry in entries.items()}


def test_grades_csv_has_a_column_per_function(fast_class):
    """Does grades.csv hold each function's points and their total?"""
    course, entries, _ = fast_class
    with open(course / "grades.csv", newline="") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    names = Assignment.named(FAST_SLUG).function_names
    for student, entry in entries.items():
        points = {name: float(rows[student][name]) for name in names}
        assert points == (entry.functions or dict.fromkeys(names, 0))
        assert float(rows[student]["score"]) == sum(points.values())


def test_nbgrader_list_finds_the_course_exchange(fast_class):
    """Does `nbgrader list` name the assignment, from the folder's own
    exchange (no /srv or /usr/local exchange needed)?"""
    course, _, _ = fast_class
    result = nbgrader(course, "list")
    assert result.returncode == 0, result.stderr
    assert f"dl-numpy {FAST_SLUG}" in result.stdout + result.stderr
    assert (course / "exchange" / "dl-numpy" / "outbound" / FAST_SLUG
            / f"{FAST_SLUG}.ipynb").is_file()


def test_course_folder_is_self_contained(fast_class, tmp_path):
    """Does the folder hold checked copies of exactly its data files, no
    link, and keep working once copied elsewhere, on its own exchange?"""
    from autograder.helpers.course_data import read_checked

    course, _, _ = fast_class
    assert not [path for path in course.rglob("*") if path.is_symlink()]
    data = sorted(path.name for path in (course / "datasets").iterdir())
    assert data == list(Assignment.named(FAST_SLUG).data_files)
    for name in data:
        read_checked(course / "datasets" / name)
    moved = tmp_path / "moved"
    shutil.copytree(course, moved)
    shutil.rmtree(moved / "exchange" / "dl-numpy" / "outbound" / FAST_SLUG)
    result = nbgrader(moved, "list")
    assert result.returncode == 0, result.stderr
    assert FAST_SLUG not in result.stdout + result.stderr
    result = nbgrader(moved, "generate_feedback", "--force", FAST_SLUG)
    assert result.returncode == 0, result.stderr
    assert (moved / "feedback" / "ada" / FAST_SLUG
            / f"{FAST_SLUG}.html").is_file()
