"""Intake: find every submission in what an instructor downloaded.

Two layouts are read, without modifying anything in them:

- an nbgrader tree, ``SOURCE/<student>/<slug>/<slug>.ipynb`` (SOURCE is
  the ``submitted/`` folder, or a course folder holding one);
- an LMS-style download, a zip file or a folder of files named
  ``<student>_<anything>.ipynb``.

Every submission found becomes a :class:`Submission`: either readable
notebook text, or a refusal that names the problem (path traversal, a
symbolic link, a duplicate student, a missing notebook). Nothing is
dropped silently.
"""
from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

#: A student id: letters, digits, dot, dash, underscore, at sign; no path
#: characters.
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
#: Largest notebook read, in bytes.
MAX_NOTEBOOK_BYTES = 50 << 20


@dataclass
class Submission:
    """One learner's submission as found in SOURCE.

    Parameters
    ----------
    student : str
        The student id.
    origin : str
        Where it came from, relative to SOURCE (for messages).
    data : bytes or None
        The notebook file's bytes, or None when refused.
    problem : str
        Why it was refused; empty when accepted.
    note : str
        A remark that does not prevent grading (e.g. a renamed notebook).
    """

    student: str
    origin: str
    data: bytes | None = None
    problem: str = ""
    note: str = ""


class IntakeError(Exception):
    """SOURCE itself cannot be read; the message says why."""


def read_source(source, slug):
    """Every submission in ``source`` for assignment ``slug``.

    Raises
    ------
    IntakeError
        If ``source`` does not exist or has no recognizable layout.
    """
    source = Path(source)
    if source.is_symlink():
        raise IntakeError(f"{source} is a symbolic link; pass the real path")
    if source.is_file() and zipfile.is_zipfile(source):
        submissions = _from_zip(source)
    elif source.is_dir():
        if (source / "submitted").is_dir():
            source = source / "submitted"
        nbgrader = [path for path in source.iterdir()
                    if path.is_dir() and (path / slug).exists()]
        if nbgrader:
            submissions = _from_nbgrader_tree(source, slug)
        else:
            submissions = _from_lms_folder(source)
    elif source.exists():
        raise IntakeError(f"{source} is neither a folder nor a zip file")
    else:
        raise IntakeError(f"{source} does not exist")
    return _refuse_duplicates(submissions)


def _student_of(filename):
    """The student id of an LMS file name ``<student>_<anything>``."""
    return filename.split("_", 1)[0] if "_" in filename else ""


def _check_student(submission):
    if not submission.problem and not STUDENT_ID.match(submission.student):
        submission.problem = (f"cannot tell the student from "
                              f"'{submission.origin}': expected a file name "
                              f"like <student>_<anything>.ipynb")
    return submission


def _from_zip(path):
    submissions = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            name = info.filename
            if info.is_dir() or not name.endswith(".ipynb"):
                continue
            member = PurePosixPath(name)
            student = _student_of(member.name)
            submission = Submission(student or member.name, name)
            mode = info.external_attr >> 16
            if member.is_absolute() or ".." in member.parts:
                submission.problem = (f"refused '{name}': its path leaves "
                                      f"the archive (path traversal)")
            elif stat.S_ISLNK(mode):
                submission.problem = f"refused '{name}': a symbolic link"
            elif info.file_size > MAX_NOTEBOOK_BYTES:
                submission.problem = f"refused '{name}': larger than 50 MB"
            else:
                submission.data = archive.read(info)
            submissions.append(_check_student(submission))
    return submissions


def _from_lms_folder(folder):
    submissions = []
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(".ipynb"):
            continue
        submission = Submission(_student_of(path.name) or path.name,
                                path.name)
        _read_file(path, submission)
        submissions.append(_check_student(submission))
    return submissions


def _from_nbgrader_tree(folder, slug):
    submissions = []
    for student_dir in sorted(path for path in folder.iterdir()
                              if path.is_dir() or path.is_symlink()):
        submission = Submission(student_dir.name,
                                f"{student_dir.name}/{slug}")
        assignment = student_dir / slug
        if student_dir.is_symlink() or assignment.is_symlink():
            submission.problem = (f"refused '{submission.origin}': a "
                                  f"symbolic link")
        elif not assignment.is_dir():
            continue  # a student with no submission of this assignment
        else:
            _read_assignment_folder(assignment, slug, submission)
        submissions.append(_check_student(submission))
    return submissions


def _read_assignment_folder(assignment, slug, submission):
    expected = assignment / f"{slug}.ipynb"
    notebooks = sorted(assignment.glob("*.ipynb"))
    if expected.exists() or expected.is_symlink():
        _read_file(expected, submission)
    elif len(notebooks) == 1:
        submission.note = (f"graded {notebooks[0].name}: the notebook was "
                           f"renamed (expected {slug}.ipynb)")
        _read_file(notebooks[0], submission)
    elif notebooks:
        submission.problem = (f"no {slug}.ipynb, and several other "
                              f"notebooks: {[p.name for p in notebooks]}")
    else:
        submission.problem = f"no notebook in {submission.origin}"


def _read_file(path, submission):
    if path.is_symlink():
        submission.problem = f"refused '{path.name}': a symbolic link"
    elif path.stat().st_size > MAX_NOTEBOOK_BYTES:
        submission.problem = f"refused '{path.name}': larger than 50 MB"
    else:
        submission.data = path.read_bytes()


def _refuse_duplicates(submissions):
    by_student = {}
    for submission in submissions:
        by_student.setdefault(submission.student, []).append(submission)
    for student, group in by_student.items():
        if len(group) > 1:
            origins = ", ".join(s.origin for s in group)
            for submission in group:
                submission.data = None
                submission.problem = (f"refused: {len(group)} submissions "
                                      f"for student '{student}' ({origins});"
                                      f" keep one and grade again")
    return submissions
