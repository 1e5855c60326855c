"""Do the specs' cases catch hard-coded shapes and cover the docstrings?"""
import inspect

import numpy as np
import pytest

from autograder.assignment import Assignment
from tests.conftest import SLUGS


def shapes(value):
    """The sizes in a case's arguments: array shapes and integers.

    Dicts, lists and tuples are followed; other values (floats, strings,
    flags) count as ``None``, so two cases differ only in their sizes.
    """
    if isinstance(value, np.ndarray):
        return value.shape
    if isinstance(value, dict):
        return tuple(sorted((key, shapes(item))
                            for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(shapes(item) for item in value)
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    return None


def _has_sizes(value):
    if isinstance(value, np.ndarray) or (
            isinstance(value, (int, np.integer))
            and not isinstance(value, bool)):
        return True
    if isinstance(value, dict):
        value = list(value.values())
    return (isinstance(value, (list, tuple))
            and any(_has_sizes(item) for item in value))


def _specs():
    """Every function that takes arrays or sizes (others have no shape
    to hard-code)."""
    return [pytest.param(slug, spec.name, id=f"{slug}-{spec.name}")
            for slug in SLUGS for spec in Assignment.named(slug).specs
            if any(_has_sizes(case.args) for case in spec.hidden_cases())]


@pytest.mark.parametrize("slug, name", _specs())
def test_public_cases_come_in_two_sizes(slug, name):
    """Does a function written for one size (a hard-coded m, a fixed
    depth, ``reshape((1, 209))``) fail a visible check? Some public case's
    sizes differ from another's, so no single hard-coded shape passes."""
    cases = Assignment.named(slug).spec(name).public_cases()
    assert len({shapes(case.args) for case in cases}) >= 2, [
        case.label for case in cases]
    assert len({case.label for case in cases}) == len(cases)


@pytest.mark.parametrize("slug, name", _specs())
def test_hidden_cases_have_more_sizes_than_public_ones(slug, name):
    """Do the hidden cases try more sizes than the visible checks?"""
    spec = Assignment.named(slug).spec(name)
    hidden = {shapes(case.args) for case in spec.hidden_cases()}
    public = {shapes(case.args) for case in spec.public_cases()}
    assert len(hidden) > len(public) or len(hidden) >= 3


def _optional_parameters():
    rows = []
    for slug in SLUGS:
        assignment = Assignment.named(slug)
        for spec in assignment.specs:
            signature = inspect.signature(assignment.reference(spec.name))
            rows += [pytest.param(slug, spec.name, parameter,
                                  id=f"{slug}-{spec.name}-{parameter}")
                     for parameter, detail in signature.parameters.items()
                     if detail.default is not inspect.Parameter.empty]
    return rows


def _values(assignment, spec, parameter):
    """The value ``parameter`` takes in each hidden case."""
    signature = inspect.signature(assignment.reference(spec.name))
    position = list(signature.parameters).index(parameter)
    default = signature.parameters[parameter].default
    for case in spec.hidden_cases():
        if parameter in case.kwargs:
            yield case.kwargs[parameter]
        elif len(case.args) > position:
            yield case.args[position]
        else:
            yield default


#: Options whose default only costs time (thousands of iterations): the
#: hidden cases give smaller values.
COSTLY_DEFAULTS = {"num_iterations", "num_epochs"}


@pytest.mark.parametrize("slug, name, parameter", _optional_parameters())
def test_hidden_cases_set_every_option_both_ways(slug, name, parameter):
    """Does some hidden case give each optional parameter (print_cost,
    learning_rate, epsilon, ...) a value of its own, and some case leave
    it at its default?"""
    assignment = Assignment.named(slug)
    spec = assignment.spec(name)
    default = inspect.signature(assignment.reference(name)).parameters[
        parameter].default
    values = list(_values(assignment, spec, parameter))
    assert any(not _same(value, default) for value in values)
    if parameter not in COSTLY_DEFAULTS:
        assert any(_same(value, default) for value in values)


def _same(value, default):
    return type(value) is type(default) and bool(np.all(value == default))
