"""Shared fixtures for the test suite."""
import pytest

#: The assignments built so far; every parametrized test runs on each.
SLUGS = ("c1w2_numpy_basics", "c1w2_logistic_regression")


@pytest.fixture(params=SLUGS)
def slug(request):
    """Each released assignment's slug, in turn."""
    return request.param
