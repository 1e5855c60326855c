"""``course grade SLUG SOURCE``: grade a class, record it, report on it.

The course folder (``--course``, default ``grading/<slug>``) is an nbgrader
course: ``solutions/`` (a trusted copy of the instructor notebook),
``gradebook.db``, ``submitted/<student>/<slug>/``, then the outputs:
``feedback/<student>/<slug>/feedback.html``,
``results/<student>/results.json`` (Gradescope format), ``grades.csv``
(nbgrader's export), ``summary.json``, ``summary.html`` and
``histogram.png``. It is created private (mode 700).
"""
from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from autograder import ROOT
from autograder.intake import read_source
from autograder.release import EXERCISES, SOLUTIONS, nbgrader_api, nbgrader_config
from autograder.spec import load_specs


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


# --- The course folder -------------------------------------------------------------

def prepare_course(course, slug):
    """Create the course folder and register the assignment in its gradebook."""
    course = Path(course)
    course.mkdir(parents=True, exist_ok=True)
    os.chmod(course, 0o700)
    source = course / "solutions" / slug
    if source.exists():
        shutil.rmtree(source)
    shutil.copytree(SOLUTIONS / slug, source,
                    ignore=shutil.ignore_patterns("__pycache__",
                                                  ".ipynb_checkpoints"))
    datasets = course / "datasets"
    if not datasets.exists():
        datasets.symlink_to(ROOT / "datasets")
    result = nbgrader_api(course).generate_assignment(slug, force=True,
                                                      create=True)
    if not result["success"]:
        raise RuntimeError(f"nbgrader could not register {slug}: "
                           f"{result.get('error') or result.get('log')}")
    submitted = course / "submitted"
    if submitted.exists():
        shutil.rmtree(submitted)
    submitted.mkdir()


def place_submission(course, slug, submission):
    """Write an accepted submission into ``submitted/<student>/<slug>/``.

    The helper files come from the release, never from the learner.
    """
    folder = Path(course) / "submitted" / submission.student / slug
    shutil.copytree(EXERCISES / slug, folder,
                    ignore=shutil.ignore_patterns(f"{slug}.ipynb",
                                                  "__pycache__"))
    (folder / f"{slug}.ipynb").write_bytes(submission.data)


# --- Engines -----------------------------------------------------------------------

def _grade_fast(course, slug, submissions, entries, jobs, scheduler,
                progress, time_limit):
    from autograder.fast_engine import (GradingContext, SubmissionError,
                                        WorkerPool, grade_notebook,
                                        run_job_in_this_process)

    context = GradingContext(slug, wall_seconds=time_limit,
                             function_seconds=max(1, time_limit // 4))
    client = pool = None
    if scheduler:
        from distributed import Client

        client = Client(scheduler, timeout=30)

        def run_job(job):
            return client.submit(run_job_in_this_process, job,
                                 pure=False).result()
    else:
        pool = WorkerPool(jobs)
        run_job = pool.run

    def grade_one(pair):
        try:
            _grade_one(*pair)
        except Exception as error:  # a grader bug must not stop the class
            pair[1].error = f"grader error: {type(error).__name__}: {error}"

    def _grade_one(submission, entry):
        try:
            text = submission.data.decode("utf-8")
        except UnicodeDecodeError as error:
            entry.error = f"the notebook is not UTF-8 text ({error.reason})"
            return
        try:
            grade = grade_notebook(context, text, run_job)
        except SubmissionError as error:
            entry.error = str(error)
            return
        entry.score = grade.score
        entry.cell_errors = grade.cell_errors
        for result in grade.functions:
            entry.functions[result.name] = result.points
            entry.messages[result.name] = result.message
        _record_fast_grade(course, slug, entry)

    pairs = list(zip(submissions, entries))
    try:
        with ThreadPoolExecutor(max(1, jobs)) as threads:
            for done, _ in enumerate(threads.map(grade_one, pairs), 1):
                progress(done, len(pairs))
    finally:
        if pool:
            pool.close()
        if client:
            client.close()


_GRADEBOOK_LOCK = threading.Lock()


def _record_fast_grade(course, slug, entry):
    """Store the fast engine's scores in nbgrader's gradebook."""
    with _GRADEBOOK_LOCK, Gradebook(
            nbgrader_config(course).CourseDirectory.db_url) as book:
        book.update_or_create_student(entry.student)
        book.update_or_create_submission(slug, entry.student)
        for name, points in entry.functions.items():
            grade = book.find_grade(f"test_{name}", slug, slug,
                                    entry.student)
            grade.auto_score = points
            grade.needs_manual_grade = False
        book.db.commit()


def _grade_nbgrader(course, slug, submissions, entries, progress):
    api = nbgrader_api(course)
    db_url = nbgrader_config(course).CourseDirectory.db_url
    for done, (submission, entry) in enumerate(zip(submissions, entries), 1):
        result = api.autograde(slug, submission.student, force=True,
                               create=True)
        if not result["success"]:
            entry.error = _nbgrader_error(result)
        else:
            with Gradebook(db_url) as book:
                notebook = book.find_submission_notebook(slug, slug,
                                                         submission.student)
                for grade in notebook.grades:
                    if grade.name.startswith("test_"):
                        entry.functions[grade.name[5:]] = grade.score
            entry.score = sum(entry.functions.values())
            entry.messages = _nbgrader_messages(course, slug,
                                                submission.student)
        progress(done, len(entries))


def _nbgrader_error(result):
    text = (result.get("error") or result.get("log") or "").strip()
    lines = [line for line in text.splitlines() if "Error" in line]
    return ("nbgrader: " + (lines[-1] if lines else text.splitlines()[-1])
            .strip())[:300]


def _nbgrader_messages(course, slug, student):
    """The error of each failed test cell, from nbgrader's autograded copy."""
    path = Path(course) / "autograded" / student / slug / f"{slug}.ipynb"
    messages = {}
    if not path.exists():
        return messages
    for cell in nbformat.read(path, 4).cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        for output in cell.get("outputs", []):
            if grade_id.startswith("test_") and output.output_type == "error":
                messages[grade_id[5:]] = (f"{output.ename}: "
                                          f"{output.evalue}")[:1000]
    return messages


# --- Progress ---------------------------------------------------------------------

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


# --- The whole class ----------------------------------------------------------------

def grade_class(slug, source, course, engine="fast", jobs=1, scheduler=None,
                progress=None, time_limit=120, roster=None):
    """Grade every submission in ``source`` and write every output.

    ``time_limit`` is the fast engine's wall-clock limit per notebook, in
    seconds (a quarter of it for the cases of one function). ``roster``
    (a CSV path) maps LMS names and ids to student ids (see
    :func:`autograder.intake.load_roster`).

    Returns
    -------
    list of Entry
        One per submission found in ``source`` (graded, or with the named
        error that stopped it).
    """
    from autograder import reports

    course = Path(course)
    submissions = read_source(source, slug, roster)
    prepare_course(course, slug)
    max_score = sum(spec.points for spec in load_specs(slug))
    entries = [Entry(s.student, s.origin, max_score, error=s.problem,
                     note=s.note, refused=bool(s.problem))
               for s in submissions]
    accepted = [(s, e) for s, e in zip(submissions, entries) if not s.problem]
    for submission, _ in accepted:
        place_submission(course, slug, submission)
    progress = progress or (lambda done, total: None)
    if accepted:
        accepted_submissions, accepted_entries = zip(*accepted)
        if engine == "nbgrader":
            _grade_nbgrader(course, slug, accepted_submissions,
                            accepted_entries, progress)
        else:
            _grade_fast(course, slug, accepted_submissions, accepted_entries,
                        jobs, scheduler, progress, time_limit)
    reports.write_all(course, slug, engine, entries, submissions.ignored)
    return entries
