"""Do the hidden tests test something? Mutants must fail, alternatives pass."""
import copy
import itertools
import json

import pytest

from autograder.assignment import Assignment
from autograder.compare import (
    Mismatch,
    call_capturing,
    check,
    check_case,
    load_cases,
    output_differences,
)
from autograder.runner import freeze_public_cases, hidden_failures
from tests.conftest import SLUGS

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


def _graded(kind):
    """(slug, function name, index, implementation) for every entry."""
    rows = []
    for slug in SLUGS:
        assignment = Assignment.named(slug)
        table = (assignment.mutants if kind == "mutants"
                 else assignment.alternatives)
        for name, entries in table.items():
            for entry in entries:
                label = getattr(entry, "mistake", None) or entry.__name__
                rows.append(pytest.param(slug, name, entry,
                                         id=f"{slug}-{name}-{label}"))
    return rows


def test_every_graded_function_has_three_mutants_and_an_alternative(
        assignment):
    """Does each graded function have >= 3 mutants and >= 1 alternative?"""
    for name in assignment.function_names:
        assert len(assignment.mutants[name]) >= 3, name
        assert len(assignment.alternatives[name]) >= 1, name


def test_reference_passes_its_hidden_tests(assignment):
    """Does the reference pass every hidden case of every function?"""
    for name in assignment.function_names:
        reference = assignment.reference(name)
        assert hidden_failures(assignment, name, reference) == []


@pytest.mark.parametrize("slug, name, mutant", _graded("mutants"))
def test_hidden_tests_fail_the_mutant(slug, name, mutant):
    """Do the hidden tests catch this realistic mistake?"""
    failures = hidden_failures(Assignment.named(slug), name,
                               mutant.function)
    assert failures, f"mutant survived: {mutant.mistake}"


@pytest.mark.parametrize("slug, name, alternative", _graded("alternatives"))
def test_hidden_tests_pass_the_alternative(slug, name, alternative):
    """Do the hidden tests accept a correct solution written differently?"""
    assert hidden_failures(Assignment.named(slug), name, alternative) == []


def test_hidden_failure_message_names_variable_and_hint():
    """Does a hidden failure say which variable and why, without values?"""
    assignment = Assignment.named("c1w2_logistic_regression")
    no_1_over_m = assignment.mutants["propagate"][0]
    failures = hidden_failures(assignment, "propagate",
                               no_1_over_m.function)
    assert "grads['dw']" in failures[0]
    assert "forget the 1/m" in failures[0]
    assert "expected" not in failures[0]


def _released_cases(slug):
    """The visible checks' data as learners get it, frozen at release."""
    return Assignment.named(slug).exercise_folder / "public_cases.json"


@pytest.mark.portable
@pytest.mark.parametrize("slug, name, mutant", [
    row for row in _graded("mutants") if row.values[2].hint])
def test_visible_check_shows_the_mutants_hint(slug, name, mutant):
    """Does the learner's visible check fail with this mistake's hint?"""
    with pytest.raises(AssertionError) as failure:
        check(name, mutant.function, _released_cases(slug))
    assert mutant.hint in str(failure.value)


@pytest.mark.portable
def test_visible_check_passes_the_reference(assignment, capsys):
    """Do the reference functions, run on this processor, pass the visible
    checks frozen at release (on whichever processor made it)?"""
    for name in assignment.function_names:
        check(name, assignment.reference(name),
              _released_cases(assignment.slug))
    assert capsys.readouterr().out.count("visible checks passed") == len(
        assignment.specs)


#: Alternatives that are right only away from ReLU's kink: a visible case
#: puts a ReLU input within their finite-difference step of 0.
AWAY_FROM_KINKS = ("L_backward_finite_differences",)


@pytest.mark.portable
@pytest.mark.parametrize("slug, name, alternative", [
    row for row in _graded("alternatives")
    if row.values[2].__name__ not in AWAY_FROM_KINKS])
def test_visible_check_passes_the_alternative(slug, name, alternative):
    """Does a correct solution written differently, run on this processor,
    pass the visible checks frozen at release?"""
    check(name, alternative, _released_cases(slug))


def test_frozen_cases_are_plain_json(assignment):
    """Are the visible checks pure JSON data (no code, no pickles)?"""
    frozen = freeze_public_cases(assignment)
    text = json.dumps(frozen)
    assert json.dumps(json.loads(text)) == text
    assert "def " not in text


def _single_variable_mutants(assignment, name, case):
    """(variable, mutant, its output) for the mutants of ``name`` whose
    output differs from the reference's in exactly one value on ``case``.
    """
    reference = assignment.reference(name)
    expected = call_capturing(reference, case["args"], case["kwargs"])[0]
    found = []
    for mutant in assignment.mutants.get(name, []):
        try:
            output = call_capturing(mutant.function, case["args"],
                                    case["kwargs"])[0]
        except Exception:
            continue
        wrong = output_differences(case["outputs"], expected, output,
                                   case["rtol"], case["atol"], True)
        if len(wrong) == 1 and hasattr(wrong[0], "got"):
            found.append((wrong[0].variable, mutant, output))
    return expected, found


def _splice(name, value, replacements):
    """``value`` with the values named in ``replacements`` swapped in."""
    if name in replacements:
        return replacements[name]
    if isinstance(value, dict):
        return {key: _splice(f"{name}[{key!r}]", item, replacements)
                for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return type(value)(_splice(f"{name}[{index}]", item, replacements)
                           for index, item in enumerate(value))
    return value


def _combined_function(name, output_names, expected, first, second):
    """A function returning ``expected`` with the wrong value of each of
    two single-variable mutants: two mistakes made together."""
    replacements = {first[0]: _values(output_names, first[2])[first[0]],
                    second[0]: _values(output_names, second[2])[second[0]]}
    names = output_names if len(output_names) > 1 else None

    def combined(*args, **kwargs):
        if names is None:
            return _splice(output_names[0], copy.deepcopy(expected),
                           replacements)
        return tuple(_splice(n, copy.deepcopy(v), replacements)
                     for n, v in zip(names, expected))

    combined.__name__ = name
    return combined


def _values(output_names, output):
    from autograder.compare import _values_by_name
    return _values_by_name(output_names, output)


def _mutant_pairs():
    rows = []
    for slug in SLUGS:
        assignment = Assignment.named(slug)
        cases = load_cases(_released_cases(slug))
        for name in assignment.function_names:
            case = cases[name][0]
            expected, singles = _single_variable_mutants(assignment, name,
                                                         case)
            for first, second in itertools.combinations(singles, 2):
                if _apart(first[0], second[0]) and (first[1].hint
                                                    or second[1].hint):
                    rows.append(pytest.param(
                        slug, name, case, expected, first, second,
                        id=f"{slug}-{name}-{first[1].mistake}+"
                           f"{second[1].mistake}"))
    return rows


def _apart(first, second):
    """Whether two value names are different and not one inside the
    other."""
    return first != second and not first.startswith(second + "[") and (
        not second.startswith(first + "["))


@pytest.mark.portable
@pytest.mark.parametrize("slug, name, case, expected, first, second",
                         _mutant_pairs())
def test_two_mistakes_together_get_a_hint_each(slug, name, case, expected,
                                               first, second):
    """When two single-variable mistakes are made together, does the
    visible check name both variables, each with its own mistake's hint?
    """
    function = _combined_function(name, case["outputs"], expected, first,
                                  second)
    with pytest.raises(Mismatch) as failure:
        check_case(function, case)
    parts = {part.variable: part for part in failure.value.parts}
    assert set(parts) == {first[0], second[0]}
    for variable, mutant, _ in (first, second):
        hints = parts[variable].hints
        assert (mutant.hint in hints) if mutant.hint else hints, variable


def test_1_over_m_missing_in_dw_and_db_gets_a_hint_for_each():
    """Does linear_backward without 1/m in both dW and db fail its visible
    check with a hint for each, naming m?"""
    import numpy as np

    def linear_backward(dZ, cache):
        A_prev, W, _ = cache
        return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True)

    case = load_cases(_released_cases("c1w4_deep_nn_step_by_step"))[
        "linear_backward"][0]
    with pytest.raises(Mismatch) as failure:
        check_case(linear_backward, case)
    parts = {part.variable: part for part in failure.value.parts}
    assert set(parts) == {"dW", "db"}
    m = case["args"][0].shape[1]
    for part in parts.values():
        assert any(f"the average over the m = {m} examples is missing"
                   in hint for hint in part.hints)


def test_hidden_tests_refuse_a_0d_array_where_a_float_is_promised():
    """Does propagate returning db as a 0-d array (right in value) fail
    the hidden tests, naming the promised Python float?"""
    import numpy as np

    assignment = Assignment.named("c1w2_logistic_regression")
    reference = assignment.reference("propagate")

    def propagate(w, b, X, Y):
        grads, cost = reference(w, b, X, Y)
        return {"dw": grads["dw"], "db": np.array(grads["db"])}, cost

    failures = hidden_failures(assignment, "propagate", propagate)
    assert failures and "grads['db']: expected a Python float" in (
        failures[0])
