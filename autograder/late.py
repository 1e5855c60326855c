"""Late work: due dates, extensions and late penalties, nbgrader's way.

nbgrader's semantics, followed here (``nbgrader.api.SubmittedAssignment``
and ``nbgrader.preprocessors.AssignLatePenalties``):

* a student's due date is the assignment's due date plus their
  extension; ``seconds late = max(0, submitted - due)``;
* a policy turns ``(student, score, seconds late)`` into a penalty in
  points, which is then clipped to ``[0, score]``;
* the final score is ``max(0, score - penalty)``; the gradebook keeps the
  raw score per cell and the penalty on the submitted notebook
  (``late_submission_penalty``), which nbgrader's CSV export subtracts.

A policy (``course grade --late-policy``) is a comma-separated list of:

``none``
    no penalty (the default; lateness is still recorded);
``zero``
    nbgrader's ``zero`` method: a late submission scores 0;
``per-hour:P`` / ``per-day:P``
    ``P`` points per started hour (day) late; ``P%`` takes ``P`` percent
    of the assignment's maximum score instead;
``zero-after:H``
    a submission more than ``H`` hours late scores 0 (a cut-off; with
    ``h`` or ``d`` after the number, hours or days).

Times without a zone (``--due 2026-10-01T23:59``, Blackboard file names)
are read as the grading machine's local time.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone


class LateWorkError(ValueError):
    """A due date, policy or extensions file that cannot be read; the
    message names the problem and how to fix it."""


# --- Times -------------------------------------------------------------------

def parse_time(text, what="--due"):
    """An aware datetime from ISO 8601 text (``2026-10-01T23:59``, with or
    without a zone; a space may replace the ``T``)."""
    try:
        moment = datetime.fromisoformat(str(text).strip())
    except ValueError:
        raise LateWorkError(
            f"{what}: cannot read {text!r} as a date and time; write it "
            f"as YYYY-MM-DDTHH:MM, optionally with a zone (+02:00 or Z)"
        ) from None
    return aware(moment)


def aware(moment):
    """``moment`` with a zone; a naive time is the machine's local time."""
    return moment if moment.tzinfo else moment.astimezone()


def utc_naive(moment):
    """``moment`` as naive UTC, the way nbgrader's gradebook stores it."""
    return aware(moment).astimezone(timezone.utc).replace(tzinfo=None)


# --- The policy --------------------------------------------------------------

@dataclass(frozen=True)
class LatePolicy:
    """How many points a late submission loses.

    Parameters
    ----------
    zero : bool
        Every late submission scores 0.
    per_hour, per_day : float
        Points lost per started hour (day) late.
    percent : bool
        ``per_hour`` / ``per_day`` are percent of the maximum score.
    zero_after_hours : float or None
        A submission later than this scores 0.
    """

    zero: bool = False
    per_hour: float = 0.0
    per_day: float = 0.0
    percent: bool = False
    zero_after_hours: float | None = None
    text: str = field(default="none", compare=False)

    def penalty(self, score, seconds_late, max_score):
        """The penalty in points of a submission (nbgrader's
        ``late_submission_penalty``), clipped to ``[0, score]``.

        Parameters
        ----------
        score : float
            The raw score.
        seconds_late : float
            Seconds after the student's due date (0 when on time).
        max_score : float
            The assignment's maximum, for penalties in percent.
        """
        if seconds_late <= 0:
            return 0.0
        hours = seconds_late / 3600
        if self.zero or (self.zero_after_hours is not None
                         and hours > self.zero_after_hours):
            return float(score)
        points = (self.per_hour * math.ceil(hours)
                  + self.per_day * math.ceil(hours / 24))
        if self.percent:
            points = points * max_score / 100
        return float(min(max(points, 0.0), score))


_RATE = re.compile(r"^(per-hour|per-day):(\d+(?:\.\d+)?)(%?)$")
_CUTOFF = re.compile(r"^zero-after:(\d+(?:\.\d+)?)([hd]?)$")
POLICY_HELP = ("none, zero, per-hour:P, per-day:P (P points, or P% of the "
               "maximum score), zero-after:H (hours; 3d for days), joined "
               "by commas, e.g. per-day:10%,zero-after:72h")


def parse_policy(text):
    """A :class:`LatePolicy` from ``--late-policy`` text."""
    options = {}
    for part in [part.strip() for part in str(text).split(",")]:
        rate, cutoff = _RATE.match(part), _CUTOFF.match(part)
        if part == "none":
            continue
        if part == "zero":
            options["zero"] = True
        elif rate:
            if options.get("percent", bool(rate[3])) != bool(rate[3]):
                raise LateWorkError(
                    f"--late-policy {text!r}: give both rates in points "
                    f"or both in percent")
            options[rate[1].replace("-", "_")] = float(rate[2])
            options["percent"] = bool(rate[3])
        elif cutoff:
            hours = float(cutoff[1]) * (24 if cutoff[2] == "d" else 1)
            options["zero_after_hours"] = hours
        else:
            raise LateWorkError(f"--late-policy: cannot read {part!r}; "
                                f"write {POLICY_HELP}")
    return LatePolicy(text=str(text), **options)


# --- Extensions --------------------------------------------------------------

def load_extensions(path, due):
    """Each student's extension, from a CSV file.

    Columns: ``student_id`` and either ``due`` (the student's own due
    date and time) or ``extra_hours`` (hours added to the due date).

    Parameters
    ----------
    path : path-like
    due : datetime
        The assignment's due date (aware).

    Returns
    -------
    dict
        Student id -> extension (``timedelta``, >= 0).
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise LateWorkError(f"--extensions: cannot read {path}: "
                            f"{error.strerror}") from None
    columns = set(rows[0]) if rows else set()
    if "student_id" not in columns or not columns & {"due", "extra_hours"}:
        raise LateWorkError(f"--extensions {path}: expected a header with "
                            f"student_id and due or extra_hours, found "
                            f"{sorted(columns)}")
    extensions = {}
    for line, row in enumerate(rows, 2):
        student = (row.get("student_id") or "").strip()
        if student:
            extensions[student] = _extension(row, due, f"{path}, line {line}")
    return extensions


def _extension(row, due, where):
    if (row.get("due") or "").strip():
        extension = parse_time(row["due"], f"--extensions {where}") - due
    else:
        try:
            extension = timedelta(hours=float(row.get("extra_hours")))
        except (TypeError, ValueError):
            raise LateWorkError(
                f"--extensions {where}: extra_hours "
                f"{row.get('extra_hours')!r} is not a number") from None
    if extension < timedelta(0):
        raise LateWorkError(f"--extensions {where}: the extension ends "
                            f"before the due date")
    return extension


# --- One submission ----------------------------------------------------------

@dataclass
class Lateness:
    """What the late policy made of one submission.

    Parameters
    ----------
    due : datetime
        The student's due date (extension included), aware.
    extension : timedelta
    submitted_at : datetime or None
        Aware; None when the download does not tell.
    seconds_late : float
    penalty : float
        Points taken off the raw score.
    marked_late : bool
        The LMS marked the file late (Canvas's ``LATE``).
    """

    due: datetime
    extension: timedelta
    submitted_at: datetime | None
    seconds_late: float = 0.0
    penalty: float = 0.0
    marked_late: bool = False

    def describe(self):
        """A sentence for feedback and summaries; '' when on time."""
        if self.submitted_at is None and self.marked_late:
            return ("marked late by the LMS, whose file name gives no "
                    "time: not penalised (check the time in the LMS)")
        if self.submitted_at is None:
            return ("no submission time in the download: not checked for "
                    "lateness")
        if self.seconds_late <= 0:
            return ""
        return (f"submitted {_duration(self.seconds_late)} after the due "
                f"date ({self.due:%Y-%m-%d %H:%M %Z}): late penalty "
                f"{self.penalty:g} point(s)")

    def as_dict(self):
        return {"due": self.due.isoformat(),
                "extension_hours": self.extension.total_seconds() / 3600,
                "submitted_at": (self.submitted_at.isoformat()
                                 if self.submitted_at else None),
                "hours_late": self.seconds_late / 3600,
                "penalty": self.penalty}


def _duration(seconds):
    hours = seconds / 3600
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} days"


@dataclass
class LateRules:
    """The due date, extensions and policy of one grading run."""

    due: datetime
    policy: LatePolicy = LatePolicy()
    extensions: dict = field(default_factory=dict)

    def assess(self, student, submitted_at, score, max_score,
               marked_late=False):
        """The :class:`Lateness` of one graded submission.

        Parameters
        ----------
        student : str
        submitted_at : datetime or None
        score, max_score : float
            The raw score and the assignment's maximum.
        marked_late : bool
            The LMS marked it late (used only when there is no time).
        """
        extension = self.extensions.get(student, timedelta(0))
        due = self.due + extension
        if submitted_at is None:
            return Lateness(due, extension, None, marked_late=marked_late)
        submitted_at = aware(submitted_at)
        seconds = max(0.0, (submitted_at - due).total_seconds())
        return Lateness(due, extension, submitted_at, seconds,
                        self.policy.penalty(score, seconds, max_score))
