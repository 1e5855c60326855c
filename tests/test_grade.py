"""course grade: a hostile class graded from the command line (intake:
tests/test_intake.py)."""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.assignment import Assignment
from tests import corpus

# --- A class through the command line ----------------------------------

@pytest.fixture(scope="module")
def cli_class(tmp_path_factory):
    """A mixed class of numpy-basics submissions graded by `course grade`."""
    assignment = Assignment.named("c1w2_numpy_basics")
    slug = assignment.slug
    root = tmp_path_factory.mktemp("cli")
    honest = corpus.honest(assignment)
    submissions = {"solution": honest["solution"],
                   "untouched": honest["untouched"],
                   "partial": honest["partial"],
                   **corpus.bad(assignment),
                   **{name: text for name, (text, _) in
                      corpus.dishonest(assignment).items()}}
    source = corpus.write_lms_folder(root / "download", submissions)
    before = _tree_hash(source)
    course = root / "course"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "course"), "grade", slug,
         str(source), "--course", str(course), "--jobs", "2",
         "--time-limit", "20", "--report", str(root / "report.json")],
        capture_output=True, text=True)
    summary = json.loads((root / "report.json").read_text())
    entries = {e["student"]: e for e in summary["submissions"]}
    return slug, course, source, before, result, summary, entries


def _tree_hash(folder):
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def test_cli_accounts_for_every_submission(cli_class):
    """Does the summary hold a score or a named error for every file?"""
    _, _, source, _, result, summary, entries = cli_class
    assert result.returncode == 1, result.stderr  # some are broken
    assert len(entries) == len(list(source.iterdir()))
    for entry in entries.values():
        assert entry["score"] is not None or entry["error"]


def test_cli_leaves_source_untouched(cli_class):
    """Is nothing in SOURCE modified by grading?"""
    _, _, source, before, _, _, _ = cli_class
    assert _tree_hash(source) == before


def _points(slug, name):
    return Assignment.named(slug).spec(name).points


@pytest.mark.parametrize("student, expected", [
    ("corrupt-json", "not valid notebook JSON"),
    ("not-utf8", "not UTF-8"),
    ("infinite-loop-at-top-level", "time limit"),
])
def test_bad_input_gets_a_named_error(cli_class, student, expected):
    """Does each unreadable or runaway notebook get a named error?"""
    entry = cli_class[6][student]
    assert entry["score"] is None and expected in entry["error"]


@pytest.mark.parametrize("student", [
    "solution", "duplicated-graded-cell", "stripped-metadata", "sys-exit",
    "memory-hog", "huge-output", "fork-bomb", "kill-parent",
    "write-gradebook"])
def test_bad_but_correct_code_gets_full_marks(cli_class, student):
    """Is correct code graded in full despite the noise around it?"""
    entry = cli_class[6][student]
    assert entry["score"] == entry["max_score"], entry


@pytest.mark.parametrize("student", [
    "deleted-graded-cell", "infinite-loop-in-function",
    "os-exit-in-function"])
def test_one_broken_function_loses_its_points(cli_class, student):
    """Does a deleted, looping or exiting function cost only itself?"""
    slug, entries = cli_class[0], cli_class[6]
    last = Assignment.named(slug).function_names[-1]
    assert entries[student]["functions"][last] == 0
    assert entries[student]["score"] == (entries[student]["max_score"]
                                         - _points(slug, last))


@pytest.mark.parametrize("student", ["patch-allclose", "always-equal",
                                     "read-caller"])
def test_cheats_earn_nothing(cli_class, student):
    """Does cheating the comparison leave the wrong function at 0?"""
    slug, entries = cli_class[0], cli_class[6]
    name = corpus.dishonest(Assignment.named(slug))[student][1]
    assert entries[student]["functions"][name] == 0
    assert entries[student]["score"] == (entries[student]["max_score"]
                                         - _points(slug, name))


def test_gradebook_matches_summary_and_was_not_tampered(cli_class):
    """Are the gradebook's scores the summary's, none forged to 594?"""
    slug, course, _, _, _, _, entries = cli_class
    with Gradebook(f"sqlite:///{course}/gradebook.db") as book:
        for student, entry in entries.items():
            if entry["score"] is not None:
                assert book.find_submission(slug, student).score == \
                    entry["score"]
        assert all(grade.auto_score != 594
                   for submission in book.assignment_submissions(slug)
                   for notebook in submission.notebooks
                   for grade in notebook.grades)


def test_outputs_exist_and_hide_hidden_tests(cli_class):
    """Are feedback, results.json, CSV, summary and figure all written?"""
    slug, course, _, _, _, summary, entries = cli_class
    feedback = (course / "results" / "solution" /
                "feedback.html").read_text()
    assert "hidden_test" not in feedback and "BEGIN HIDDEN" not in feedback
    wrong = (course / "results" / "patch-allclose" /
             "feedback.html").read_text()
    assert "0 / 1" in wrong
    results = json.loads((course / "results" / "solution" /
                          "results.json").read_text())
    assert results["score"] == summary["max_score"]
    assignment = Assignment.named(slug)
    assert len(results["tests"]) == 2 * len(assignment.specs)
    csv_students = {line.split(",")[3] for line in
                    (course / "grades.csv").read_text().splitlines()[1:]}
    assert csv_students == set(entries)
    assert (course / "histogram.png").stat().st_size > 1000
    assert "What the class struggles with" in (
        course / "summary.html").read_text()
    assert set(summary["pass_rates"]) == set(assignment.function_names)
