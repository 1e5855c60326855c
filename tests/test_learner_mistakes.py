"""Does grading catch what learners get wrong? The learner-mistake corpus.

The corpus (``tests/learner_mistakes``) is written from how learners err,
independently of the mutant lists; ``benchmarks/learner_mistakes.py``
measures how many entries the visible checks catch and how many get a
hint that names the mistake.
"""
import pytest

from autograder.assignment import Assignment
from autograder.runner import hidden_failures
from tests import learner_mistakes
from tests.conftest import SLUGS

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


def _entries():
    rows = []
    for slug in SLUGS:
        for entry in learner_mistakes.mistakes(Assignment.named(slug)):
            marks = ([pytest.mark.xfail(reason=entry.pending, strict=True)]
                     if entry.pending else [])
            rows.append(pytest.param(
                slug, entry, marks=marks,
                id=f"{slug}-{entry.function}-{entry.mistake}"))
    return rows


def test_every_graded_function_has_four_mistakes(assignment):
    """Does the corpus hold at least 4 mistakes per graded function?"""
    entries = learner_mistakes.mistakes(assignment)
    for name in assignment.function_names:
        assert sum(entry.function == name for entry in entries) >= 4, name
    assert {entry.function for entry in entries} <= set(
        assignment.function_names)


def test_every_entry_names_its_mistake_and_hint_words(assignment):
    """Is every entry labelled, with the words a fitting hint contains?"""
    for entry in learner_mistakes.mistakes(assignment):
        assert entry.mistake and entry.hint_words, entry
        assert bool(entry.edits) != (entry.code is not None), entry


@pytest.mark.parametrize("slug, entry", _entries())
def test_grading_catches_the_mistake(slug, entry):
    """Do the hidden tests give this learner's mistake less than full
    marks? (Entries marked pending wait for a named part of an issue.)"""
    assignment = Assignment.named(slug)
    function = learner_mistakes.wrong_function(assignment, entry)
    assert hidden_failures(assignment, entry.function, function), (
        f"escaped grading: {entry.mistake}")


def test_an_edit_that_misses_the_code_is_refused():
    """Does an entry whose edit is not in the reference fail loudly?"""
    assignment = Assignment.named("c1w2_numpy_basics")
    entry = learner_mistakes.Mistake(
        "sigmoid", "a typo in the corpus", ("x",),
        learner_mistakes.edit("np.exp(+x)", "np.exp(x)"))
    with pytest.raises(ValueError, match="not in the reference"):
        learner_mistakes.wrong_function(assignment, entry)


def test_an_edit_of_the_docstring_only_is_refused():
    """Does an entry that changes no code fail loudly?"""
    assignment = Assignment.named("c1w2_numpy_basics")
    entry = learner_mistakes.Mistake(
        "sigmoid", "edits the docstring", ("x",),
        learner_mistakes.edit("Any shape.", "Any shape at all."))
    with pytest.raises(ValueError, match="change no code"):
        learner_mistakes.wrong_function(assignment, entry)


def test_outcome_counts_a_hint_only_when_it_names_the_mistake():
    """Is a caught mistake hinted only if its hint has the entry's words?"""
    assignment = Assignment.named("c1w2_logistic_regression")
    entry = learner_mistakes.Mistake(
        "propagate", "1/m forgotten in dw", ("1/m",),
        learner_mistakes.edit("dw = np.dot(X, dZ.T) / m",
                              "dw = np.dot(X, dZ.T)"))
    result = learner_mistakes.outcome(assignment, entry)
    assert result.caught and result.hinted(entry)
    wrong_words = learner_mistakes.Mistake(
        entry.function, entry.mistake, ("transpose",), entry.edits)
    assert not result.hinted(wrong_words)
