"""The nbgrader course folder: every touch of nbgrader in one module.

nbgrader keeps a course in one folder (``CourseDirectory.root``)::

    nbgrader_config.py       the course's settings and a local exchange
    gradebook.db             the gradebook (SQLite)
    datasets/                copies of the data files the assignment uses
    exchange/                nbgrader's exchange (``Exchange.root``)
    solutions/<slug>/        the instructor notebook (``source``)
    exercises/<slug>/        the student release (``release``)
    submitted/<student>/<slug>/
    autograded/<student>/<slug>/
    feedback/<student>/<slug>/   written by ``nbgrader generate_feedback``

The folder holds no link into the repository: it can be moved or
archived, and nbgrader's own commands work in it. This module reads the
repository's ``nbgrader_config.py``, opens the gradebook, lays out the
folder, writes the autograded notebooks of the fast engine and calls
nbgrader's commands (``generate_assignment``, ``release_assignment``,
``autograde``, the CSV export). The release uses it on a temporary
folder; ``course grade`` on the instructor's course folder.
"""
from __future__ import annotations

import contextlib
import copy
import csv
import json
import os
import shutil
import sys
import threading
import warnings
from pathlib import Path

import nbformat
from nbformat.corpus.words import generate_corpus_id
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import CsvExportPlugin
from traitlets.config.loader import PyFileConfigLoader

from autograder import ROOT

#: The course's nbgrader settings: folder names, stubs, ignored files.
CONFIG_FILE = ROOT / "nbgrader_config.py"
#: Left out whenever a course folder is copied.
SCRATCH = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints",
                                 "datasets")
#: The course folder's own nbgrader exchange, relative to the folder.
EXCHANGE = "exchange"
#: Appended to the repository's settings in a course folder's
#: ``nbgrader_config.py``: the exchange lives in the folder, wherever the
#: folder is moved, and nbgrader's feedback drops hidden tests.
LOCAL_SETTINGS = f"""
# The course folder's own exchange (`nbgrader list`, release, collect).
import os  # noqa: E402

c.Exchange.root = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "{EXCHANGE}")

# `nbgrader generate_feedback` shows test cells without their hidden tests.
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import ClearHiddenTests, GetGrades  # noqa: E402

c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests,
                                    CSSHTMLHeaderPreprocessor]
"""
#: The gradebook comment and test-cell output of a passed function.
PASSED = "Passed: every visible check and hidden case."


class NbgraderError(RuntimeError):
    """An nbgrader command failed; the message holds its own error."""


def nbgrader_config(root):
    """The course's nbgrader config with the course root set to ``root``."""
    config = PyFileConfigLoader(CONFIG_FILE.name,
                                path=str(CONFIG_FILE.parent)).load_config()
    root = Path(root).absolute()  # nbgrader changes folders as it works
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{root}/gradebook.db"
    config.Exchange.root = str(root / EXCHANGE)
    config.ExchangeReleaseAssignment.force = True
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
        The folder, relative to the current one or absolute; created
        private (mode 700) by :meth:`prepare`.
    assignment : Assignment
    """

    def __init__(self, root, assignment):
        self.root = Path(root).absolute()
        self.assignment = assignment
        self.slug = assignment.slug
        self._gradebook_lock = threading.Lock()

    # --- Layout --------------------------------------------------------------

    def submission_folder(self, student):
        """``submitted/<student>/<slug>/``."""
        return self.root / "submitted" / student / self.slug

    def autograded_notebook(self, student):
        """``autograded/<student>/<slug>/<slug>.ipynb``."""
        return (self.root / "autograded" / student / self.slug
                / f"{self.slug}.ipynb")

    def feedback_file(self, student):
        """``results/<student>/feedback.html``: ``course grade``'s page
        (``feedback/`` is nbgrader's, which replaces whatever is there)."""
        return self.root / "results" / student / "feedback.html"

    def results_file(self, student):
        """``results/<student>/results.json``, in Gradescope's format."""
        return self.root / "results" / student / "results.json"

    # --- Setting up ----------------------------------------------------------

    def prepare(self):
        """Create the folder with its settings and data, release the
        assignment into its gradebook and exchange, and empty what an
        earlier run left: ``submitted/``, ``autograded/`` and nbgrader's
        ``feedback/`` (which ``nbgrader generate_feedback`` would not
        replace).

        Raises
        ------
        autograder.data.DatasetError
            When a data file of the assignment is missing or corrupt in
            the repository, naming the file and the command that fixes it.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        (self.root / CONFIG_FILE.name).write_text(
            "# Written by `course grade`: the repository's nbgrader_config.py"
            " and this folder's own settings.\n"
            + CONFIG_FILE.read_text(encoding="utf-8") + LOCAL_SETTINGS,
            encoding="utf-8")
        self.copy_data_files()
        generate_assignment(self.root, self.assignment)
        _succeeded(nbgrader_api(self.root).release_assignment(self.slug),
                   f"release_assignment of {self.slug}")
        for name in ("submitted", "autograded", "feedback"):
            if (self.root / name).exists():
                shutil.rmtree(self.root / name)
        (self.root / "submitted").mkdir()

    def copy_data_files(self):
        """Copy the assignment's data files into ``datasets/``, each
        checked against ``datasets/registry.json`` first (keys, dtypes,
        shapes, SHA-256 of every array)."""
        from autograder.data import verify

        datasets = self.root / "datasets"
        if datasets.is_symlink():  # made by an earlier version
            datasets.unlink()
        datasets.mkdir(exist_ok=True)
        for name in self.assignment.data_files:
            shutil.copyfile(verify(name), datasets / name)

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

    def record_scores(self, student, points, messages=None):
        """Store a student's points and messages per graded function.

        Parameters
        ----------
        student : str
        points : dict
            Graded function name -> points of its test cell.
        messages : dict, optional
            Graded function name -> its message (empty when passed),
            stored as the automatic comment of its solution cell.
        """
        with self.gradebook() as book:
            book.update_or_create_student(student)
            with book.db.no_autoflush:  # nbgrader adds before it flushes
                book.update_or_create_submission(self.slug, student)
            for name, score in points.items():
                grade = book.find_grade(f"test_{name}", self.slug,
                                        self.slug, student)
                grade.auto_score = score
                grade.needs_manual_grade = False
            for name, message in (messages or {}).items():
                comment = book.find_comment(name, self.slug, self.slug,
                                            student)
                comment.auto_comment = message or PASSED
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
        """Write the gradebook with nbgrader's own CSV export plugin, then
        add one column per graded function (its points; 0 without a
        submission), in notebook order after nbgrader's columns."""
        plugin = CsvExportPlugin(config=nbgrader_config(self.root))
        plugin.to = str(path)
        plugin.assignment = [self.slug]
        with self.gradebook() as book:
            plugin.export(book)
            with open(path, newline="", encoding="utf-8") as file:
                rows = list(csv.DictReader(file))
            for row in rows:
                row.update(self._function_points(book, row["student_id"]))
        columns = [*(rows[0] if rows else ["student_id"])]
        columns += [name for name in self.assignment.function_names
                    if name not in columns]
        with open(path, "w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, columns)
            writer.writeheader()
            writer.writerows(rows)

    def _function_points(self, book, student):
        """Graded function name -> points of ``student`` in ``book``."""
        points = dict.fromkeys(self.assignment.function_names, 0.0)
        try:
            notebook = book.find_submission_notebook(self.slug, self.slug,
                                                     student)
        except MissingEntry:
            return points
        for grade in notebook.grades:
            if grade.name.startswith("test_"):
                points[grade.name[5:]] = grade.score
        return points

    # --- The fast engine's autograded notebooks ------------------------------

    def write_autograded(self, student, results):
        """Write ``autograded/<student>/<slug>/`` as nbgrader's autograde
        would: the submitted folder, its notebook with each test cell's
        output carrying the function's result.

        Parameters
        ----------
        student : str
        results : dict
            Graded function name -> ``(points, max_points, message)``.
        """
        folder = self.autograded_notebook(student).parent
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(self.submission_folder(student), folder)
        submitted = self.autograded_notebook(student)
        release = nbformat.read(self.assignment.exercise_notebook, 4)
        notebook = autograded_notebook(
            submitted.read_text(encoding="utf-8", errors="replace"),
            release, results)
        nbformat.write(notebook, submitted)

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


def _grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _is_locked_or_test(cell):
    """A cell the learner may not change: nbgrader restores its source."""
    nbgrader = cell.metadata.get("nbgrader", {})
    return bool(nbgrader.get("locked")
                or (nbgrader.get("grade") and not nbgrader.get("solution")))


#: A cell's type -> nbformat's maker of a clean cell of that type.
CELL_MAKERS = {"code": nbformat.v4.new_code_cell,
               "markdown": nbformat.v4.new_markdown_cell,
               "raw": nbformat.v4.new_raw_cell}


def _learner_cells(text):
    """The cells of a submission rebuilt clean: type, source and the
    ``grade_id`` it claims (outputs and other metadata dropped); none when
    it is not a notebook."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cells = nbformat.reads(text, as_version=4).get("cells")
    except Exception:  # nbformat refuses what the fast engine graded
        try:
            cells = json.loads(text).get("cells")
        except Exception:  # not even JSON: nothing to show
            return []
    clean = []
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict) or cell.get("cell_type") not in (
                CELL_MAKERS):
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(str(line) for line in source)
        claimed = cell.get("metadata")
        claimed = claimed.get("nbgrader") if isinstance(claimed, dict) else {}
        grade_id = claimed.get("grade_id") if isinstance(claimed, dict) \
            else None
        clean.append(CELL_MAKERS[cell["cell_type"]](
            source=str(source),
            metadata={"nbgrader": {"grade_id": str(grade_id)}}
            if grade_id else {}))
    return clean


def autograded_notebook(text, release, results):
    """A submission as nbgrader's autograde leaves it, from fast grading.

    The learner's cells in their order, with the nbgrader metadata of the
    release (a cell matched by ``grade_id``, or a test cell by its source),
    locked and test cells restored from the release, released graded
    cells the learner deleted appended, other nbgrader metadata dropped,
    every output cleared except each test cell's: the function's message
    as an error (nbgrader's sign of a failed test) or a pass line.

    Parameters
    ----------
    text : str
        The submitted notebook.
    release : nbformat.NotebookNode
        The released exercise notebook (no hidden tests).
    results : dict
        Graded function name -> ``(points, max_points, message)``.

    Returns
    -------
    nbformat.NotebookNode
    """
    released = {_grade_id(cell): cell for cell in release.cells
                if _grade_id(cell)}
    by_source = {cell.source.strip(): grade_id
                 for grade_id, cell in released.items()
                 if _is_locked_or_test(cell)}
    cells = []
    for cell in _learner_cells(text):
        grade_id = _grade_id(cell) or by_source.get(
            str(cell.get("source", "")).strip())
        original = released.pop(grade_id, None)
        if original is not None and original.cell_type != cell.cell_type:
            cell = original
        cell = copy.deepcopy(cell)
        cell.metadata.pop("nbgrader", None)
        if original is not None:
            cell.metadata["nbgrader"] = copy.deepcopy(
                original.metadata["nbgrader"])
            if _is_locked_or_test(original):
                cell.source = original.source
        cells.append(cell)
    cells += [copy.deepcopy(cell) for cell in released.values()]
    for cell in cells:
        cell["id"] = generate_corpus_id()
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            name = (_grade_id(cell) or "")[len("test_"):]
            if _grade_id(cell) == f"test_{name}" and name in results:
                cell.outputs = [_result_output(name, *results[name])]
    notebook = nbformat.v4.new_notebook(
        cells=cells, metadata=copy.deepcopy(release.metadata))
    nbformat.validate(notebook)
    return notebook


def _result_output(name, points, max_points, message):
    """A test cell's output: an error when points were lost."""
    if not message and points == max_points:
        return nbformat.v4.new_output(
            "stream", name="stdout",
            text=f"{name}: {points:g} / {max_points:g} points. {PASSED}\n")
    return nbformat.v4.new_output(
        "error", ename="AssertionError",
        evalue=f"{name}: {points:g} / {max_points:g} points. {message}",
        traceback=[f"{name}: {points:g} / {max_points:g} points",
                   *(message or "failed").splitlines()])


def _last_error_line(result):
    """The line of nbgrader's log that names its error."""
    text = (result.get("error") or result.get("log") or "").strip()
    lines = ([line for line in text.splitlines() if "Error" in line]
             or text.splitlines() or ["no message"])
    return f"nbgrader: {lines[-1].strip()}"[:300]
