"""Shared fixtures for the test suite."""
import pytest

from autograder.assignment import Assignment, slugs

#: Every assignment with a solution notebook; parametrized tests run on each.
SLUGS = tuple(slugs())


@pytest.fixture(params=SLUGS)
def slug(request):
    """Each released assignment's slug, in turn."""
    return request.param


@pytest.fixture
def assignment(slug):
    """Each assignment in turn (the :class:`Assignment` of ``slug``)."""
    return Assignment.named(slug)


def pytest_xdist_make_scheduler(config, log):
    """Send each test file to one xdist worker, split by assignment.

    A module- or session-scoped fixture (the book build, a graded class, a
    sandbox pool, a Dask cluster) is built once per worker that runs one
    of its tests, so the tests of a file stay together; a file whose tests
    are parametrized by assignment (its first parameter is a slug) is split
    into one unit per assignment, so that, for example, each assignment's
    graded class is built once, on one worker, beside the others.

    Units start in collection order, not largest first: xdist counts
    tests, so hundreds of millisecond mutant tests would go first and a
    single notebook run of a minute last, alone on one core.

    (xdist's own ``--dist loadgroup`` cannot do this with pytest 9, whose
    node ids no longer take xdist's group suffix.)
    """
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False

    class AssignmentScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            path, _, name = nodeid.partition("::")
            first = name.partition("[")[2].split("-")[0].rstrip("]")
            return f"{path}[{first}]" if first in SLUGS else path

    return AssignmentScheduling(config, log)
