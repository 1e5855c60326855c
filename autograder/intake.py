"""Intake: find every submission in what an instructor downloaded.

SOURCE is read without modifying anything in it. Two layouts:

- an nbgrader tree, ``SOURCE/<student>/<slug>/<slug>.ipynb`` (SOURCE is
  the ``submitted/`` folder, or a course folder holding one); a
  ``timestamp.txt`` beside the notebook gives the submission time;
- an LMS download: a zip file, or the folder it was unpacked into.

The file names of an LMS download are read as follows (the first pattern
that fits wins; the examples are one real-looking name each):

Moodle (``Download all submissions``, flat or one folder per student)
    ``<Full Name>_<participant id>_assignsubmission_file_<original name>``,
    e.g. ``Carol Smith_98765_assignsubmission_file_hw.ipynb``, or the
    folder ``Carol Smith_98765_assignsubmission_file_/hw.ipynb``. Moodle
    writes spaces for the underscores of a name; the participant id is
    Moodle's number for this student in this assignment (another
    assignment gives the same student another number). Blind marking
    writes ``Participant_<id>``. Student id without a roster: the name
    and the id, lower case, ASCII, ``_`` between words:
    ``carol_smith_98765``.
Blackboard (Grade Centre, ``Assignment File Download``)
    ``<Assignment Name>_<username>_attempt_<YYYY-MM-DD-HH-MM-SS>_<original
    name>``, e.g. ``HW 1_csmith_attempt_2024-09-25-14-42-23_hw.ipynb``;
    the receipt ``HW 1_csmith_attempt_2024-09-25-14-42-23.txt`` beside it
    is not a submission and is listed as ignored. The time (the
    server's local time) becomes ``submitted_at``. Student id: the
    username (the last ``_``-separated word before ``_attempt_``; with a
    roster, the longest such tail that the roster knows).
Canvas (``Download Submissions``)
    ``<name>_<user id>_<file id>_<original name>``, e.g.
    ``smithcarol_123456_7890123_hw.ipynb``; ``<name>_LATE_<user id>_...``
    when Canvas marked the submission late (``late_marker``), and
    ``anon_<anonymous id>`` in place of ``<name>_<user id>`` under
    anonymous grading. ``<name>`` is Canvas's sortable name ("Smith,
    Carol") in lower case without punctuation; the two numbers anchor the
    pattern, so a name may hold underscores. Student id: the name in
    ASCII (``smithcarol``), or ``anon_<id>``.
plain
    ``<student>.ipynb`` or ``<student>_<anything>.ipynb``, at the top of
    SOURCE: the student is the text before the first underscore (with a
    roster, the longest underscore-separated head that it knows, so that
    ``honest_full_x.ipynb`` belongs to ``honest_full``).

A roster (:func:`load_roster`) maps the LMS's names or ids to the
course's student ids; with one, a submission that it does not know is
refused ("not in the roster ...") and not graded.

Every file found ends in exactly one place: a :class:`Submission`
(readable notebook bytes, or a refusal that names the problem: path
traversal, a symbolic link, a duplicate student, an unknown student, a
missing notebook), or the ``ignored`` list of the :class:`Intake` with the
reason (a receipt, a file that is not a notebook, macOS metadata, a
Jupyter checkpoint). Nothing is dropped silently.
"""
from __future__ import annotations

import csv
import io
import os
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

#: A student id: letters, digits, dot, dash, underscore, at sign; no path
#: characters.
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
#: Largest notebook read, in bytes.
MAX_NOTEBOOK_BYTES = 50 << 20

#: Moodle's prefix, as a file name or as a folder (``rest`` empty).
MOODLE = re.compile(r"^(?P<name>[^_]+)_(?P<id>\d+)_assignsubmission_"
                    r"(?P<plugin>[a-z]+)_(?P<rest>.*)$")
#: Blackboard's name; without ``original`` it is the receipt.
BLACKBOARD = re.compile(r"^(?P<prefix>.+)_attempt_(?P<time>\d{4}-\d\d-\d\d"
                        r"-\d\d-\d\d-\d\d)(?:_(?P<original>.+))?"
                        r"\.(?P<ext>[^._]+)$")
#: Canvas's name: a named, or an anonymous, submitter, then the file id.
CANVAS = re.compile(r"^(?:(?P<name>\w+?)_)??(?P<late>LATE_)?"
                    r"(?:(?P<id>\d+)|anon_(?P<anon>[A-Za-z0-9]+))"
                    r"_(?P<file_id>\d+)_(?P<original>.+)$")
BLACKBOARD_TIME = "%Y-%m-%d-%H-%M-%S"


@dataclass
class Submission:
    """One learner's submission as found in SOURCE.

    Parameters
    ----------
    student : str
        The student id (for a refused file whose student is unknown, the
        file name or the id derived from the LMS name).
    origin : str
        Where it came from, relative to SOURCE (for messages).
    data : bytes or None
        The notebook file's bytes, or None when refused.
    problem : str
        Why it was refused; empty when accepted.
    note : str
        A remark that does not prevent grading (e.g. a renamed notebook).
    lms : str
        The layout that named it: ``canvas``, ``moodle``, ``blackboard``,
        ``plain`` or ``nbgrader``.
    lms_name : str
        The person's name or login as the LMS wrote it.
    lms_id : str
        The LMS's id of the person (Canvas user id, Moodle participant
        id), or empty.
    submitted_at : datetime or None
        The submission time, when the download tells it (Blackboard's
        name: server local time, naive; nbgrader's ``timestamp.txt``:
        aware when it names UTC).
    late_marker : bool
        True when the LMS marked the submission late (Canvas ``LATE``).
    identified : bool
        False when the student could not be told (no pattern fits, or
        the roster does not know them); such files are not grouped as
        duplicates.
    """

    student: str
    origin: str
    data: bytes | None = None
    problem: str = ""
    note: str = ""
    lms: str = ""
    lms_name: str = ""
    lms_id: str = ""
    submitted_at: datetime | None = None
    late_marker: bool = False
    identified: bool = True


@dataclass(frozen=True)
class Ignored:
    """A file of SOURCE that is not a submission, and why."""

    origin: str
    reason: str


class Intake(list):
    """The submissions found in SOURCE (a list of :class:`Submission`).

    Attributes
    ----------
    ignored : list of Ignored
        Every other file of an LMS download, with the reason.
    """

    def __init__(self, submissions=(), ignored=()):
        super().__init__(submissions)
        self.ignored = list(ignored)


class IntakeError(Exception):
    """SOURCE or the roster cannot be read; the message says why."""


# --- The roster --------------------------------------------------------------

@dataclass
class Roster:
    """Who is who: LMS names and ids mapped to the course's student ids.

    Read from a CSV file with a header row by :func:`load_roster`.
    Columns (other columns are ignored):

    ``student_id`` (required)
        The id used in the gradebook and every output.
    ``lms_name`` (optional)
        The name the LMS writes: Moodle's full name ("Carol Smith"), or
        Canvas's sortable name ("Smith, Carol"). Compared without regard
        to case, accents' Unicode form or runs of white space (Canvas
        names also without punctuation or spaces).
    ``lms_id`` (optional)
        The LMS's id: Canvas user id, Moodle participant id, Blackboard
        username. Compared without regard to case.

    A student may have several rows (one per name or id). The
    ``student_id`` itself also matches a plain file name or an nbgrader
    folder.
    """

    name: str
    ids: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    squashed: dict = field(default_factory=dict)

    def add(self, student, lms_name="", lms_id=""):
        """Record one row."""
        for index, key in ((self.ids, _id_key(student)),
                           (self.ids, _id_key(lms_id)),
                           (self.names, _name_key(lms_name)),
                           (self.squashed, _squashed_key(lms_name))):
            if key:
                index.setdefault(key, set()).add(student)

    def lookup(self, kind, value):
        """The student ids that ``value`` matches, as a set.

        ``kind`` is ``id`` (an LMS id, username or student id),
        ``name`` (a full name) or ``canvas_name`` (Canvas's squashed
        sortable name).
        """
        if kind == "id":
            return self.ids.get(_id_key(value), set())
        if kind == "name":
            return self.names.get(_name_key(value), set())
        return self.squashed.get(_squashed_key(value), set())


def load_roster(path):
    """Read a roster CSV file (see :class:`Roster`).

    Raises
    ------
    IntakeError
        If the file is missing, has no ``student_id`` column, or holds a
        student id that is not a safe id.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise IntakeError(f"cannot read the roster {path}: {error}")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {(name or "").strip().lower(): name
               for name in reader.fieldnames or []}
    if "student_id" not in columns:
        raise IntakeError(f"the roster {path} has no student_id column "
                          f"(expected a header: student_id,lms_name,"
                          f"lms_id)")
    roster = Roster(path.name)
    for row in reader:
        cell = {key: (row.get(name) or "").strip()
                for key, name in columns.items()}
        if not any(cell.values()):
            continue
        if not STUDENT_ID.match(cell["student_id"]):
            raise IntakeError(f"{path}, line {reader.line_num}: student_id "
                              f"{cell['student_id']!r} is not a valid id "
                              f"(letters, digits, . _ @ -)")
        roster.add(cell["student_id"], cell.get("lms_name", ""),
                   cell.get("lms_id", ""))
    return roster


def _id_key(value):
    return value.strip().casefold()


def _name_key(value):
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def _squashed_key(value):
    return "".join(char for char in _name_key(value) if char.isalnum())


# --- What an LMS file name says ----------------------------------------------

@dataclass
class LmsName:
    """What a download's path says about the submission in it.

    ``keys`` are what a roster is asked, as ``(kind, candidates)`` pairs
    (see :meth:`Roster.lookup`): the first candidate of a pair that the
    roster knows counts, and every pair that finds someone must find the
    same student.
    """

    lms: str
    student: str
    name: str = ""
    lms_id: str = ""
    keys: tuple = ()
    submitted_at: datetime | None = None
    late_marker: bool = False


def safe_student_id(*parts):
    """A student id made of ``parts``: ASCII, lower case, ``_`` between words.

    >>> safe_student_id("Zoë Núñez", "98765")
    'zoe_nunez_98765'
    """
    text = "_".join(part for part in parts if part)
    ascii_text = (unicodedata.normalize("NFKD", text)
                  .encode("ascii", "ignore").decode("ascii"))
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:100]


def parse_lms_path(path, top_level=True):
    """What the path of a notebook in an LMS download tells.

    Parameters
    ----------
    path : PurePosixPath
        The notebook's path relative to SOURCE (or inside the zip).
    top_level : bool
        Whether the notebook is at the top of SOURCE, where plain names
        are accepted.

    Returns
    -------
    LmsName or None
        None when no pattern fits.
    """
    for folder in path.parent.parts:
        moodle = MOODLE.match(folder)
        if moodle and not moodle["rest"]:
            return _moodle(moodle)
    name = path.name
    for pattern, reader in ((MOODLE, _moodle), (BLACKBOARD, _blackboard),
                            (CANVAS, _canvas)):
        match = pattern.match(name)
        if match:
            return reader(match)
    return _plain(name) if top_level else None


def _moodle(match):
    name, number = match["name"].strip(), match["id"]
    return LmsName("moodle", safe_student_id(name or "participant", number),
                   name, number, (("id", (number,)), ("name", (name,))))


def _blackboard(match):
    words = match["prefix"].split("_")
    tails = tuple("_".join(words[start:]) for start in range(len(words)))
    username = words[-1]
    student = (username if STUDENT_ID.match(username)
               else safe_student_id(username))
    submitted = datetime.strptime(match["time"], BLACKBOARD_TIME)
    return LmsName("blackboard", student, username, username,
                   (("id", tails[1:] + tails[:1]),), submitted)


def _canvas(match):
    late = bool(match["late"])
    if match["anon"]:
        student = f"anon_{match['anon']}"
        return LmsName("canvas", student, "", student,
                       (("id", (student,)),), late_marker=late)
    name, number = match["name"] or "", match["id"]
    student = safe_student_id(name) or f"canvas_{number}"
    return LmsName("canvas", student, name, number,
                   (("id", (number,)), ("canvas_name", (name,))),
                   late_marker=late)


def _plain(filename):
    stem = filename[:-len(".ipynb")]
    words = stem.split("_")
    heads = tuple("_".join(words[:end]) for end in range(len(words), 0, -1))
    return LmsName("plain", words[0], words[0], "", (("id", heads),))


def _match_roster(roster, lms_name):
    """(student id, problem) for an LMS name, by the roster."""
    found = {}
    for kind, candidates in lms_name.keys:
        for value in candidates:
            students = roster.lookup(kind, value)
            if value and students:
                found[value] = students
                break
    students = set().union(*found.values())
    if len(students) == 1:
        return students.pop(), ""
    described = _describe(lms_name)
    if not students:
        return "", (f"not in the roster {roster.name}: {described}; add a "
                    f"row for this student, or grade them separately")
    return "", (f"{described} matches several students in the roster "
                f"{roster.name} ({', '.join(sorted(students))}); make the "
                f"roster unambiguous")


def _describe(lms_name):
    label = {"canvas": "Canvas", "moodle": "Moodle",
             "blackboard": "Blackboard", "plain": "file",
             "nbgrader": "nbgrader folder"}[lms_name.lms]
    parts = [f"name {lms_name.name!r}"] if lms_name.name else []
    if lms_name.lms_id and lms_name.lms_id != lms_name.name:
        parts.append(f"id {lms_name.lms_id!r}")
    return f"{label} {', '.join(parts)}"


def _identify(submission, lms_name, roster):
    """Fill in the student and what the LMS said; refuse the unknown."""
    submission.lms = lms_name.lms
    submission.lms_name = lms_name.name
    submission.lms_id = lms_name.lms_id
    submission.submitted_at = (submission.submitted_at
                               or lms_name.submitted_at)
    submission.late_marker = lms_name.late_marker
    submission.student = lms_name.student or submission.student
    student, problem = "", ""
    if roster is not None:
        student, problem = _match_roster(roster, lms_name)
    if student:
        submission.student = student
    elif not STUDENT_ID.match(submission.student):
        _refuse_identity(submission, _cannot_tell(submission.origin))
    elif problem:
        _refuse_identity(submission, problem)
    return submission


def _refuse_identity(submission, problem):
    submission.identified = False
    submission.data = None
    submission.problem = submission.problem or problem


def _cannot_tell(origin):
    return (f"cannot tell the student from '{origin}': expected a Canvas, "
            f"Moodle or Blackboard download name, or a file name like "
            f"<student>_<anything>.ipynb at the top of SOURCE")


# --- Files that are not submissions ------------------------------------------

def ignore_reason(path):
    """Why the file at ``path`` (relative to SOURCE) is not a submission.

    Returns
    -------
    str
        The reason, or an empty string for a notebook to grade.
    """
    name = path.name
    if "__MACOSX" in path.parts or name.startswith("._"):
        return "macOS metadata (__MACOSX, ._ file), not a submission"
    if ".ipynb_checkpoints" in path.parts:
        return "a Jupyter checkpoint copy, not the submission"
    if name.startswith("."):
        return "a hidden file, not a submission"
    receipt = BLACKBOARD.match(name)
    if receipt and not receipt["original"] and receipt["ext"] == "txt":
        return "Blackboard's submission receipt, not a notebook"
    moodle = MOODLE.match(name)
    if moodle and moodle["plugin"] != "file":
        return (f"Moodle's {moodle['plugin']} submission, not a notebook")
    if not name.endswith(".ipynb"):
        return "not a notebook (.ipynb)"
    return ""


# --- Reading SOURCE ----------------------------------------------------------

def read_source(source, slug, roster=None):
    """Every submission in ``source`` for assignment ``slug``.

    Parameters
    ----------
    source : path
        An nbgrader tree, a zip file or a folder of an LMS download.
    slug : str
        The assignment.
    roster : Roster, path or None
        Who is who (:func:`load_roster` reads a path).

    Returns
    -------
    Intake
        The submissions, accepted or refused; ``ignored`` lists the other
        files of an LMS download.

    Raises
    ------
    IntakeError
        If ``source`` does not exist, has no recognizable layout, or the
        roster cannot be read.
    """
    source = Path(source)
    if roster is not None and not isinstance(roster, Roster):
        roster = load_roster(roster)
    if source.is_symlink():
        raise IntakeError(f"{source} is a symbolic link; pass the real path")
    if source.is_file() and zipfile.is_zipfile(source):
        found = _from_zip(source, roster)
    elif source.is_dir():
        if (source / "submitted").is_dir():
            source = source / "submitted"
        nbgrader = [path for path in source.iterdir()
                    if path.is_dir() and (path / slug).exists()]
        if nbgrader:
            found = _from_nbgrader_tree(source, slug, roster)
        else:
            found = _from_lms_folder(source, roster)
    elif source.exists():
        raise IntakeError(f"{source} is neither a folder nor a zip file")
    else:
        raise IntakeError(f"{source} does not exist")
    _refuse_duplicates(found)
    return found


def _identify_lms(submission, path, roster):
    """Tell the student of the notebook at ``path`` (relative to SOURCE)."""
    lms_name = parse_lms_path(path, top_level=len(path.parts) == 1)
    if lms_name is None:
        _refuse_identity(submission, _cannot_tell(submission.origin))
        return submission
    return _identify(submission, lms_name, roster)


def _member_name(info):
    """A zip member's name, repaired when UTF-8 was stored unflagged."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return unicodedata.normalize("NFC", name)


def _from_zip(path, roster):
    intake = Intake()
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = _member_name(info)
            member = PurePosixPath(name)
            reason = ignore_reason(member)
            if reason:
                intake.ignored.append(Ignored(name, reason))
                continue
            submission = Submission(member.name, name)
            _read_member(archive, info, member, submission)
            intake.append(_identify_lms(submission, member, roster))
    return intake


def _read_member(archive, info, member, submission):
    name = str(member)
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


def _from_lms_folder(folder, roster):
    intake = Intake()
    for path in _files_under(folder):
        relative = PurePosixPath(path.relative_to(folder).as_posix())
        if path.is_symlink() and path.is_dir():
            intake.ignored.append(Ignored(
                str(relative), "a symbolic link to a folder, not followed"))
            continue
        reason = ignore_reason(relative)
        if reason:
            intake.ignored.append(Ignored(str(relative), reason))
            continue
        submission = Submission(relative.name, str(relative))
        _read_file(path, submission)
        intake.append(_identify_lms(submission, relative, roster))
    return intake


def _files_under(folder):
    """Every file (and symbolic link) under ``folder``, sorted, no links
    followed."""
    found = []
    for root, folders, files in os.walk(folder):
        root = Path(root)
        links = [name for name in folders if (root / name).is_symlink()]
        found += [root / name for name in files + links]
        folders.sort()
    return sorted(found)


def _from_nbgrader_tree(folder, slug, roster):
    intake = Intake()
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
        name = student_dir.name
        intake.append(_identify(submission, LmsName(
            "nbgrader", name, name, "", (("id", (name,)),)), roster))
    return intake


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
    _read_timestamp(assignment / "timestamp.txt", submission)


def parse_timestamp(text):
    """A time as nbgrader writes it in ``timestamp.txt``.

    nbgrader writes ``2024-09-25 14:42:23.123456 UTC``; ISO 8601 with an
    offset is read too. A time in UTC comes back aware, one without a
    zone naive.

    Raises
    ------
    ValueError
        If ``text`` is not such a time.
    """
    text = text.strip()
    zone = None
    for suffix in (" UTC", "Z"):
        if text.endswith(suffix):
            text, zone = text[:-len(suffix)].strip(), timezone.utc
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=zone) if zone else moment


def _read_timestamp(path, submission):
    if not path.is_file() or path.is_symlink():
        return
    try:
        submission.submitted_at = parse_timestamp(
            path.read_text(encoding="utf-8")[:100])
    except (ValueError, UnicodeDecodeError):
        remark = "timestamp.txt holds no readable time"
        submission.note = "; ".join(filter(None, [submission.note, remark]))


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
        if submission.identified:
            by_student.setdefault(submission.student, []).append(submission)
    for student, group in by_student.items():
        if len(group) > 1:
            origins = ", ".join(s.origin for s in group)
            hint = ("; student ids that contain '_' need --roster"
                    if all(s.lms == "plain" for s in group) else "")
            for submission in group:
                submission.data = None
                submission.problem = (f"refused: {len(group)} submissions "
                                      f"for student '{student}' ({origins});"
                                      f" keep one and grade again{hint}")
    return submissions
