"""The nbgrader course folder: every touch of nbgrader in one module.

nbgrader keeps a course in one folder (``CourseDirectory.root``)::

    nbgrader_config.py       the course's settings, copied from the repo
    gradebook.db             the gradebook (SQLite)
    solutions/<slug>/        the instructor notebook (``source``)
    exercises/<slug>/        the student release (``release``)
    submitted/<student>/<slug>/
    autograded/<student>/<slug>/
    feedback/<student>/<slug>/

This module reads the repository's ``nbgrader_config.py``, opens the
gradebook, lays out the folder, and calls nbgrader's commands
(``generate_assignment``, ``autograde``, the CSV export). The release uses
it on a temporary folder; ``course grade`` on the instructor's course
folder.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.plugins import CsvExportPlugin
from traitlets.config.loader import PyFileConfigLoader

from autograder import ROOT

#: The course's nbgrader settings: folder names, stubs, ignored files.
CONFIG_FILE = ROOT / "nbgrader_config.py"
#: Left out whenever a course folder is copied.
SCRATCH = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints",
                                 "datasets")


class NbgraderError(RuntimeError):
    """An nbgrader command failed; the message holds its own error."""


def nbgrader_config(root):
    """The course's nbgrader config with the course root set to ``root``."""
    config = PyFileConfigLoader(CONFIG_FILE.name,
                                path=str(CONFIG_FILE.parent)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{root}/gradebook.db"
    return config


def nbgrader_api(root):
    """nbgrader's Python API for the course folder ``root``.

    nbgrader runs helper programs (``alembic``) found on PATH; they sit
    beside this Python, which is not on PATH when a command is run as
    ``.venv/bin/course`` without activating the environment.
    """
    from nbgrader.apps import NbGraderAPI

    bin_dir = os.path.dirname(sys.executable)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    return NbGraderAPI(config=nbgrader_config(root))


def _succeeded(result, what):
    """Raise :class:`NbgraderError` unless an API ``result`` succeeded."""
    if not result["success"]:
        raise NbgraderError(f"nbgrader {what} failed:\n"
                            f"{result.get('error') or result.get('log')}")


def generate_assignment(root, assignment):
    """Copy the instructor folder into ``root`` and release it there.

    Runs nbgrader's ``generate_assignment``, which also registers the
    assignment and its graded cells in ``root``'s gradebook.

    Returns
    -------
    pathlib.Path
        ``root/exercises/<slug>``, the generated student release.
    """
    root = Path(root)
    source = root / "solutions" / assignment.slug
    if source.exists():
        shutil.rmtree(source)
    shutil.copytree(assignment.solution_folder, source, ignore=SCRATCH)
    _succeeded(nbgrader_api(root).generate_assignment(
        assignment.slug, force=True, create=True),
        f"generate_assignment of {assignment.slug}")
    return root / "exercises" / assignment.slug


class CourseFolder:
    """An instructor's course folder for one assignment.

    Parameters
    ----------
    root : path-like
        The folder; created private (mode 700) by :meth:`prepare`.
    assignment : Assignment
    """

    def __init__(self, root, assignment):
        self.root = Path(root)
        self.assignment = assignment
        self.slug = assignment.slug
        self._gradebook_lock = threading.Lock()

    # --- Layout --------------------------------------------------------------

    def submission_folder(self, student):
        """``submitted/<student>/<slug>/``."""
        return self.root / "submitted" / student / self.slug

    def autograded_notebook(self, student):
        """``autograded/<student>/<slug>/<slug>.ipynb`` (nbgrader engine)."""
        return (self.root / "autograded" / student / self.slug
                / f"{self.slug}.ipynb")

    def feedback_file(self, student):
        """``feedback/<student>/<slug>/feedback.html``."""
        return (self.root / "feedback" / student / self.slug
                / "feedback.html")

    def results_file(self, student):
        """``results/<student>/results.json``, in Gradescope's format."""
        return self.root / "results" / student / "results.json"

    # --- Setting up ----------------------------------------------------------

    def prepare(self):
        """Create the folder, release the assignment into its gradebook and
        empty ``submitted/``."""
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        datasets = self.root / "datasets"
        if not datasets.exists():
            datasets.symlink_to(ROOT / "datasets")
        generate_assignment(self.root, self.assignment)
        submitted = self.root / "submitted"
        if submitted.exists():
            shutil.rmtree(submitted)
        submitted.mkdir()

    def place(self, student, notebook_bytes):
        """Write a submission into ``submitted/<student>/<slug>/``.

        The helper files come from the release, never from the learner.
        """
        folder = self.submission_folder(student)
        shutil.copytree(self.assignment.exercise_folder, folder,
                        ignore=shutil.ignore_patterns(
                            f"{self.slug}.ipynb", "__pycache__"))
        (folder / f"{self.slug}.ipynb").write_bytes(notebook_bytes)

    # --- The gradebook -------------------------------------------------------

    @contextlib.contextmanager
    def gradebook(self):
        """nbgrader's :class:`~nbgrader.api.Gradebook` of the folder, one
        writer at a time (grading threads share it)."""
        db_url = nbgrader_config(self.root).CourseDirectory.db_url
        with self._gradebook_lock, Gradebook(db_url) as book:
            yield book

    def record_scores(self, student, points):
        """Store a student's points per graded function.

        Parameters
        ----------
        student : str
        points : dict
            Graded function name -> points of its test cell.
        """
        with self.gradebook() as book:
            book.update_or_create_student(student)
            book.update_or_create_submission(self.slug, student)
            for name, score in points.items():
                grade = book.find_grade(f"test_{name}", self.slug,
                                        self.slug, student)
                grade.auto_score = score
                grade.needs_manual_grade = False
            book.db.commit()

    def record_lateness(self, student, class_due, lateness):
        """Store a submission's time, extension and late penalty the way
        nbgrader's ``AssignLatePenalties`` does, so that its exports and
        feedback subtract the penalty.

        Parameters
        ----------
        student : str
        class_due : datetime or None
            The assignment's due date (aware), before extensions.
        lateness : autograder.late.Lateness or None
            None (no due date this run) clears an earlier penalty, as
            nbgrader's autograde does.
        """
        from autograder.late import utc_naive

        with self.gradebook() as book:
            if lateness is None:
                book.find_submission_notebook(
                    self.slug, self.slug, student).late_submission_penalty \
                    = None
                book.db.commit()
                return
            book.update_or_create_assignment(
                self.slug, duedate=utc_naive(class_due))
            submission = book.update_or_create_submission(self.slug, student)
            submission.extension = lateness.extension
            if lateness.submitted_at is not None:
                submission.timestamp = utc_naive(lateness.submitted_at)
            notebook = book.find_submission_notebook(self.slug, self.slug,
                                                     student)
            notebook.late_submission_penalty = lateness.penalty or None
            book.db.commit()

    def register_students(self, students):
        """Make students known to the gradebook, so exports list them."""
        with self.gradebook() as book:
            for student in students:
                book.update_or_create_student(student)

    def export_csv(self, path):
        """Write the gradebook with nbgrader's own CSV export plugin."""
        plugin = CsvExportPlugin(config=nbgrader_config(self.root))
        plugin.to = str(path)
        plugin.assignment = [self.slug]
        with self.gradebook() as book:
            plugin.export(book)

    # --- nbgrader's autograde ------------------------------------------------

    def autograde(self, student):
        """Run ``nbgrader autograde`` on one placed submission.

        Returns
        -------
        points : dict
            Graded function name -> points, from the gradebook.
        messages : dict
            Graded function name -> the error its test cell raised.

        Raises
        ------
        NbgraderError
            When nbgrader could not grade the submission.
        """
        result = nbgrader_api(self.root).autograde(
            self.slug, student, force=True, create=True)
        if not result["success"]:
            raise NbgraderError(_last_error_line(result))
        with self.gradebook() as book:
            notebook = book.find_submission_notebook(self.slug, self.slug,
                                                     student)
            points = {grade.name[5:]: grade.score for grade in notebook.grades
                      if grade.name.startswith("test_")}
        return points, self._test_cell_errors(student)

    def _test_cell_errors(self, student):
        """The error of each failed test cell, from the autograded copy."""
        path = self.autograded_notebook(student)
        if not path.exists():
            return {}
        messages = {}
        for cell in nbformat.read(path, 4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            for output in cell.get("outputs", []):
                if (grade_id.startswith("test_")
                        and output.output_type == "error"):
                    messages[grade_id[5:]] = (f"{output.ename}: "
                                              f"{output.evalue}")[:1000]
        return messages


def _last_error_line(result):
    """The line of nbgrader's log that names its error."""
    text = (result.get("error") or result.get("log") or "").strip()
    lines = ([line for line in text.splitlines() if "Error" in line]
             or text.splitlines() or ["no message"])
    return f"nbgrader: {lines[-1].strip()}"[:300]
