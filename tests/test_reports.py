"""Reports: what learners and instructors read after grading."""
import json

import pytest

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
    assert summary["counts"] == {"found": 3, "graded": 2, "errors": 1,
                                 "with_problems": 0, "late": 0}
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



def test_summary_has_mean_median_and_common_mistakes():
    """Are mean, median and each function's most common hint counted?"""
    assignment, (ada, bob, eve) = _entries()
    name = assignment.function_names[0]
    carl = Entry("carl", "carl.ipynb", assignment.max_score, score=1,
                 functions={name: 0}, messages={
                     name: "hidden case 2: s: values differ\n"
                           "  Hint: forgot the minus sign"})
    bob.messages[name] = ("hidden case 1: s: values differ\n"
                          "  Hint: forgot the minus sign")
    summary = reports.summarize(assignment, "fast", [ada, bob, eve, carl])
    scores = [ada.score, bob.score, carl.score]
    assert summary["mean"] == sum(scores) / 3
    assert summary["median"] == sorted(scores)[1]
    assert summary["common_mistakes"][name][0] == [
        "forgot the minus sign", 2]
    page = reports.summary_page(summary)
    assert "forgot the minus sign (2)" in page


def test_summary_page_lists_problems_with_cell_and_line():
    """Does the page name each problem's kind, cell and line?"""
    from autograder.diagnose import Problem

    assignment, (ada, bob, eve) = _entries()
    bob.problems = [Problem("syntax error", "invalid <syntax>", 4, 2)]
    summary = reports.summarize(assignment, "fast", [ada, bob, eve])
    assert summary["counts"]["with_problems"] == 1
    [listed] = summary["submissions"][1]["problems"]
    assert listed == {"kind": "syntax error", "detail": "invalid <syntax>",
                      "cell": 4, "line": 2}
    page = reports.summary_page(summary)
    assert "cell 4, line 2" in page and "invalid &lt;syntax&gt;" in page


def test_summary_page_has_a_student_by_function_table():
    """Has the page one column per function, points per student?"""
    assignment, entries = _entries()
    page = reports.summary_page(reports.summarize(assignment, "fast",
                                                  entries))
    table = page[page.index("class='students'"):]
    for name in assignment.function_names:
        assert f"<th><code>{name}</code></th>" in table
    assert table.count("<td class='pass'>1</td>") == len(
        assignment.function_names)


@pytest.mark.parametrize("message, mistake", [
    ("hidden case 2: s: values differ\n  Hint: forgot the minus sign",
     ["forgot the minus sign"]),
    ("visible check: x [3, 2]: raised NotImplementedError: ",
     ["not attempted (the stub raises NotImplementedError)"]),
    ("hidden case 1: raised TypeError: bad operand", ["raised TypeError"]),
    ("hidden case 1: dW: shape (3, 2), expected (2, 3)",
     ["dW: shape (3, 2), expected (2, 3)"]),
])
def test_mistake_is_the_hint_or_the_failure_without_its_case(message,
                                                             mistake):
    """Is a failure counted by its hint, else by what failed?"""
    assert reports.mistake_of(message) == mistake
