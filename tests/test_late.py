"""Late work: due dates, extensions and penalties with nbgrader's
semantics."""
from datetime import datetime, timedelta, timezone

import pytest

from autograder.late import (
    LatePolicy,
    LateRules,
    LateWorkError,
    load_extensions,
    parse_policy,
    parse_time,
)

DUE = datetime(2026, 10, 1, 23, 59, tzinfo=timezone.utc)
HOUR = 3600


@pytest.mark.parametrize("text, policy", [
    ("none", LatePolicy()),
    ("zero", LatePolicy(zero=True)),
    ("per-hour:0.5", LatePolicy(per_hour=0.5)),
    ("per-day:10%,zero-after:3d",
     LatePolicy(per_day=10, percent=True, zero_after_hours=72)),
    ("per-day:2,zero-after:48h", LatePolicy(per_day=2,
                                            zero_after_hours=48)),
])
def test_policy_text_is_read(text, policy):
    """Does each documented policy spelling give its policy?"""
    assert parse_policy(text) == policy


@pytest.mark.parametrize("text", ["per-week:2", "per-hour:", "zero-after:x",
                                  "per-hour:1,per-day:5%"])
def test_unreadable_policy_names_the_accepted_forms(text):
    """Is a wrong policy refused with the forms that work?"""
    with pytest.raises(LateWorkError, match="per-hour"):
        parse_policy(text)


@pytest.mark.parametrize("policy, seconds, expected", [
    ("none", 5 * HOUR, 0),
    ("zero", 1, 7),
    ("per-hour:1", 0, 0),
    ("per-hour:1", 1, 1),            # a started hour counts
    ("per-hour:1", 2 * HOUR + 1, 3),
    ("per-day:2", 25 * HOUR, 4),
    ("per-day:10%", 1, 1),           # 10 % of the maximum, 10
    ("per-hour:1", 30 * HOUR, 7),    # clipped to the score
    ("per-hour:1,zero-after:2", 2 * HOUR + 1, 7),
])
def test_penalty_follows_nbgraders_semantics(policy, seconds, expected):
    """Is the penalty in points, per started period, within [0, score]?"""
    assert parse_policy(policy).penalty(7, seconds, 10) == expected


def test_extension_moves_the_students_due_date(tmp_path):
    """Does an extension (new due date or extra hours) count per
    student?"""
    path = tmp_path / "extensions.csv"
    path.write_text("student_id,due,extra_hours\n"
                    "ada,2026-10-03T23:59Z,\n"
                    "bob,,12\n")
    extensions = load_extensions(path, DUE)
    assert extensions == {"ada": timedelta(days=2), "bob": timedelta(hours=12)}
    rules = LateRules(DUE, parse_policy("per-hour:1"), extensions)
    submitted = DUE + timedelta(hours=13)
    assert rules.assess("ada", submitted, 7, 10).penalty == 0
    assert rules.assess("bob", submitted, 7, 10).penalty == 1
    late = rules.assess("eve", submitted, 7, 10)
    assert (late.seconds_late, late.penalty) == (13 * HOUR, 7)


def test_no_submission_time_is_said_not_guessed():
    """Is a submission without a time left unpenalised, and said so?"""
    late = LateRules(DUE, parse_policy("zero")).assess("ada", None, 7, 10)
    assert late.penalty == 0 and "no submission time" in late.describe()
    marked = LateRules(DUE, parse_policy("zero")).assess(
        "ada", None, 7, 10, marked_late=True)
    assert marked.penalty == 0 and "marked late" in marked.describe()


@pytest.mark.parametrize("text, problem", [
    ("student,hours\nada,3\n", "student_id and due or extra_hours"),
    ("student_id,extra_hours\nada,soon\n", "line 2: extra_hours"),
    ("student_id,due\nada,2026-09-01T00:00Z\n", "before the due date"),
])
def test_bad_extensions_file_names_line_and_fix(tmp_path, text, problem):
    """Is a bad extensions file refused with its line and problem?"""
    path = tmp_path / "extensions.csv"
    path.write_text(text)
    with pytest.raises(LateWorkError, match=problem):
        load_extensions(path, DUE)


def test_naive_times_are_local_and_zones_are_kept():
    """Are naive and zoned due dates both read, as aware times?"""
    assert parse_time("2026-10-01T23:59Z") == DUE
    assert parse_time("2026-10-01 23:59").tzinfo is not None
    with pytest.raises(LateWorkError, match="YYYY-MM-DDTHH:MM"):
        parse_time("tomorrow")
