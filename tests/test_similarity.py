"""Similarity evidence: copied code is found, independent work is not."""
import pytest

from autograder import similarity
from autograder.assignment import Assignment, assignments
from autograder.grade import Entry
from tests import corpus

SLUG = "c1w4_deep_nn_step_by_step"


@pytest.fixture(scope="module")
def class_codes():
    """A class with a copied pair (renamed variables, changed comments, a
    wrong function in common), an independent correct pair and an
    untouched pair."""
    assignment = Assignment.named(SLUG)
    name = assignment.function_names[2]
    mutant = assignment.mutants[name][0]
    original = corpus._replace(assignment, {name: corpus.mutant_source(
        assignment, name, mutant.function)})
    honest = corpus.honest(assignment, 0)
    notebooks = {"orig": original,
                 "copy": corpus.renamed_copy(assignment, original),
                 "solo": corpus.alternative(assignment),
                 "untouched-1": honest["untouched"],
                 "untouched-2": honest["untouched"]}
    names = assignment.function_names
    stubs = similarity.joined(similarity.graded_code(
        assignment.exercise_notebook.read_bytes(), names), names)
    return assignment, notebooks, stubs, {
        student: similarity.joined(similarity.graded_code(
            text.encode(), names), names)
        for student, text in notebooks.items()}


def test_copied_pair_is_found_and_independent_work_is_not(class_codes):
    """Is only the disguised copy paired with its original?"""
    _, _, stubs, codes = class_codes
    pairs = similarity.alike_pairs(codes, stubs)
    assert [pair.students for pair in pairs] == [("copy", "orig")]
    assert min(pairs[0].shares) >= similarity.THRESHOLD


def test_renaming_does_not_hide_a_copy(class_codes):
    """Does the copy differ in text yet share its fingerprints?"""
    _, notebooks, stubs, codes = class_codes
    assert codes["copy"] != codes["orig"] and "my_" in codes["copy"]
    assert "worked this out" in notebooks["copy"]
    [pair] = similarity.alike_pairs({"orig": codes["orig"],
                                     "copy": codes["copy"]}, stubs)
    assert min(pair.shares) > 0.9


def test_independent_correct_pair_stays_below_threshold(class_codes):
    """Do two correct but independent solutions share little?"""
    assignment, notebooks, stubs, codes = class_codes
    solution = similarity.joined(similarity.graded_code(
        assignment.solution_notebook.read_bytes(),
        assignment.function_names), assignment.function_names)
    [pair] = similarity.alike_pairs({"solution": solution,
                                     "solo": codes["solo"]}, stubs, 0.0)
    assert max(pair.shares) < similarity.THRESHOLD


def test_same_wrong_outputs_are_grouped_rarest_first():
    """Are identical wrong outputs grouped per function, rare ones
    first?"""
    groups = similarity.same_wrong_outputs({
        "ada": {"f": "x1", "g": "common"}, "bob": {"f": "x1",
                                                    "g": "common"},
        "cy": {"g": "common"}, "dee": {"g": "common"}, "eve": {"f": "x2"}})
    assert groups == [
        {"function": "f", "students": ["ada", "bob"], "shared_by": 2},
        {"function": "g", "students": ["ada", "bob", "cy", "dee"],
         "shared_by": 4}]


def test_page_shows_both_codes_and_says_it_is_no_verdict(class_codes):
    """Does the page put both codes side by side, escaped, with the
    caution?"""
    assignment, notebooks, _, _ = class_codes
    entries = [Entry(student, f"{student}.ipynb", assignment.max_score,
                     score=0) for student in ("orig", "copy<b>")]
    found = similarity.evidence(assignment, entries, {
        "orig": notebooks["orig"].encode(),
        "copy<b>": notebooks["copy"].encode()})
    page = similarity.similarity_page(SLUG, found)
    assert "not a verdict" in page
    assert page.count("<div><h3>") == 2 and "<mark>" in page
    assert "copy&lt;b&gt;" in page and "copy<b>" not in page
    assert similarity.to_json(found)["alike_code"][0]["students"] == [
        "copy<b>", "orig"]


def _codes(assignment, notebook_text):
    names = assignment.function_names
    return similarity.joined(similarity.graded_code(
        notebook_text.encode(), names), names)


@pytest.mark.parametrize("slug", [a.slug for a in assignments()])
def test_threshold_separates_copies_from_independent_work(slug):
    """On every assignment: is a disguised copy of the solution above the
    threshold, and a correct alternative below it?"""
    assignment = Assignment.named(slug)
    solution = corpus._replace(assignment, {})
    codes = {"solution": _codes(assignment, solution),
             "copy": _codes(assignment,
                            corpus.renamed_copy(assignment, solution)),
             "alternative": _codes(assignment,
                                   corpus.alternative(assignment))}
    stubs = _codes(assignment, assignment.exercise_notebook.read_text())
    shares = {pair.students: min(pair.shares) for pair in
              similarity.alike_pairs(codes, stubs, 0.0)}
    assert shares[("copy", "solution")] >= similarity.THRESHOLD
    assert shares[("alternative", "solution")] < similarity.THRESHOLD
    assert shares[("alternative", "copy")] < similarity.THRESHOLD
