"""Checks are data: the declarative description of a graded function.

One :class:`FunctionSpec` per graded function says how to build its inputs
(fixed public cases and randomized hidden cases), how to compare its
outputs and how many points it is worth. The same spec drives the visible
checks (frozen into the exercise folder), the hidden tests (run by nbgrader)
and the mutant tests (run by pytest). An assignment's specs are reached
through :class:`autograder.assignment.Assignment`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from autograder.compare import ATOL, RTOL


@dataclass(frozen=True)
class Case:
    """One call of a graded function.

    Parameters
    ----------
    label : str
        Says what the case is, e.g. ``"seed 1, X (5, 1)"``; shown in
        messages, so it must not reveal expected values.
    args : tuple
        Positional arguments.
    kwargs : dict
        Keyword arguments.
    """

    label: str
    args: tuple
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FunctionSpec:
    """Everything the runners need to check one graded function.

    Parameters
    ----------
    name : str
        The function's name in the notebook and the reference module.
    outputs : tuple of str
        Names of the returned values, e.g. ``("grads", "cost")``.
    points : int
        Points of the function's test cell.
    public_cases : callable
        Returns the fixed cases shown to learners, with frozen outputs.
    hidden_cases : callable
        Returns the randomized cases (several seeds, shapes and edge
        cases), compared against the reference at grading time.
    check_printed : bool
        Also compare what the function prints.
    may_mutate : bool
        Whether the function may modify its inputs in place.
    rtol, atol : float
        Tolerances for values.
    types : dict
        What the docstring promises about types, where the reference's
        own values would promise too much: output name (or a value inside
        it, ``"grads['db']"``, ``"costs"`` for every item) -> a word of
        :data:`autograder.compare.TYPE_WORDS`, e.g. ``"number"``. A value
        not named here promises the kind of the reference's value: an
        array its dtype's kind (float, bool, int), a float a float (not a
        0-d array), a Python int a Python int.
    separate : tuple of str
        Outputs whose arrays and dicts must not share memory with each
        other, nor within one output (``v`` and ``s`` of Adam).
    fresh : tuple of str
        Outputs that must not share memory with any input: the docstring
        promises new arrays.
    """

    name: str
    outputs: tuple
    points: int
    public_cases: Callable[[], list]
    hidden_cases: Callable[[], list]
    check_printed: bool = False
    may_mutate: bool = False
    rtol: float = RTOL
    atol: float = ATOL
    types: dict = field(default_factory=dict)
    separate: tuple = ()
    fresh: tuple = ()

    def rules(self, arg_names, reveal):
        """The rules of :func:`autograder.compare.judge_call`."""
        return {"name": self.name, "outputs": list(self.outputs),
                "arg_names": list(arg_names), "rtol": self.rtol,
                "atol": self.atol, "reveal": reveal,
                "check_printed": self.check_printed,
                "may_mutate": self.may_mutate, "types": dict(self.types),
                "separate": list(self.separate), "fresh": list(self.fresh)}


@dataclass(frozen=True)
class Mutant:
    """A realistic wrong implementation of a graded function.

    Parameters
    ----------
    mistake : str
        What is wrong, in a few words.
    function : callable
        The wrong implementation.
    hint : str or None
        The hint a learner should see when their output matches this
        mistake's output.
    """

    mistake: str
    function: Callable
    hint: str | None = None
