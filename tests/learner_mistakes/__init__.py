"""A corpus of learners' mistakes, one module per assignment.

Written from how learners err when they follow a notebook's docstrings
(aliasing, in-place changes, hard-coded shapes, globals instead of
parameters, a wrong axis or a lost ``keepdims``, off-by-one layer loops,
two mistakes at once), not from the mutant lists. Each module defines
``MISTAKES``, a list of :class:`Mistake`: the graded function, the mistake
in words, the words a hint that names it contains, and the wrong code,
written either as edits of the reference's source (what the learner
typed differently) or as a whole function.

:func:`outcome` grades one entry the way a learner meets it: the visible
checks frozen in the exercise folder, then the hidden tests (the path of
the mutant tests, :func:`autograder.runner.hidden_failures`).

Test and benchmark code only: it is not part of the shipped package.
"""
from __future__ import annotations

import ast
import contextlib
import copy
import importlib
import inspect
import io
import math
import textwrap
from dataclasses import dataclass
from typing import Callable

import numpy as np

from autograder.compare import check
from autograder.runner import hidden_failures


@dataclass(frozen=True)
class Mistake:
    """One realistic wrong implementation of a graded function.

    Parameters
    ----------
    function : str
        The graded function's name.
    mistake : str
        What the learner did, in a few words.
    hint_words : tuple of str
        Words (or word stems), compared without case: a hint that
        contains any of them names this mistake.
    edits : tuple of (str, str)
        ``(old, new)`` replacements of the reference's source: every
        ``old`` must occur in its code.
    code : callable or None
        The wrong function itself, when edits would not say it well.
    pending : str or None
        Why the hidden tests cannot catch it yet (a named issue part);
        the corpus test expects it to escape until then.
    """

    function: str
    mistake: str
    hint_words: tuple
    edits: tuple = ()
    code: Callable | None = None
    pending: str | None = None


def edit(*pairs):
    """``edit(old, new, old2, new2, ...)``: pairs of source replacements."""
    return tuple(zip(pairs[::2], pairs[1::2]))


def mistakes(assignment):
    """The corpus entries of one assignment."""
    module = importlib.import_module(
        f"tests.learner_mistakes.{assignment.slug}")
    return module.MISTAKES


def _code_only(source):
    """The source's syntax tree without docstrings, for comparison."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(body, list) and body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            body.pop(0)
    return ast.dump(tree)


def wrong_function(assignment, entry):
    """The learner's function of one entry.

    Raises
    ------
    ValueError
        If an edit does not apply or leaves the code unchanged.
    """
    if entry.code is not None:
        return entry.code
    reference = assignment.reference(entry.function)
    source = textwrap.dedent(inspect.getsource(reference))
    edited = source
    for old, new in entry.edits:
        if old not in edited:
            raise ValueError(f"{entry.function}, {entry.mistake!r}: "
                             f"{old!r} is not in the reference's code")
        edited = edited.replace(old, new)
    if _code_only(edited) == _code_only(source):
        raise ValueError(f"{entry.function}, {entry.mistake!r}: the edits "
                         f"change no code (only the docstring?)")
    namespace = {"copy": copy, "math": math, **reference.__globals__}
    exec(compile(edited, f"<learner {entry.function}>", "exec"), namespace)
    return namespace[entry.function]


def _hints(message):
    return " ".join(line.strip()[len("Hint:"):].lower()
                    for line in message.splitlines()
                    if line.strip().startswith("Hint:"))


@dataclass(frozen=True)
class Outcome:
    """How one entry fares.

    Parameters
    ----------
    visible : str or None
        The visible checks' failure message (None: they pass).
    hidden : list of str
        The hidden tests' failure messages ([] : full marks).
    """

    visible: str | None
    hidden: list

    @property
    def caught(self):
        return self.visible is not None or bool(self.hidden)

    def hinted(self, entry):
        """Does the first message the learner sees name the mistake?"""
        first = self.visible or (self.hidden[0] if self.hidden else "")
        hints = _hints(first)
        return any(word.lower() in hints for word in entry.hint_words)


def outcome(assignment, entry):
    """Run one entry through the visible checks and the hidden tests."""
    function = wrong_function(assignment, entry)
    cases = assignment.exercise_folder / "public_cases.json"
    visible = None
    with contextlib.redirect_stdout(io.StringIO()), \
            np.errstate(all="ignore"):
        try:
            check(entry.function, function, cases)
        except AssertionError as failure:
            visible = str(failure)
        hidden = hidden_failures(assignment, entry.function, function)
    return Outcome(visible, hidden)
