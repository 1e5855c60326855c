"""Mutants and correct alternatives for ``c2w1_gradient_checking``."""
import numpy as np

from autograder.helpers.gc_utils import (
    dictionary_to_vector,
    forward_propagation_n,
    gradients_to_vector,
    vector_to_dictionary,
)
from autograder.reference.c2w1_gradient_checking import (
    backward_propagation,
    forward_propagation,
)
from autograder.spec import Mutant

# --- forward_propagation -----------------------------------------------------

def forward_sum(x, theta):
    return theta + x


def forward_returns_theta(x, theta):
    return theta


def forward_squares_x(x, theta):
    return theta * x ** 2


def forward_theta_squared(x, theta):
    return theta * theta


def forward_dot(x, theta):
    return np.dot(theta, x)


# --- backward_propagation ----------------------------------------------------

def backward_returns_theta(x, theta):
    return theta


def backward_returns_J(x, theta):
    return theta * x


def backward_returns_one(x, theta):
    return 1


def backward_of_theta_squared(x, theta):
    return 2 * theta


def backward_times_one(x, theta):
    return 1.0 * x


# --- gradient_check ----------------------------------------------------------

def _report_1d(difference, passed):
    word = "passed" if passed else "failed"
    print(f"Gradient check {word}: difference = {difference:.1e} "
          f"(threshold 1e-07)")


def _check_1d(x, theta, epsilon, approx, distance):
    grad = backward_propagation(x, theta)
    gradapprox = approx(x, theta, epsilon)
    difference = distance(grad, gradapprox)
    _report_1d(difference, difference < 1e-7)
    return difference


def _two_sided(x, theta, epsilon):
    return (forward_propagation(x, theta + epsilon)
            - forward_propagation(x, theta - epsilon)) / (2 * epsilon)


def _relative(grad, gradapprox):
    return (np.linalg.norm(grad - gradapprox)
            / (np.linalg.norm(grad) + np.linalg.norm(gradapprox)))


def check_one_sided(x, theta, epsilon=1e-7):
    def approx(x, theta, epsilon):
        return (forward_propagation(x, theta + epsilon)
                - forward_propagation(x, theta)) / epsilon
    return _check_1d(x, theta, epsilon, approx, _relative)


def check_minus_in_denominator(x, theta, epsilon=1e-7):
    def distance(grad, gradapprox):
        return (np.linalg.norm(grad - gradapprox)
                / (np.linalg.norm(grad) - np.linalg.norm(gradapprox)))
    return _check_1d(x, theta, epsilon, _two_sided, distance)


def check_absolute_difference(x, theta, epsilon=1e-7):
    def distance(grad, gradapprox):
        return np.linalg.norm(grad - gradapprox)
    return _check_1d(x, theta, epsilon, _two_sided, distance)


def check_threshold_reversed(x, theta, epsilon=1e-7):
    difference = _relative(backward_propagation(x, theta),
                           _two_sided(x, theta, epsilon))
    _report_1d(difference, difference > 1e-7)
    return difference


def check_epsilon_ignored(x, theta, epsilon=1e-7):
    return _check_1d(x, theta, 1e-7, _two_sided, _relative)


def check_divides_by_epsilon(x, theta, epsilon=1e-7):
    def approx(x, theta, epsilon):
        return (forward_propagation(x, theta + epsilon)
                - forward_propagation(x, theta - epsilon)) / epsilon
    return _check_1d(x, theta, epsilon, approx, _relative)


def check_halving_epsilon(x, theta, epsilon=1e-7):
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / 2 / epsilon
    grad = backward_propagation(x, theta)
    difference = abs(grad - gradapprox) / (abs(grad) + abs(gradapprox))
    _report_1d(difference, difference < 1e-7)
    return difference


# --- gradient_check_n --------------------------------------------------------

def _report_n(difference):
    if difference > 2e-7:
        print(f"Backward propagation has a mistake: difference = "
              f"{difference:.1e} (threshold 2e-07)")
    else:
        print(f"Backward propagation agrees with the numerical gradient: "
              f"difference = {difference:.1e} (threshold 2e-07)")


def _cost(X, Y, theta):
    return forward_propagation_n(X, Y, vector_to_dictionary(theta))[0]


def _approx_n(parameters, X, Y, epsilon, one_sided=False, alias=False,
              unshifted=False, divisor=2, minus_sign=-1, skipped=0):
    theta, _ = dictionary_to_vector(parameters)
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0] - skipped):
        plus = theta if alias else np.copy(theta)
        plus[i][0] += epsilon
        J_plus = _cost(X, Y, theta if unshifted and not alias else plus)
        if one_sided:
            J_minus = _cost(X, Y, theta)
            if alias:
                plus[i][0] -= epsilon
        else:
            minus = theta if alias else np.copy(theta)
            minus[i][0] += minus_sign * epsilon
            J_minus = _cost(X, Y, minus)
        width = epsilon if one_sided else divisor * epsilon
        gradapprox[i] = (J_plus - J_minus) / width
    return gradapprox


def _check_n(parameters, gradients, X, Y, epsilon, distance=None,
             **options):
    distance = distance or _relative
    grad = gradients_to_vector(gradients)
    gradapprox = _approx_n(parameters, X, Y, epsilon, **options)
    difference = distance(grad, gradapprox)
    _report_n(difference)
    return difference


def check_n_without_copy(parameters, gradients, X, Y, epsilon=1e-7):
    return _check_n(parameters, gradients, X, Y, epsilon, alias=True)


def check_n_one_sided(parameters, gradients, X, Y, epsilon=1e-7):
    return _check_n(parameters, gradients, X, Y, epsilon, one_sided=True)


def check_n_divides_by_epsilon(parameters, gradients, X, Y, epsilon=1e-7):
    return _check_n(parameters, gradients, X, Y, epsilon, divisor=1)


def check_n_forgets_the_shift(parameters, gradients, X, Y, epsilon=1e-7):
    return _check_n(parameters, gradients, X, Y, epsilon, unshifted=True)


def check_n_minus_in_denominator(parameters, gradients, X, Y,
                                 epsilon=1e-7):
    def distance(grad, gradapprox):
        return (np.linalg.norm(grad - gradapprox)
                / abs(np.linalg.norm(grad) - np.linalg.norm(gradapprox)))
    return _check_n(parameters, gradients, X, Y, epsilon, distance)


def check_n_one_d_threshold(parameters, gradients, X, Y, epsilon=1e-7):
    grad = gradients_to_vector(gradients)
    difference = _relative(grad, _approx_n(parameters, X, Y, epsilon))
    if difference > 1e-7:
        print(f"Backward propagation has a mistake: difference = "
              f"{difference:.1e} (threshold 2e-07)")
    else:
        print(f"Backward propagation agrees with the numerical gradient: "
              f"difference = {difference:.1e} (threshold 2e-07)")
    return difference


def check_n_both_shifted_up(parameters, gradients, X, Y, epsilon=1e-7):
    return _check_n(parameters, gradients, X, Y, epsilon, minus_sign=1)


def check_n_skips_last(parameters, gradients, X, Y, epsilon=1e-7):
    return _check_n(parameters, gradients, X, Y, epsilon, skipped=1)


def check_n_one_d_threshold_printed(parameters, gradients, X, Y,
                                    epsilon=1e-7):
    grad = gradients_to_vector(gradients)
    difference = _relative(grad, _approx_n(parameters, X, Y, epsilon))
    verdict = ("Backward propagation has a mistake" if difference > 1e-7
               else "Backward propagation agrees with the numerical "
               "gradient")
    print(f"{verdict}: difference = {difference:.1e} (threshold 1e-07)")
    return difference


def check_n_basis_vectors(parameters, gradients, X, Y, epsilon=1e-7):
    theta, _ = dictionary_to_vector(parameters)
    n = theta.shape[0]
    basis = np.eye(n)
    gradapprox = np.array([
        [(_cost(X, Y, theta + epsilon * basis[:, [i]])
          - _cost(X, Y, theta - epsilon * basis[:, [i]])) / (2 * epsilon)]
        for i in range(n)])
    grad = gradients_to_vector(gradients)
    difference = (np.sqrt(np.sum((grad - gradapprox) ** 2))
                  / (np.sqrt(np.sum(grad ** 2))
                     + np.sqrt(np.sum(gradapprox ** 2))))
    _report_n(difference)
    return difference


#: Three different mistakes all give a difference of exactly 1/3: the
#: estimate is half (or twice) the true gradient.
HALF_OR_TWICE = (
    "a difference of 1/3 means gradapprox is half or twice the gradient: "
    "shift one copy of theta by +epsilon and another copy by -epsilon, "
    "compute J_plus[i] and J_minus[i] from these copies, and divide by "
    "2 * epsilon")

#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("gradient_check_n", "one-sided difference")

MUTANTS = {
    "forward_propagation": [
        Mutant("theta + x", forward_sum,
               "J is the product theta * x, not the sum"),
        Mutant("returns theta", forward_returns_theta,
               "J depends on x too: J = theta * x"),
        Mutant("theta * x ** 2", forward_squares_x),
        Mutant("theta * theta", forward_theta_squared,
               "J multiplies the parameter by the input: theta * x"),
    ],
    "backward_propagation": [
        Mutant("returns theta", backward_returns_theta,
               "the derivative of theta * x with respect to theta is x"),
        Mutant("returns J", backward_returns_J,
               "return the derivative dJ/dtheta, not J itself"),
        Mutant("returns 1", backward_returns_one,
               "the derivative of theta * x with respect to theta is x"),
        Mutant("derivative of theta ** 2", backward_of_theta_squared,
               "J = theta * x is linear in theta: its derivative is x, "
               "not 2 * theta"),
    ],
    "gradient_check": [
        # No hints for the mistakes that only change the rounding noise
        # (differences around 1e-9): they cannot be told apart reliably.
        Mutant("one-sided difference", check_one_sided),
        Mutant("minus in the denominator", check_minus_in_denominator,
               "the denominator is a sum: ||grad|| + ||gradapprox||"),
        Mutant("absolute difference", check_absolute_difference),
        Mutant("threshold reversed", check_threshold_reversed,
               "the check passes when the difference is below 1e-7"),
        Mutant("epsilon argument ignored", check_epsilon_ignored),
        Mutant("divides by epsilon, not 2 epsilon",
               check_divides_by_epsilon,
               "a difference of 1/3 means gradapprox is twice the "
               "gradient: J_plus and J_minus lie 2 * epsilon apart, so "
               "divide by 2 * epsilon"),
    ],
    "gradient_check_n": [
        Mutant("theta shifted in place, no copy", check_n_without_copy,
               HALF_OR_TWICE),
        Mutant("one-sided difference", check_n_one_sided,
               "use the two-sided difference (J_plus[i] - J_minus[i]) / "
               "(2 * epsilon)"),
        Mutant("divides by epsilon, not 2 epsilon",
               check_n_divides_by_epsilon, HALF_OR_TWICE),
        Mutant("cost of the unshifted theta", check_n_forgets_the_shift,
               HALF_OR_TWICE),
        Mutant("minus in the denominator", check_n_minus_in_denominator,
               "the denominator is a sum: ||grad|| + ||gradapprox||"),
        Mutant("threshold 1e-7 instead of 2e-7", check_n_one_d_threshold,
               "the threshold of this check is 2e-7"),
        Mutant("threshold 1e-7, also printed", check_n_one_d_threshold_printed,
               "the threshold of this check is 2e-7 (the 1-d check's is "
               "1e-7): compare with 2e-7 and print 2e-07"),
        Mutant("both copies shifted by +epsilon", check_n_both_shifted_up,
               "a difference of 1 means gradapprox is 0: theta_minus must "
               "be shifted by -epsilon, theta_plus by +epsilon"),
        Mutant("last parameter skipped", check_n_skips_last,
               "loop over every parameter: range(num_parameters) "
               "includes the last one"),
    ],
}

ALTERNATIVES = {
    "forward_propagation": [forward_dot],
    "backward_propagation": [backward_times_one],
    "gradient_check": [check_halving_epsilon],
    "gradient_check_n": [check_n_basis_vectors],
}
