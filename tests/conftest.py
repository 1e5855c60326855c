"""Shared fixtures for the test suite."""
import pytest

from autograder.release import slugs

#: Every assignment with a solution notebook; parametrized tests run on each.
SLUGS = tuple(slugs())


@pytest.fixture(params=SLUGS)
def slug(request):
    """Each released assignment's slug, in turn."""
    return request.param
