"""Reports: what learners and instructors read after grading."""
import json

from autograder import reports
from autograder.assignment import Assignment
from autograder.grade import Entry

SLUG = "c1w2_numpy_basics"


def _entries():
    assignment = Assignment.named(SLUG)
    full = {name: 1 for name in assignment.function_names}
    ada = Entry("ada", "ada_x.ipynb", assignment.max_score,
                score=assignment.max_score, functions=full)
    bob = Entry("bob<script>", "bob.ipynb", assignment.max_score, score=0,
                functions={name: 0 for name in full},
                messages={"sigmoid": "s: <b>expected</b> a float"})
    eve = Entry("eve", "eve.ipynb", assignment.max_score,
                error="not valid notebook JSON", refused=False)
    return assignment, [ada, bob, eve]


def test_feedback_escapes_what_the_submission_wrote(tmp_path):
    """Is every message shown as text, never as HTML?"""
    assignment, (_, bob, _) = _entries()
    path = tmp_path / "feedback.html"
    reports.write_feedback(path, assignment, bob)
    page = path.read_text()
    assert "&lt;b&gt;expected&lt;/b&gt;" in page
    assert "<script>" not in page and "bob&lt;script&gt;" in page


def test_summary_counts_rates_and_errors():
    """Does the summary count every entry and rate every function?"""
    assignment, entries = _entries()
    summary = reports.summarize(assignment, "fast", entries)
    assert summary["counts"] == {"found": 3, "graded": 2, "errors": 1}
    assert summary["pass_rates"] == {name: 0.5 for name in
                                     assignment.function_names}
    assert json.loads(json.dumps(summary)) == summary
    page = reports.summary_page(summary)
    assert "not valid notebook JSON" in page and "<script>" not in page


def test_gradescope_results_hold_every_function(tmp_path):
    """Does results.json list every graded function with its points?"""
    assignment, (ada, _, _) = _entries()
    path = tmp_path / "results.json"
    reports.write_gradescope(path, assignment, ada)
    result = json.loads(path.read_text())
    assert result["score"] == assignment.max_score
    assert [test["name"] for test in result["tests"]] == list(
        assignment.function_names)
