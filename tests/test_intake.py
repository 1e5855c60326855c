"""Intake: which student each file of a download belongs to, or why not.

The names below are written as Canvas, Moodle and Blackboard write them
in their "download all submissions" archives.
"""
import json
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.assignment import Assignment
from autograder.intake import (
    IntakeError,
    _member_name,
    load_roster,
    read_source,
)

SLUG = "c1w2_numpy_basics"
SOLUTION = Assignment.named(SLUG).solution_notebook.read_bytes()
BLANK = Assignment.named(SLUG).exercise_notebook.read_bytes()


def _folder(folder, names, data=SOLUTION):
    """Write each (relative) name under ``folder``; return the folder."""
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def _zip(path, members):
    """A zip file of ``{name: bytes}``."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _by_origin(source, roster=None):
    return {s.origin: s for s in read_source(source, SLUG, roster)}


def _roster(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# --- Plain names, and what must be refused -----------------------------------

def test_plain_names_and_duplicates(tmp_path):
    """Are plain files mapped to students, duplicates refused, and other
    files listed as ignored?"""
    _folder(tmp_path, ["ada_hw.ipynb", "bob_x_y.ipynb", "bob_again.ipynb",
                       "notes.txt"])
    intake = read_source(tmp_path, SLUG)
    found = {s.origin: s for s in intake}
    assert set(found) == {"ada_hw.ipynb", "bob_x_y.ipynb", "bob_again.ipynb"}
    assert found["ada_hw.ipynb"].student == "ada"
    assert found["ada_hw.ipynb"].data == SOLUTION
    assert "2 submissions for student 'bob'" in found["bob_x_y.ipynb"].problem
    assert found["bob_again.ipynb"].data is None
    assert [(i.origin, i.reason) for i in intake.ignored] == [
        ("notes.txt", "not a notebook (.ipynb)")]


def test_zip_refuses_path_traversal_and_symlinks(tmp_path):
    """Are '..' paths and symbolic links in a zip refused by name?"""
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("ada_hw.ipynb", SOLUTION)
        zipped.writestr("../eve_escape.ipynb", SOLUTION)
        link = zipfile.ZipInfo("mal_link.ipynb")
        link.external_attr = 0o120777 << 16
        zipped.writestr(link, "/etc/passwd")
    found = _by_origin(archive)
    assert found["ada_hw.ipynb"].problem == ""
    assert "path traversal" in found["../eve_escape.ipynb"].problem
    assert "symbolic link" in found["mal_link.ipynb"].problem


def test_nbgrader_tree_symlink_and_renamed_notebook(tmp_path):
    """Is a symlinked student refused and a renamed notebook graded?"""
    (tmp_path / "ada" / SLUG).mkdir(parents=True)
    (tmp_path / "ada" / SLUG / "my_copy.ipynb").write_bytes(SOLUTION)
    (tmp_path / "eve").symlink_to(tmp_path / "ada")
    found = {s.student: s for s in read_source(tmp_path, SLUG)}
    assert found["ada"].data == SOLUTION
    assert "renamed" in found["ada"].note
    assert "symbolic link" in found["eve"].problem


def test_missing_source_is_a_clear_error(tmp_path):
    """Does a wrong SOURCE path say that it does not exist?"""
    with pytest.raises(IntakeError, match="does not exist"):
        read_source(tmp_path / "nowhere", SLUG)


def test_unreadable_names_are_refused_with_the_reason(tmp_path):
    """Is a name no pattern fits, or a plain name in a subfolder, refused
    as 'cannot tell the student'?"""
    _folder(tmp_path, ["Carol Smith hw.ipynb", "week1/ada_hw.ipynb"])
    found = _by_origin(tmp_path)
    for origin in ("Carol Smith hw.ipynb", "week1/ada_hw.ipynb"):
        assert found[origin].problem.startswith(
            f"cannot tell the student from '{origin}'")
        assert found[origin].data is None


# --- Canvas ------------------------------------------------------------------

def test_canvas_names_late_and_anonymous(tmp_path):
    """Do Canvas names give the squashed name, the user id and the LATE
    marker, even when the name holds an underscore?"""
    _folder(tmp_path, ["smithcarol_123456_7890123_c1w2_numpy_basics.ipynb",
                       "jonesbob_LATE_234567_7890124_hw-1.ipynb",
                       "lee_annmarie_345678_7890125_hw.ipynb",
                       "LATE_anon_Xk3f9_7890126_hw.ipynb"])
    found = {s.student: s for s in read_source(tmp_path, SLUG)}
    assert set(found) == {"smithcarol", "jonesbob", "lee_annmarie",
                          "anon_Xk3f9"}
    assert all(s.problem == "" and s.lms == "canvas"
               for s in found.values())
    assert found["smithcarol"].lms_id == "123456"
    assert not found["smithcarol"].late_marker
    assert found["jonesbob"].late_marker
    assert found["anon_Xk3f9"].late_marker
    assert found["lee_annmarie"].lms_name == "lee_annmarie"


def test_canvas_duplicate_student_is_refused(tmp_path):
    """Are two notebooks of one Canvas student both refused, named?"""
    _folder(tmp_path, ["smithcarol_123456_7890123_hw.ipynb",
                       "smithcarol_123456_7890124_hw_copy.ipynb"])
    found = _by_origin(tmp_path)
    for submission in found.values():
        assert submission.problem.startswith(
            "refused: 2 submissions for student 'smithcarol'")
        assert submission.data is None
        assert "--roster" not in submission.problem


# --- Moodle ------------------------------------------------------------------

def test_moodle_flat_names_with_spaces_and_accents(tmp_path):
    """Does a flat Moodle download give name_participant-id student ids,
    in ASCII, and list the online-text part as ignored?"""
    archive = _zip(tmp_path / "moodle.zip", {
        "Carol Smith_98765_assignsubmission_file_x.ipynb": SOLUTION,
        "Zoë Núñez_98766_assignsubmission_file_c1w2_numpy_basics.ipynb":
            BLANK,
        "Zoë Núñez_98766_assignsubmission_onlinetext_onlinetext.html":
            b"<p>hi</p>"})
    intake = read_source(archive, SLUG)
    found = {s.student: s for s in intake}
    assert set(found) == {"carol_smith_98765", "zoe_nunez_98766"}
    assert found["zoe_nunez_98766"].data == BLANK
    assert found["zoe_nunez_98766"].lms_name == "Zoë Núñez"
    assert found["carol_smith_98765"].lms_id == "98765"
    assert [i.reason for i in intake.ignored] == [
        "Moodle's onlinetext submission, not a notebook"]


def test_moodle_folder_per_student_zip(tmp_path):
    """Does a Moodle zip with one folder per student name each student by
    the folder, and ignore checkpoints and macOS metadata?"""
    folder = "Zoë Núñez_98766_assignsubmission_file_"
    archive = _zip(tmp_path / "moodle.zip", {
        f"{folder}/{SLUG}.ipynb": SOLUTION,
        f"{folder}/.ipynb_checkpoints/{SLUG}-checkpoint.ipynb": BLANK,
        "Carol Smith_98765_assignsubmission_file_/work/hw.ipynb": BLANK,
        f"__MACOSX/{folder}/._{SLUG}.ipynb": b"\0"})
    intake = read_source(archive, SLUG)
    found = {s.origin: s for s in intake}
    assert found[f"{folder}/{SLUG}.ipynb"].student == "zoe_nunez_98766"
    assert found[f"{folder}/{SLUG}.ipynb"].data == SOLUTION
    assert (found["Carol Smith_98765_assignsubmission_file_/work/hw.ipynb"]
            .student == "carol_smith_98765")
    assert sorted(i.reason for i in intake.ignored) == [
        "a Jupyter checkpoint copy, not the submission",
        "macOS metadata (__MACOSX, ._ file), not a submission"]


def test_moodle_unpacked_folder_per_student(tmp_path):
    """Is the same download, unpacked into a folder, read alike?"""
    _folder(tmp_path, ["Carol Smith_98765_assignsubmission_file_/hw.ipynb"])
    found = _by_origin(tmp_path)
    submission = found["Carol Smith_98765_assignsubmission_file_/hw.ipynb"]
    assert submission.student == "carol_smith_98765"
    assert submission.problem == ""


def test_zip_names_stored_as_unflagged_utf8_are_repaired():
    """Is a UTF-8 name that the zip did not flag as UTF-8 read as such?"""
    raw = "Zoë Núñez_1_assignsubmission_file_x.ipynb".encode("utf-8")
    info = zipfile.ZipInfo(raw.decode("cp437"))
    info.flag_bits = 0
    assert _member_name(info) == "Zoë Núñez_1_assignsubmission_file_x.ipynb"


# --- Blackboard --------------------------------------------------------------

def test_blackboard_names_times_and_receipts(tmp_path):
    """Does a Blackboard name give the username and the attempt time, and
    is its .txt receipt listed as ignored, not refused?"""
    _folder(tmp_path, [
        "HW 1_csmith_attempt_2024-09-25-14-42-23_c1w2_numpy_basics.ipynb",
        "HW 1_dbrown_attempt_2024-09-26-08-05-00_my work.ipynb"])
    _folder(tmp_path, ["HW 1_csmith_attempt_2024-09-25-14-42-23.txt",
                       "HW 1_dbrown_attempt_2024-09-26-08-05-00.txt"],
            data=b"Name: Carol Smith (csmith)\n")
    intake = read_source(tmp_path, SLUG)
    found = {s.student: s for s in intake}
    assert set(found) == {"csmith", "dbrown"}
    assert found["csmith"].submitted_at == datetime(2024, 9, 25, 14, 42, 23)
    assert found["dbrown"].submitted_at == datetime(2024, 9, 26, 8, 5, 0)
    assert all(s.problem == "" and s.lms == "blackboard"
               for s in found.values())
    assert [(i.origin, i.reason) for i in intake.ignored] == [
        ("HW 1_csmith_attempt_2024-09-25-14-42-23.txt",
         "Blackboard's submission receipt, not a notebook"),
        ("HW 1_dbrown_attempt_2024-09-26-08-05-00.txt",
         "Blackboard's submission receipt, not a notebook")]


# --- Student ids with underscores --------------------------------------------

def test_underscore_ids_from_an_nbgrader_tree_with_timestamps(tmp_path):
    """Do nbgrader folders with underscores stay two students, and is
    nbgrader's timestamp.txt read?"""
    for student in ("honest_full", "honest_blank"):
        folder = tmp_path / "submitted" / student / SLUG
        folder.mkdir(parents=True)
        (folder / f"{SLUG}.ipynb").write_bytes(SOLUTION)
    (tmp_path / "submitted" / "honest_full" / SLUG / "timestamp.txt"
     ).write_text("2024-09-25 14:42:23.500000 UTC\n")
    found = {s.student: s for s in read_source(tmp_path, SLUG)}
    assert set(found) == {"honest_full", "honest_blank"}
    assert all(s.problem == "" for s in found.values())
    assert found["honest_full"].submitted_at == datetime(
        2024, 9, 25, 14, 42, 23, 500000, tzinfo=timezone.utc)
    assert found["honest_blank"].submitted_at is None


def test_underscore_ids_collide_without_a_roster(tmp_path):
    """Without a roster, do plain names with underscores collide, and does
    the refusal say that a roster fixes it?"""
    _folder(tmp_path, ["honest_full_x.ipynb", "honest_blank_y.ipynb"])
    for submission in read_source(tmp_path, SLUG):
        assert "2 submissions for student 'honest'" in submission.problem
        assert submission.problem.endswith(
            "student ids that contain '_' need --roster")


def test_underscore_ids_from_a_roster(tmp_path):
    """With a roster, does each plain name go to the longest student id
    it starts with?"""
    roster = _roster(tmp_path / "roster.csv",
                     "student_id\nhonest_full\nhonest_blank\nhonest\n")
    download = _folder(tmp_path / "download", [
        "honest_full_x.ipynb", "honest_blank_y.ipynb", "honest_z.ipynb"])
    found = _by_origin(download, roster)
    assert found["honest_full_x.ipynb"].student == "honest_full"
    assert found["honest_blank_y.ipynb"].student == "honest_blank"
    assert found["honest_z.ipynb"].student == "honest"
    assert all(s.problem == "" for s in found.values())


# --- The roster --------------------------------------------------------------

ROSTER = """\
student_id,lms_name,lms_id,email
carol,Carol Smith,123456,carol@example.org
zoe,Zoë Núñez,,
dan_brown,,dbrown,
"""


def test_roster_maps_names_and_ids(tmp_path):
    """Does the roster match Canvas ids, Moodle names (whatever the case and
    spacing) and Blackboard usernames to student ids?"""
    roster = _roster(tmp_path / "roster.csv", ROSTER)
    download = _folder(tmp_path / "download", [
        "smithcarol_123456_7890123_hw.ipynb",
        "zoË  NÚÑEZ_98766_assignsubmission_file_hw.ipynb",
        "HW_1_dbrown_attempt_2024-09-25-14-42-23_hw.ipynb"])
    found = {s.lms: s for s in read_source(download, SLUG, roster)}
    assert found["canvas"].student == "carol"
    assert found["moodle"].student == "zoe"
    assert found["blackboard"].student == "dan_brown"
    assert all(s.problem == "" and s.data == SOLUTION
               for s in found.values())


def test_blackboard_username_with_underscore_needs_the_roster(tmp_path):
    """Is a Blackboard username with an underscore found by the roster
    (its last word only, without one)?"""
    name = "HW_1_j_smith_attempt_2024-09-25-14-42-23_hw.ipynb"
    download = _folder(tmp_path / "download", [name])
    assert _by_origin(download)[name].student == "smith"
    roster = _roster(tmp_path / "roster.csv",
                     "student_id,lms_id\njsmith,j_smith\nsmith,smith\n")
    assert _by_origin(download, roster)[name].student == "jsmith"


def test_name_not_in_the_roster_is_refused_by_name(tmp_path):
    """Is a student the roster does not know refused with the reason, and
    kept out of the duplicate check?"""
    roster = _roster(tmp_path / "roster.csv", ROSTER)
    download = _folder(tmp_path / "download", [
        "Mallory Knox_555_assignsubmission_file_hw.ipynb",
        "Mallory Knox_555_assignsubmission_file_hw2.ipynb"])
    for submission in read_source(download, SLUG, roster):
        assert submission.problem == (
            "not in the roster roster.csv: Moodle name 'Mallory Knox', "
            "id '555'; add a row for this student, or grade them "
            "separately")
        assert submission.student == "mallory_knox_555"
        assert submission.data is None and not submission.identified


def test_roster_rows_that_disagree_refuse_the_submission(tmp_path):
    """When the id names one student and the name another, is the
    submission refused rather than given to either?"""
    roster = _roster(tmp_path / "roster.csv",
                     "student_id,lms_name,lms_id\ncarol,Carol Smith,98765\n"
                     "zoe,Zoë Núñez,\n")
    download = _folder(tmp_path / "download", [
        "Zoë Núñez_98765_assignsubmission_file_hw.ipynb"])
    [submission] = read_source(download, SLUG, roster)
    assert submission.problem.startswith(
        "Moodle name 'Zoë Núñez', id '98765' matches several students in "
        "the roster roster.csv (carol, zoe)")


def test_roster_without_student_id_is_an_intake_error(tmp_path):
    """Does a roster without a student_id column stop with a message?"""
    roster = _roster(tmp_path / "roster.csv", "name,id\nCarol,1\n")
    with pytest.raises(IntakeError, match="no student_id column"):
        load_roster(roster)


def test_roster_with_an_unsafe_student_id_names_the_line(tmp_path):
    """Does a student id with a space or a slash stop, naming the line?"""
    roster = _roster(tmp_path / "roster.csv",
                     'student_id,lms_name\nada,"Ada\nLovelace"\n'
                     "../eve,Eve\n")
    with pytest.raises(IntakeError, match=r"line 4: student_id '\.\./eve'"):
        load_roster(roster)


# --- A mixed class through `course grade` ------------------------------------

@pytest.mark.slow
def test_course_grade_mixed_download(tmp_path):
    """Does `course grade` on a mixed download exit 1 for a broken
    notebook, account for every file, and register no refused name?"""
    members = {
        "smithcarol_123456_7890123_c1w2_numpy_basics.ipynb": SOLUTION,
        "evansed_LATE_222222_7890124_c1w2_numpy_basics.ipynb":
            b'{"cells": [',
        "Zoë Núñez_98766_assignsubmission_file_/hw.ipynb": BLANK,
        "HW 1_dbrown_attempt_2024-09-25-14-42-23_hw.ipynb": SOLUTION,
        "HW 1_dbrown_attempt_2024-09-25-14-42-23.txt": b"receipt",
        "Mallory Knox_555_assignsubmission_file_hw.ipynb": SOLUTION,
        "Carol Smith hw.ipynb": SOLUTION,
    }
    archive = _zip(tmp_path / "download.zip", members)
    roster = _roster(tmp_path / "roster.csv",
                     ROSTER + "ed,,222222,\n")
    course = tmp_path / "course"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "course"), "grade", SLUG,
         str(archive), "--course", str(course), "--roster", str(roster),
         "--jobs", "1", "--time-limit", "30"],
        capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    summary = json.loads((course / "summary.json").read_text())
    entries = {e["origin"]: e for e in summary["submissions"]}
    ignored = {i["origin"]: i["reason"] for i in summary["ignored"]}
    assert set(entries) | set(ignored) == set(members)
    assert not set(entries) & set(ignored)
    scores = {e["student"]: e["score"] for e in entries.values()}
    assert scores["carol"] == scores["dan_brown"] == summary["max_score"]
    assert scores["zoe"] == 0
    assert "not valid notebook JSON" in entries[
        "evansed_LATE_222222_7890124_c1w2_numpy_basics.ipynb"]["error"]
    assert entries["Mallory Knox_555_assignsubmission_file_hw.ipynb"][
        "error"].startswith("not in the roster")
    assert entries["Carol Smith hw.ipynb"]["error"].startswith(
        "cannot tell the student")
    with Gradebook(f"sqlite:///{course}/gradebook.db") as book:
        registered = {student.id for student in book.students}
    assert registered == {"carol", "ed", "zoe", "dan_brown"}
