"""Learners' mistakes in ``c2w1_gradient_checking``."""
import numpy as np

from autograder.reference.c2w1_gradient_checking import (
    backward_propagation,
    forward_propagation,
)
from tests.learner_mistakes import Mistake, edit


def gradient_check_one_sided(x, theta, epsilon=1e-7):
    gradapprox = (forward_propagation(x, theta + epsilon)
                  - forward_propagation(x, theta)) / epsilon
    grad = backward_propagation(x, theta)
    difference = (np.linalg.norm(grad - gradapprox)
                  / (np.linalg.norm(grad) + np.linalg.norm(gradapprox)))
    if difference < 1e-7:
        print(f"Gradient check passed: difference = {difference:.1e} "
              f"(threshold 1e-07)")
    else:
        print(f"Gradient check failed: difference = {difference:.1e} "
              f"(threshold 1e-07)")
    return difference


MISTAKES = [
    # forward_propagation
    Mistake("forward_propagation", "theta + x", ("theta * x",),
            edit("J = theta * x", "J = theta + x")),
    Mistake("forward_propagation", "theta squared", ("theta * x",),
            edit("J = theta * x", "J = theta * theta")),
    Mistake("forward_propagation", "returns x", ("theta",),
            edit("return J", "return x")),
    Mistake("forward_propagation", "theta forgotten: J = x", ("theta",),
            edit("J = theta * x", "J = x")),
    # backward_propagation
    Mistake("backward_propagation", "returns theta", ("x",),
            edit("dtheta = x", "dtheta = theta")),
    Mistake("backward_propagation", "derivative of theta ** 2",
            ("x",), edit("dtheta = x", "dtheta = 2 * theta")),
    Mistake("backward_propagation", "returns J = theta * x", ("not j itself",),
            edit("dtheta = x", "dtheta = theta * x")),
    Mistake("backward_propagation", "derivative 1", ("x",),
            edit("dtheta = x", "dtheta = 1")),
    # gradient_check
    Mistake("gradient_check", "one-sided difference", ("2 * epsilon",),
            code=gradient_check_one_sided),
    Mistake("gradient_check", "divides by epsilon, not 2 epsilon",
            ("2 * epsilon",), edit("/ (2 * epsilon)", "/ epsilon")),
    Mistake("gradient_check", "denominator without the norm of grad",
            ("denominator",), edit("np.linalg.norm(grad) + "
                                   "np.linalg.norm(gradapprox)",
                                   "np.linalg.norm(gradapprox)")),
    Mistake("gradient_check", "norm of the difference not taken",
            ("norm",), edit("np.linalg.norm(grad - gradapprox)",
                            "(grad - gradapprox)")),
    Mistake("gradient_check", "prints passed for every difference",
            ("1e-7",), edit("if difference < 1e-7:", "if True:")),
    # gradient_check_n
    Mistake("gradient_check_n", "theta_plus aliased: no copy",
            ("copy",), edit("theta_plus = np.copy(theta)",
                            "theta_plus = theta",
                            "theta_minus = np.copy(theta)",
                            "theta_minus = theta")),
    Mistake("gradient_check_n", "epsilon not subtracted for J_minus",
            ("epsilon",), edit("theta_minus[i][0] - epsilon",
                               "theta_minus[i][0] + epsilon")),
    Mistake("gradient_check_n", "gradapprox over epsilon", ("2 * epsilon",),
            edit("(J_plus[i] - J_minus[i]) / (2 * epsilon)",
                 "(J_plus[i] - J_minus[i]) / epsilon")),
    Mistake("gradient_check_n", "threshold 1e-7 of the 1-d check",
            ("2e-7",), edit("if difference > 2e-7:", "if difference > 1e-7:",
                            "(threshold 2e-07)", "(threshold 1e-07)")),
    Mistake("gradient_check_n", "loop skips the last parameter",
            ("range",), edit("range(num_parameters)",
                             "range(num_parameters - 1)")),
]
