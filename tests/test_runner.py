"""The runner: graded functions called in the grader's process."""
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from autograder.runner import call_case


def _noisy(label):
    """Prints its label and draws from NumPy's global generator, letting
    other threads run before and after printing."""
    time.sleep(0.001)
    print(label)
    time.sleep(0.001)
    return np.random.rand(3)


def test_calls_from_threads_get_their_own_prints_and_numbers():
    """Do calls from many threads at once each capture exactly their own
    printed text and draw the same numbers as a call made alone?"""
    alone, printed_alone, _, _ = call_case(_noisy, ("alone",), {})
    labels = [f"call {index}" for index in range(400)]
    with ThreadPoolExecutor(8) as threads:
        results = list(threads.map(
            lambda label: call_case(_noisy, (label,), {}), labels))
    assert printed_alone == "alone\n"
    for label, (output, printed, _, _) in zip(labels, results):
        assert printed == f"{label}\n"
        np.testing.assert_array_equal(output, alone)


def test_a_call_does_not_depend_on_earlier_draws():
    """Does a function that draws without seeding get the same numbers
    however much the process drew before?"""
    first = call_case(_noisy, ("x",), {})[0]
    np.random.rand(1000)
    np.testing.assert_array_equal(call_case(_noisy, ("x",), {})[0], first)
