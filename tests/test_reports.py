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
    """Does results.json list every graded function twice: its visible
    checks (shown at once) and its hidden tests with the points (shown
    once published)?"""
    assignment, (ada, _, _) = _entries()
    path = tmp_path / "results.json"
    reports.write_gradescope(path, assignment, ada)
    result = json.loads(path.read_text())
    assert result["score"] == assignment.max_score
    assert [test["name"] for test in result["tests"]] == [
        f"{name}: {kind}" for name in assignment.function_names
        for kind in ("visible checks", "hidden tests")]
    assert {test["visibility"] for test in result["tests"][::2]} == {
        "visible"}
    assert {test["visibility"] for test in result["tests"][1::2]} == {
        "after_published"}


def test_gradescope_visible_checks_pass_when_only_a_hidden_case_fails(
        tmp_path):
    """Is a failure on a hidden case shown in the hidden test only, and a
    failure on a visible check in both?"""
    assignment = Assignment.named(SLUG)
    spec = assignment.specs[0]
    hidden_label = spec.hidden_cases()[0].label
    messages = {spec.name: f"{hidden_label}: s has the wrong shape",
                assignment.specs[1].name: "visible check: x: wrong value"}
    entry = Entry("cy", "cy.ipynb", assignment.max_score, score=0,
                  messages=messages)
    path = tmp_path / "results.json"
    reports.write_gradescope(path, assignment, entry)
    tests = {test["name"]: test
             for test in json.loads(path.read_text())["tests"]}
    first, second = spec.name, assignment.specs[1].name
    assert tests[f"{first}: visible checks"]["status"] == "passed"
    assert "wrong shape" in tests[f"{first}: hidden tests"]["output"]
    assert tests[f"{second}: visible checks"]["status"] == "failed"
    assert "wrong value" in tests[f"{second}: visible checks"]["output"]
