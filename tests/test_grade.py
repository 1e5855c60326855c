"""course grade: a hostile class graded from the command line (intake:
tests/test_intake.py)."""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import nbformat
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


# --- Problems, late work and similarity through the command line -------

DUE = "2026-10-01T23:00:00+00:00"
#: Hours after DUE at which each on-time or late student submitted.
SUBMITTED_HOURS = {"on-time": -1, "late-3h": 2.5, "extended": 10,
                   "too-late": 50}


def _nbgrader_tree(folder, slug, notebooks):
    """``<student>/<slug>/<slug>.ipynb`` with nbgrader's timestamp.txt."""
    from datetime import datetime, timedelta

    due = datetime.fromisoformat(DUE)
    for student, text in notebooks.items():
        place = folder / student / slug
        place.mkdir(parents=True)
        (place / f"{slug}.ipynb").write_text(text)
        moment = due + timedelta(hours=SUBMITTED_HOURS.get(student, -2))
        (place / "timestamp.txt").write_text(
            moment.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
    return folder


@pytest.fixture(scope="module")
def term_class(tmp_path_factory):
    """A numpy-basics class with problems, late work and a copied pair,
    graded with --due, --extensions, --late-policy and --similarity."""
    assignment = Assignment.named("c1w2_numpy_basics")
    slug, names = assignment.slug, assignment.function_names
    root = tmp_path_factory.mktemp("term")
    honest = corpus.honest(assignment, 0)
    mutant = assignment.mutants[names[3]][0]
    original = corpus._replace(assignment, {names[3]: corpus.mutant_source(
        assignment, names[3], mutant.function)}, corpus._notebook(
            assignment, released=True))
    with_torch = corpus._notebook(assignment, released=True)
    with_torch.cells.insert(1, nbformat.v4.new_code_cell("import torch"))
    notebooks = {
        # Each student's graded code is their own, except the copy's.
        "on-time": honest["untouched"], "late-3h": honest["solution"],
        "extended": honest["partial"],
        "too-late": corpus.alternative(assignment),
        "syntax": corpus._replace(assignment, {
            names[1]: f"def {names[1]}(x):\n    return (x\n"},
            corpus._notebook(assignment, released=True)),
        "other-week": Assignment.named(
            "c2w2_optimization_methods").exercise_notebook.read_text(),
        "import-torch": nbformat.writes(with_torch),
        "orig": original,
        "copy": corpus.renamed_copy(assignment, original)}
    source = _nbgrader_tree(root / "submitted", slug, notebooks)
    extensions = root / "extensions.csv"
    extensions.write_text("student_id,extra_hours\nextended,12\n")
    course = root / "course"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "course"), "grade", slug,
         str(source), "--course", str(course), "--jobs", "2",
         "--time-limit", "20", "--due", DUE, "--extensions",
         str(extensions), "--late-policy", "per-hour:1,zero-after:48",
         "--similarity"], capture_output=True, text=True)
    summary = json.loads((course / "summary.json").read_text())
    entries = {e["student"]: e for e in summary["submissions"]}
    return assignment, course, result, summary, entries


def test_cli_names_notebook_problems_with_cell_and_line(term_class):
    """Are the syntax error, forbidden import and wrong assignment named
    in summary.json and on the summary page?"""
    _, course, result, summary, entries = term_class
    assert result.returncode == 1, result.stderr  # flagged, all graded
    assert summary["counts"]["errors"] == 0
    [syntax] = entries["syntax"]["problems"]
    assert syntax["kind"] == "syntax error" and syntax["line"] == 2
    wrong = {p["kind"]: p for p in entries["other-week"]["problems"]}
    assert "c2w2_optimization_methods" in wrong["wrong assignment"][
        "detail"]
    [forbidden] = entries["import-torch"]["problems"]
    assert forbidden["kind"] == "forbidden import" and forbidden["cell"]
    assert not entries["on-time"]["problems"]
    page = (course / "summary.html").read_text()
    assert f"cell {syntax['cell']}, line 2" in page
    assert "wrong assignment" in page and "forbidden import" in page
    assert "syntax error" in result.stdout


def test_cli_applies_the_late_policy_and_extensions(term_class):
    """Do late, extended and too-late submissions get nbgrader's
    penalties in the summary, gradebook, CSV, feedback and results?"""
    assignment, course, _, _, entries = term_class
    top = assignment.max_score
    scores = {student: (entries[student]["score"],
                        entries[student]["late"]["penalty"])
              for student in SUBMITTED_HOURS}
    partial = entries["extended"]["raw_score"]
    assert scores == {"on-time": (0, 0), "late-3h": (top - 3, 3),
                      "extended": (partial, 0), "too-late": (0, top)}
    assert entries["late-3h"]["raw_score"] == top
    slug = assignment.slug
    with Gradebook(f"sqlite:///{course}/gradebook.db") as book:
        notebook = book.find_submission_notebook(slug, slug, "late-3h")
        assert notebook.late_submission_penalty == 3
        assert book.find_submission(
            slug, "extended").extension.total_seconds() == 12 * 3600
    rows = {line.split(",")[3]: line.split(",") for line in
            (course / "grades.csv").read_text().splitlines()}
    header = rows["student_id"]
    late = dict(zip(header, rows["late-3h"]))
    assert float(late["late_submission_penalty"]) == 3
    assert float(late["raw_score"]) == top
    assert float(late["score"]) == top - 3
    feedback = (course / "results" / "late-3h" /
                "feedback.html").read_text()
    assert "late penalty 3 point(s)" in feedback
    results = json.loads((course / "results" / "late-3h" /
                          "results.json").read_text())
    assert results["score"] == top - 3
    assert results["extra_data"]["late"]["penalty"] == 3


def test_cli_similarity_pairs_only_the_copy(term_class):
    """Is the disguised copy paired with its original, and only it (not
    the independent correct pair late-3h and too-late), with alike code
    and the same wrong outputs?"""
    assignment, course, result, summary, _ = term_class
    found = summary["similarity"]
    assert [pair["students"] for pair in found["alike_code"]] == [
        ["copy", "orig"]]
    name = assignment.function_names[3]
    assert {"function": name, "students": ["copy", "orig"],
            "shared_by": 2} in found["same_wrong_outputs"]
    page = (course / "similarity.html").read_text()
    assert "not a verdict" in page and "<mark>" in page
    assert "similarity.html (evidence, not a verdict)" in result.stdout
    assert "href='similarity.html'" in (course / "summary.html").read_text()
