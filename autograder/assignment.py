"""One object per assignment: the only way to reach an assignment's parts.

An assignment is named by its slug (``c1w2_logistic_regression``), which
is also its nbgrader id, its folder names and its module names. Its parts
live in folders by kind, each keyed by the slug::

    autograder/reference/<slug>.py   reference functions (fixed interface)
    autograder/checks/<slug>.py      specs: cases, points, tolerances
    autograder/mutants/<slug>.py     wrong and correct alternatives
    solutions/<slug>/                the instructor notebook and its files
    exercises/<slug>/                the learners' release
    book/c<N>/week<M>.md             the notes of the assignment's week

:class:`Assignment` gathers them; ``Assignment.named(slug)`` builds each
one once and :func:`assignments` lists them all. This module is the one
place that looks modules up by name.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from autograder import ROOT

#: The comparator, which every exercise folder carries as
#: ``course_checks.py`` (its visible checks).
CHECKS_MODULE = ROOT / "autograder" / "compare.py"
#: ``c<course>w<week>_<topic>``: the shape of every slug.
SLUG = re.compile(r"^c(?P<course>\d)w(?P<week>\d)_[a-z0-9_]+$")


@dataclass(frozen=True)
class Assignment:
    """An assignment's parts, looked up once and kept.

    Parameters
    ----------
    slug : str
        The assignment id, e.g. ``"c2w2_optimization_methods"``.
    root : pathlib.Path
        The folder holding ``solutions/``, ``exercises/`` and ``book/``:
        the repository, or a temporary copy in tests. The Python parts
        (reference, specs, mutants) always come from the package.
    """

    slug: str
    root: Path = ROOT

    def __post_init__(self):
        if not SLUG.match(self.slug):
            raise ValueError(f"{self.slug!r} is not an assignment id; ids "
                             f"look like 'c1w2_logistic_regression'")

    @classmethod
    def named(cls, slug):
        """The repository's assignment ``slug``, built once and shared.

        Raises
        ------
        UnknownAssignment
            If ``solutions/<slug>/<slug>.ipynb`` does not exist.
        """
        return _named(slug)

    # --- Python parts, by kind ----------------------------------------------

    def _module(self, kind):
        """``autograder.<kind>.<slug>``: the one lookup by name."""
        return importlib.import_module(f"autograder.{kind}.{self.slug}")

    @cached_property
    def reference_module(self):
        """The module ``autograder.reference.<slug>``."""
        return self._module("reference")

    @cached_property
    def checks_module(self):
        """The module ``autograder.checks.<slug>`` (specs, helper files)."""
        return self._module("checks")

    @cached_property
    def mutants_module(self):
        """The module ``autograder.mutants.<slug>``."""
        return self._module("mutants")

    @cached_property
    def specs(self):
        """The :class:`~autograder.spec.FunctionSpec` of every graded
        function, in notebook order (a tuple)."""
        return tuple(self.checks_module.SPECS)

    @cached_property
    def function_names(self):
        """The graded functions' names, in notebook order."""
        return tuple(spec.name for spec in self.specs)

    @cached_property
    def max_score(self):
        """The assignment's total points."""
        return sum(spec.points for spec in self.specs)

    def spec(self, name):
        """The spec of one graded function."""
        for spec in self.specs:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.slug} has no graded function named {name!r}")

    def reference(self, name):
        """The reference implementation of one graded function."""
        return getattr(self.reference_module, name)

    def argument_names(self, name):
        """The parameter names of a graded function, in order."""
        return tuple(inspect.signature(self.reference(name)).parameters)

    @cached_property
    def mutants(self):
        """Function name -> list of :class:`~autograder.spec.Mutant`."""
        return self.mutants_module.MUTANTS

    @cached_property
    def alternatives(self):
        """Function name -> list of correct implementations."""
        return self.mutants_module.ALTERNATIVES

    @cached_property
    def round_trip(self):
        """``(function name, mistake)`` of the grading round trip's mutant,
        or None."""
        return getattr(self.mutants_module, "ROUND_TRIP", None)

    def mutant(self, name, mistake):
        """The mutant of function ``name`` described by ``mistake``."""
        for mutant in self.mutants.get(name, []):
            if mutant.mistake == mistake:
                return mutant
        raise KeyError(f"{self.slug}.{name} has no mutant {mistake!r}")

    # --- Files ---------------------------------------------------------------

    @cached_property
    def helper_files(self):
        """Files the exercise folder carries besides the checks: name in
        the folder -> path of its single source (a dict)."""
        sources = getattr(self.checks_module, "HELPER_FILES", {})
        return {name: ROOT / source for name, source in sources.items()}

    @cached_property
    def data_files(self):
        """The registered data files the helpers load, in name order.

        A helper names each of its files once, in a module-level constant
        (``DATA_FILE = "moons.h5"``); the names of
        ``datasets/registry.json`` found there are this assignment's data
        (a tuple of file names, empty when it uses none).
        """
        from autograder.data import read_registry

        registry = read_registry()["files"]
        found = set()
        for path in self.helper_files.values():
            if path.suffix != ".py":
                continue
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if (isinstance(node, ast.Assign)
                        and isinstance(node.value, ast.Constant)
                        and node.value.value in registry):
                    found.add(node.value.value)
        return tuple(sorted(found))

    def copied_files(self):
        """The files an exercise folder carries as copies of the package's:
        ``course_checks.py`` and the helpers (name -> text)."""
        files = {"course_checks.py": CHECKS_MODULE.read_text("utf-8")}
        for name, source in self.helper_files.items():
            files[name] = source.read_text(encoding="utf-8")
        return files

    @property
    def solution_folder(self):
        """``solutions/<slug>/``: the instructor's source folder."""
        return self.root / "solutions" / self.slug

    @property
    def solution_notebook(self):
        """``solutions/<slug>/<slug>.ipynb``."""
        return self.solution_folder / f"{self.slug}.ipynb"

    @property
    def public_cases_file(self):
        """The released visible checks' data, ``public_cases.json``."""
        return self.solution_folder / "public_cases.json"

    @property
    def exercise_folder(self):
        """``exercises/<slug>/``: the learners' release."""
        return self.root / "exercises" / self.slug

    @property
    def exercise_notebook(self):
        """``exercises/<slug>/<slug>.ipynb``."""
        return self.exercise_folder / f"{self.slug}.ipynb"

    @property
    def notes_page(self):
        """The notes of the assignment's week, ``book/c<N>/week<M>.md``."""
        parts = SLUG.match(self.slug)
        return (self.root / "book" / f"c{parts['course']}"
                / f"week{parts['week']}.md")


class UnknownAssignment(LookupError):
    """No assignment has that id; the message lists the known ones."""


@cache
def _named(slug):
    if slug not in slugs():
        raise UnknownAssignment(f"unknown assignment {slug!r}; known: "
                                f"{', '.join(slugs())}")
    return Assignment(slug)


def slugs(root=ROOT):
    """Every assignment id: folders ``solutions/<slug>/<slug>.ipynb``."""
    return sorted(folder.name for folder in (root / "solutions").iterdir()
                  if (folder / f"{folder.name}.ipynb").is_file())


def assignments():
    """Every assignment of the repository, in slug order (a list)."""
    return [Assignment.named(slug) for slug in slugs()]
