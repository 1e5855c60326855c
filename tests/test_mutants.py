"""Do the hidden tests test something? Mutants must fail, alternatives pass."""
import json

import pytest

from autograder.compare import check
from autograder.runner import freeze_public_cases, hidden_failures
from autograder.spec import load_mutants, load_specs, reference_function
from tests.conftest import SLUGS

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


def _graded(kind):
    """(slug, function name, index, implementation) for every entry."""
    rows = []
    for slug in SLUGS:
        mutants, alternatives = load_mutants(slug)
        table = mutants if kind == "mutants" else alternatives
        for name, entries in table.items():
            for entry in entries:
                rows.append(pytest.param(slug, name, entry,
                                         id=f"{slug}-{name}-"
                                            f"{getattr(entry, 'mistake', None) or entry.__name__}"))
    return rows


def test_every_graded_function_has_three_mutants_and_an_alternative(slug):
    """Does each graded function have >= 3 mutants and >= 1 alternative?"""
    mutants, alternatives = load_mutants(slug)
    for spec in load_specs(slug):
        assert len(mutants[spec.name]) >= 3, spec.name
        assert len(alternatives[spec.name]) >= 1, spec.name


def test_reference_passes_its_hidden_tests(slug):
    """Does the reference pass every hidden case of every function?"""
    for spec in load_specs(slug):
        reference = reference_function(slug, spec.name)
        assert hidden_failures(slug, spec.name, reference) == []


@pytest.mark.parametrize("slug, name, mutant", _graded("mutants"))
def test_hidden_tests_fail_the_mutant(slug, name, mutant):
    """Do the hidden tests catch this realistic mistake?"""
    failures = hidden_failures(slug, name, mutant.function)
    assert failures, f"mutant survived: {mutant.mistake}"


@pytest.mark.parametrize("slug, name, alternative", _graded("alternatives"))
def test_hidden_tests_pass_the_alternative(slug, name, alternative):
    """Do the hidden tests accept a correct solution written differently?"""
    assert hidden_failures(slug, name, alternative) == []


def test_hidden_failure_message_names_variable_and_hint():
    """Does a hidden failure say which variable and why, without values?"""
    mutants, _ = load_mutants("c1w2_logistic_regression")
    no_1_over_m = mutants["propagate"][0]
    failures = hidden_failures("c1w2_logistic_regression", "propagate",
                               no_1_over_m.function)
    assert "grads['dw']" in failures[0]
    assert "forget the 1/m" in failures[0]
    assert "expected" not in failures[0]


@pytest.mark.parametrize("slug, name, mutant", [
    row for row in _graded("mutants") if row.values[2].hint])
def test_visible_check_shows_the_mutants_hint(slug, name, mutant, tmp_path):
    """Does the learner's visible check fail with this mistake's hint?"""
    cases_file = tmp_path / "public_cases.json"
    cases_file.write_text(json.dumps(freeze_public_cases(slug)))
    with pytest.raises(AssertionError) as failure:
        check(name, mutant.function, cases_file)
    assert mutant.hint in str(failure.value)


def test_visible_check_passes_the_reference(slug, tmp_path, capsys):
    """Do the reference functions pass their own visible checks?"""
    cases_file = tmp_path / "public_cases.json"
    cases_file.write_text(json.dumps(freeze_public_cases(slug)))
    for spec in load_specs(slug):
        check(spec.name, reference_function(slug, spec.name), cases_file)
    assert capsys.readouterr().out.count("visible checks passed") == len(
        load_specs(slug))


def test_frozen_cases_are_plain_json(slug):
    """Are the visible checks pure JSON data (no code, no pickles)?"""
    frozen = freeze_public_cases(slug)
    text = json.dumps(frozen)
    assert json.dumps(json.loads(text)) == text
    assert "def " not in text
