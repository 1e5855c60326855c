"""``course grade SLUG SOURCE``: grade a class, record it, report on it.

This module only orchestrates: intake (:mod:`autograder.intake`) finds
the submissions, the course folder (:mod:`autograder.course_folder`, an
nbgrader course created private, mode 700) holds them and the gradebook,
an engine (:mod:`autograder.engines`) grades them, and
:mod:`autograder.reports` writes feedback, ``results.json``,
``grades.csv``, ``summary.json``, ``summary.html`` and ``histogram.png``.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

from autograder.course_folder import CourseFolder
from autograder.diagnose import diagnose
from autograder.engines import ENGINES
from autograder.intake import read_source


@dataclass
class Entry:
    """One submission's line in the class summary."""

    student: str
    origin: str
    max_score: float
    score: float | None = None
    error: str = ""
    note: str = ""
    refused: bool = False
    functions: dict = field(default_factory=dict)
    messages: dict = field(default_factory=dict)
    cell_errors: list = field(default_factory=list)
    failed_cells: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    #: Failed function -> digest of its hidden outputs (fast engine).
    wrong_outputs: dict = field(default_factory=dict)
    #: The score before any late penalty (``score`` is after it).
    raw_score: float | None = None
    #: :class:`autograder.late.Lateness`, when a due date was given.
    lateness: object = None


# --- Progress ----------------------------------------------------------------

def progress_printer(stream=sys.stderr, width=30):
    """A progress bar with an estimated time to completion."""
    start = time.monotonic()
    interactive = stream.isatty()
    last = [-1]

    def show(done, total):
        if total == 0:
            return
        tenth = done * 10 // total
        if not interactive and tenth == last[0] and done != total:
            return
        last[0] = tenth
        elapsed = time.monotonic() - start
        eta = elapsed / done * (total - done)
        bar = "#" * (width * done // total)
        line = (f"[{bar:<{width}}] {done}/{total} graded, "
                f"{elapsed:4.0f} s elapsed, ETA {eta:4.0f} s")
        stream.write(("\r" if interactive else "") + line +
                     ("" if interactive and done < total else "\n"))
        stream.flush()

    return show


# --- The whole class ---------------------------------------------------------

def grade_class(assignment, source, course, engine="fast", jobs=1,
                scheduler=None, progress=None, time_limit=120, roster=None,
                late=None, similarity=False):
    """Grade every submission in ``source`` and write every output.

    Parameters
    ----------
    assignment : Assignment
    source : path-like
        What the instructor downloaded (see :mod:`autograder.intake`).
    course : path-like
        The course folder.
    engine : str
        A name of :data:`autograder.engines.ENGINES`.
    jobs, scheduler, time_limit
        The fast engine's options (see
        :class:`autograder.engines.FastEngine`).
    progress : callable or None
        Called as ``progress(done, total)``.
    roster : path-like or None
        A CSV that maps LMS names and ids to student ids (see
        :func:`autograder.intake.load_roster`).
    late : autograder.late.LateRules or None
        The due date, extensions and late policy; None: no due date.
    similarity : bool
        Also write ``similarity.html`` (see :mod:`autograder.similarity`).

    Returns
    -------
    list of Entry
        One per submission found in ``source`` (graded, or with the named
        error that stopped it).
    """
    from autograder import reports

    folder = CourseFolder(course, assignment)
    submissions = read_source(source, assignment.slug, roster)
    folder.prepare()
    entries = [Entry(s.student, s.origin, assignment.max_score,
                     error=s.problem, note=s.note, refused=bool(s.problem))
               for s in submissions]
    work = [(s, e) for s, e in zip(submissions, entries) if not s.problem]
    for submission, _ in work:
        folder.place(submission.student, submission.data)
    grader = ENGINES[engine](folder, jobs=jobs, scheduler=scheduler,
                             time_limit=time_limit)
    grader.grade(work, progress or (lambda done, total: None))
    for submission, entry in work:
        entry.problems = diagnose(assignment, submission.data,
                                  entry.failed_cells)
        entry.raw_score = entry.score
        if late is not None and entry.score is not None:
            apply_late_rules(late, folder, submission, entry)
        elif entry.score is not None:
            folder.record_lateness(entry.student, None, None)
    summary = reports.write_all(folder, engine, entries,
                                submissions.ignored)
    if similarity:
        write_similarity(folder, summary, work)
    return entries


def write_similarity(folder, summary, work):
    """Write ``similarity.html`` and add its findings to
    ``summary.json``."""
    import json

    from autograder import reports
    from autograder import similarity as evidence

    graded = [(s, e) for s, e in work if e.score is not None]
    found = evidence.evidence(folder.assignment,
                              [entry for _, entry in graded],
                              {e.student: s.data for s, e in graded})
    (folder.root / "similarity.html").write_text(
        evidence.similarity_page(folder.slug, found))
    summary["similarity"] = evidence.to_json(found)
    (folder.root / "summary.json").write_text(json.dumps(summary, indent=1))
    (folder.root / "summary.html").write_text(reports.summary_page(summary))


def apply_late_rules(late, folder, submission, entry):
    """Assess one graded entry against the due date; record the penalty
    in the gradebook and take it off ``entry.score``."""
    entry.lateness = late.assess(entry.student, submission.submitted_at,
                                 entry.raw_score, entry.max_score,
                                 submission.late_marker)
    entry.score = max(0.0, entry.raw_score - entry.lateness.penalty)
    folder.record_lateness(entry.student, late.due, entry.lateness)
