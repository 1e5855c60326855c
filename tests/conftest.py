"""Shared fixtures for the test suite."""
import pytest

from autograder.release import slugs

#: Every assignment with a solution notebook; parametrized tests run on each.
SLUGS = tuple(slugs())


@pytest.fixture(params=SLUGS)
def slug(request):
    """Each released assignment's slug, in turn."""
    return request.param


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items):
    """Keep the tests that share a costly fixture on one xdist worker.

    A module- or session-scoped fixture of this suite (a book build, a
    graded class, a sandbox pool) would be built again on every worker that
    runs one of its tests; ``--dist loadgroup`` sends all tests of a group
    to one worker. The group is where the fixture is defined, with its
    parameter: each assignment's graded class is a group of its own.
    """
    for item in items:
        definitions = getattr(item, "_fixtureinfo", None)
        if definitions is None:
            continue
        shared = []
        for name in item.fixturenames:
            fixture = definitions.name2fixturedefs.get(name, (None,))[-1]
            if (fixture is not None and fixture.scope != "function"
                    and fixture.baseid.startswith("tests")):
                callspec = getattr(item, "callspec", None)
                param = callspec.params.get(name) if callspec else None
                shared.append(fixture.baseid if param is None
                              else f"{fixture.baseid}[{param}]")
        if shared:
            item.add_marker(pytest.mark.xdist_group(min(shared)))
