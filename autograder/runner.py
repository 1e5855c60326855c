"""Run the checks described by the specs: hidden tests and frozen cases.

The hidden tests run inside nbgrader's kernel (``hidden_test``, called
with the slug by the notebook's test cells); the mutant tests and the
release use :func:`hidden_failures` and :func:`freeze_public_cases`, which
take an :class:`~autograder.assignment.Assignment`.
"""
from __future__ import annotations

import threading

import numpy as np

from autograder.assignment import Assignment
from autograder.compare import (
    Mismatch,
    _raised,
    call_capturing,
    encode,
    forbidden_links,
    judge_call,
    matches,
    memory_links,
)

#: Held while a graded function runs in this process: NumPy's and
#: Python's global generators and ``sys.stdout`` (which
#: :func:`~autograder.compare.call_capturing` redirects) belong to the
#: whole process, so judging threads take turns with them.
_PROCESS_WIDE_STATE = threading.RLock()


def call_case(function, args, kwargs):
    """:func:`~autograder.compare.call_capturing`, alone.

    ``call_capturing`` resets the global generators first (see
    :func:`autograder.compare.reset_global_generators`), and no other thread
    of the grader calls a graded function meanwhile, so the result and the
    printed text are the same whatever the other threads do.
    """
    with _PROCESS_WIDE_STATE:
        return call_capturing(function, args, kwargs)


def _run_against_reference(assignment, spec, case, function, reveal):
    """Compare ``function`` with the reference on one case.

    Raises
    ------
    Mismatch
        With hints from the known mistakes that the output matches.
    """
    expected, expected_printed = reference_result(assignment, spec, case)
    got, printed, args_after, kwargs_after = call_case(
        function, case.args, case.kwargs)
    links = memory_links(spec.outputs, got,
                         assignment.argument_names(spec.name), args_after,
                         kwargs_after)
    judge(assignment, spec, case, (expected, expected_printed),
          (got, printed, args_after, links), reveal)


def reference_result(assignment, spec, case):
    """The reference's ``(output, printed text)`` on one case."""
    reference = assignment.reference(spec.name)
    output, printed, _, _ = call_case(reference, case.args, case.kwargs)
    return output, printed


def judge(assignment, spec, case, expected, actual, reveal):
    """Raise :class:`Mismatch` unless the learner's result is right.

    Parameters
    ----------
    assignment : Assignment
    spec : FunctionSpec
    case : Case
    expected : tuple
        ``(output, printed)`` of the reference.
    actual : tuple
        ``(output, printed, args_after, links)`` of the learner's
        function: its return value, what it printed, its arguments after
        the call and the memory it shares (see
        :func:`autograder.compare.memory_links`).
    reveal : bool
        Whether the message may show expected values.
    """
    judge_call(spec.rules(assignment.argument_names(spec.name), reveal),
               expected, actual, (case.args, case.kwargs),
               lambda: known_mistakes(assignment, spec, case))


def known_mistakes(assignment, spec, case):
    """The hinted mutants' results on one case.

    Returns
    -------
    list
        ``[hint, output, printed, shared]`` per hinted mutant: ``output``
        is ``{"raises": name}`` when the mutant raised, ``printed`` None
        unless printing is checked, ``shared`` the mutant's forbidden
        memory links (see :func:`autograder.compare.forbidden_links`).
    """
    mistakes = []
    arg_names = assignment.argument_names(spec.name)
    for mutant in assignment.mutants.get(spec.name, []):
        if mutant.hint is None:
            continue
        try:
            with np.errstate(all="ignore"):
                wrong, wrong_printed, args_after, kwargs_after = (
                    call_case(mutant.function, case.args, case.kwargs))
        except Exception as error:
            mistakes.append([mutant.hint, {"raises": type(error).__name__},
                             None, []])
            continue
        shared = forbidden_links(
            memory_links(spec.outputs, wrong, arg_names, args_after,
                         kwargs_after), spec.separate, spec.fresh)
        mistakes.append([mutant.hint, wrong, wrong_printed
                         if spec.check_printed else None, shared])
    return mistakes


def hidden_failures(assignment, name, function):
    """Run every hidden case and return the failure messages (or [])."""
    spec = assignment.spec(name)
    failures = []
    for case in spec.hidden_cases():
        try:
            _run_against_reference(assignment, spec, case, function,
                                   reveal=False)
        except Mismatch as mismatch:
            failures.append(f"{case.label}: {mismatch}")
        except Exception as error:  # the function under test raised
            failures.append(f"{case.label}: raised "
                            f"{type(error).__name__}: {error}")
    return failures


def hidden_test(slug, name, function):
    """The hidden test of one graded function, as run by nbgrader.

    The notebook's test cell calls it with the assignment's id, ``slug``.

    Raises
    ------
    AssertionError
        Naming the first failing case, the variable and a hint, without
        revealing the reference's values.
    """
    failures = hidden_failures(Assignment.named(slug), name,
                               function)
    if failures:
        raise AssertionError(
            f"{name} failed {len(failures)} hidden test case(s). "
            f"First failure, {failures[0]}")


def freeze_public_cases(assignment):
    """Compute the visible checks' data: inputs, outputs and mistakes.

    Returns
    -------
    dict
        Function name -> list of JSON-ready cases (see
        :func:`autograder.compare.check_case` for the fields).
    """
    frozen = {}
    for spec in assignment.specs:
        reference = assignment.reference(spec.name)
        cases = []
        for case in spec.public_cases():
            expected, printed, _, _ = call_capturing(reference, case.args,
                                                     case.kwargs)
            rules = spec.rules(assignment.argument_names(spec.name), True)
            cases.append(encode({
                "label": case.label,
                "arg_names": rules["arg_names"],
                "args": case.args,
                "kwargs": case.kwargs,
                "outputs": rules["outputs"],
                "expected": expected,
                "printed": printed if spec.check_printed else None,
                **{key: rules[key] for key in ("rtol", "atol", "may_mutate",
                                               "types", "separate",
                                               "fresh")},
                "mistakes": _frozen_mistakes(assignment, spec, case,
                                             expected, printed),
            }))
        frozen[spec.name] = cases
    return frozen


def _frozen_mistakes(assignment, spec, case, expected, expected_printed):
    """The hinted mutants' results on a public case that differ from the
    reference's (in value, printed text or shared memory)."""
    if not spec.check_printed:
        expected_printed = None
    return [mistake for mistake in known_mistakes(assignment, spec, case)
            if mistake[3] or _raised(mistake[1]) is not None
            or not matches(spec.outputs, mistake[1], expected, mistake[2],
                           expected_printed)]


def mutant_report(assignment):
    """How well the hidden tests separate right from wrong, per function.

    Returns
    -------
    list of tuple
        ``(function, mutants, killed, alternatives, accepted)`` per graded
        function: a good test suite kills every mutant and accepts every
        alternative.
    """
    rows = []
    for spec in assignment.specs:
        mutants = assignment.mutants.get(spec.name, [])
        alternatives = assignment.alternatives.get(spec.name, [])
        with np.errstate(all="ignore"):
            killed = sum(bool(hidden_failures(assignment, spec.name,
                                              mutant.function))
                         for mutant in mutants)
            accepted = sum(not hidden_failures(assignment, spec.name, f)
                           for f in alternatives)
        rows.append((spec.name, len(mutants), killed, len(alternatives),
                     accepted))
    return rows
