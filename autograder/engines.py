"""Grading engines: how placed submissions become points and messages.

An engine is made for one course folder and has one method,
``grade(work, progress)``: ``work`` is a list of ``(submission, entry)``
pairs whose notebooks are already placed in the folder; the engine fills
each entry (``score``, ``functions``, ``messages``, ``cell_errors`` or
``error``), records the points in the gradebook and calls
``progress(done, total)`` as it goes. :data:`ENGINES` names them.

``fast``
    The trusted engine (:mod:`autograder.fast_engine`): learner code runs
    in a sandbox, outputs are compared in the grader's process; it writes
    nbgrader's autograded notebooks and gradebook comments.
``nbgrader``
    nbgrader's own ``autograde``: the notebook runs in a Jupyter kernel
    with the hidden tests, for courses that want nbgrader's behaviour.
    Each submission is graded in a child process of its own session, so a
    notebook that signals its kernel's parent or that parent's process
    group ends that child only; but the kernel runs as the grader's user,
    beside the hidden tests, so this engine is not a defence against
    dishonest code (see README.md).
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
from concurrent.futures import ThreadPoolExecutor

from autograder.course_folder import NbgraderError


class FastEngine:
    """The sandboxed engine, ``jobs`` submissions at a time.

    Parameters
    ----------
    course : CourseFolder
    jobs : int
        Sandbox workers (and grading threads).
    scheduler : str or None
        A Dask scheduler's address: run the sandbox jobs there instead.
    time_limit : int
        Wall-clock seconds per notebook (a quarter of it per function).
    """

    name = "fast"

    def __init__(self, course, jobs=1, scheduler=None, time_limit=120):
        self.course = course
        self.jobs = max(1, jobs)
        self.scheduler = scheduler
        self.time_limit = time_limit

    def grade(self, work, progress):
        """Grade every ``(submission, entry)`` pair of ``work``."""
        from autograder.fast_engine import GradingContext

        context = GradingContext(self.course.assignment,
                                 wall_seconds=self.time_limit,
                                 function_seconds=max(1,
                                                      self.time_limit // 4))
        with self._job_runner() as run_job:
            def grade_pair(pair):
                self._grade_safely(context, run_job, *pair)

            with ThreadPoolExecutor(self.jobs) as threads:
                for done, _ in enumerate(threads.map(grade_pair, work), 1):
                    progress(done, len(work))

    @contextlib.contextmanager
    def _job_runner(self):
        """A function that runs one sandbox job: on a local worker pool,
        or as a task on the Dask scheduler."""
        from autograder.fast_engine import WorkerPool, run_job_in_this_process

        if self.scheduler:
            from distributed import Client

            with Client(self.scheduler, timeout=30) as client:
                yield lambda job: client.submit(
                    run_job_in_this_process, job, pure=False).result()
        else:
            with WorkerPool(self.jobs) as pool:
                yield pool.run

    def _grade_safely(self, context, run_job, submission, entry):
        try:
            self._grade_one(context, run_job, submission, entry)
        except Exception as error:  # a grader bug must not stop the class
            entry.error = f"grader error: {type(error).__name__}: {error}"

    def _grade_one(self, context, run_job, submission, entry):
        from autograder.fast_engine import SubmissionError, grade_notebook

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
        entry.failed_cells = grade.failed_cells
        for result in grade.functions:
            entry.functions[result.name] = result.points
            entry.messages[result.name] = result.message
            if result.output_digest:
                entry.wrong_outputs[result.name] = result.output_digest
        self.course.write_autograded(entry.student, {
            result.name: (result.points, result.max_points, result.message)
            for result in grade.functions})
        self.course.record_scores(entry.student, entry.functions,
                                  entry.messages)


class NbgraderEngine:
    """nbgrader's ``autograde``, one submission after the other, each in
    a child process (see :func:`autograde_apart`).

    Parameters
    ----------
    course : CourseFolder
    **options
        The fast engine's options, which this engine ignores.
    """

    name = "nbgrader"

    def __init__(self, course, **options):
        self.course = course

    def grade(self, work, progress):
        """Grade every ``(submission, entry)`` pair of ``work``."""
        for done, (submission, entry) in enumerate(work, 1):
            try:
                entry.functions, entry.messages = autograde_apart(
                    self.course, submission.student)
                entry.score = sum(entry.functions.values())
            except NbgraderError as error:
                entry.error = str(error)
            progress(done, len(work))


def autograde_apart(course, student):
    """``course.autograde(student)`` in a forked child of its own session.

    nbgrader's kernel is that child's child: a notebook that kills its
    kernel's parent (``os.kill(os.getppid(), ...)``) or that parent's
    process group ends the child only, and this student gets an error.
    When the grader is root, the child (and so the kernel) also gets a
    network namespace of its own whose only interface is a loopback,
    where kernel and nbgrader talk: listeners on the host's 127.0.0.1
    are out of reach.

    Returns
    -------
    points, messages : dict
        As :meth:`autograder.course_folder.CourseFolder.autograde`.

    Raises
    ------
    NbgraderError
        When nbgrader failed, or the child ended without a result.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (runs in the child)
        os.close(read_end)
        _autograde_in_child(course, student, write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise NbgraderError(_ended_early(status))
    result = json.loads(data)
    if "error" in result:
        raise NbgraderError(result["error"])
    return result["points"], result["messages"]


def _autograde_in_child(course, student, write_end):
    """The child's side of :func:`autograde_apart`; never returns."""
    from autograder.sandbox import leave_network_keeping_loopback

    try:
        os.setsid()
        leave_network_keeping_loopback()
        points, messages = course.autograde(student)
        result = {"points": points, "messages": messages}
    except NbgraderError as error:
        result = {"error": str(error)}
    except BaseException as error:
        result = {"error": f"grader error: {type(error).__name__}: "
                           f"{error}"[:500]}
    try:
        with os.fdopen(write_end, "w") as pipe:
            json.dump(result, pipe)
    finally:
        os._exit(0)


def _ended_early(status):
    """The error of a grading child that ended without a result."""
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return (f"the grading process was killed by {name} (the notebook "
                f"may have signalled its parent); nothing was graded")
    return (f"the grading process ended with status "
            f"{os.waitstatus_to_exitcode(status)} and no result")


#: Engine name -> class; ``course grade --engine NAME``.
ENGINES = {engine.name: engine for engine in (FastEngine, NbgraderEngine)}
