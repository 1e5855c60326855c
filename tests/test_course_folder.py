"""The nbgrader course folder: layout, gradebook and nbgrader's commands."""
import csv
import stat

import pytest

from autograder.assignment import Assignment
from autograder.course_folder import CourseFolder, NbgraderError

pytestmark = pytest.mark.slow
SLUG = "c1w2_numpy_basics"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A prepared course folder for the NumPy-basics assignment."""
    folder = CourseFolder(tmp_path_factory.mktemp("course") / "course",
                          Assignment.named(SLUG))
    folder.prepare()
    return folder


def test_prepare_makes_a_private_folder_with_the_assignment(course):
    """Is the folder private, and does nbgrader know the graded cells?"""
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
