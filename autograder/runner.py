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
    call_capturing,
    check_not_mutated,
    compare,
    compare_outputs,
    encode,
    matches,
)
from autograder.spec import reset_global_generators

#: Held while a graded function runs in this process: NumPy's and
#: Python's global generators and ``sys.stdout`` (which
#: :func:`~autograder.compare.call_capturing` redirects) belong to the
#: whole process, so judging threads take turns with them.
_PROCESS_WIDE_STATE = threading.RLock()


def call_case(function, args, kwargs):
    """:func:`~autograder.compare.call_capturing`, alone and seeded.

    The global generators are reset first (see
    :func:`autograder.spec.reset_global_generators`), and no other thread
    of the grader calls a graded function meanwhile, so the result and the
    printed text are the same whatever the other threads do.
    """
    with _PROCESS_WIDE_STATE:
        reset_global_generators()
        return call_capturing(function, args, kwargs)


def _run_against_reference(assignment, spec, case, function, reveal):
    """Compare ``function`` with the reference on one case.

    Raises
    ------
    Mismatch
        With hints from the known mistakes that the output matches.
    """
    expected, expected_printed = reference_result(assignment, spec, case)
    got, printed, args_after, _ = call_case(function, case.args,
                                            case.kwargs)
    judge(assignment, spec, case, (expected, expected_printed),
          (got, printed, args_after), reveal)


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
        ``(output, printed, args_after)`` of the learner's function: its
        return value, what it printed and its arguments after the call.
    reveal : bool
        Whether the message may show expected values.
    """
    got, printed, args_after = actual
    try:
        compare_outputs(spec.outputs, expected[0], got, spec.rtol, spec.atol,
                        reveal)
        if spec.check_printed:
            compare("printed output", expected[1], printed, spec.rtol,
                    spec.atol, reveal)
        if not spec.may_mutate:
            check_not_mutated(spec.name, assignment.argument_names(spec.name),
                              case.args, args_after)
    except Mismatch as mismatch:
        for hint in _matching_hints(assignment, spec, case, got, printed):
            mismatch.add_hint(hint)
        raise


def _matching_hints(assignment, spec, case, got, printed):
    """Hints of the known mistakes whose result equals the learner's."""
    hints = []
    for mutant in assignment.mutants.get(spec.name, []):
        if mutant.hint is None:
            continue
        try:
            with np.errstate(all="ignore"):
                wrong, wrong_printed, _, _ = call_case(
                    mutant.function, case.args, case.kwargs)
        except Exception:
            continue
        if not spec.check_printed:
            wrong_printed = None
        if matches(spec.outputs, wrong, got, wrong_printed, printed):
            hints.append(mutant.hint)
    return hints


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
        mutants = assignment.mutants.get(spec.name, [])
        reference = assignment.reference(spec.name)
        cases = []
        for case in spec.public_cases():
            expected, printed, _, _ = call_capturing(reference, case.args,
                                                     case.kwargs)
            cases.append(encode({
                "label": case.label,
                "arg_names": list(assignment.argument_names(spec.name)),
                "args": case.args,
                "kwargs": case.kwargs,
                "outputs": list(spec.outputs),
                "expected": expected,
                "printed": printed if spec.check_printed else None,
                "rtol": spec.rtol,
                "atol": spec.atol,
                "may_mutate": spec.may_mutate,
                "mistakes": _frozen_mistakes(mutants, case, spec, expected,
                                             printed),
            }))
        frozen[spec.name] = cases
    return frozen


def _frozen_mistakes(mutants, case, spec, expected, expected_printed):
    """The outputs of hinted mutants on a public case, with their hints."""
    mistakes = []
    for mutant in mutants:
        if mutant.hint is None:
            continue
        try:
            with np.errstate(all="ignore"):
                wrong, wrong_printed, _, _ = call_capturing(
                    mutant.function, case.args, case.kwargs)
        except Exception as error:
            mistakes.append([mutant.hint, {"raises": type(error).__name__},
                             None])
            continue
        if not spec.check_printed:
            wrong_printed = None
        if not matches(spec.outputs, wrong, expected, wrong_printed,
                       expected_printed):
            mistakes.append([mutant.hint, wrong, wrong_printed])
    return mistakes


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
