"""Check specs for ``c2w1_gradient_checking``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, labels, rng
from autograder.helpers.gc_utils import (
    SHAPES,
    backward_propagation_n,
    forward_propagation_n,
)
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the flattening
#: helpers and the checked network.
HELPER_FILES = {"gc_utils.py": "autograder/helpers/gc_utils.py",
                "small_nets.py": "autograder/helpers/small_nets.py"}

#: (x, theta) pairs of the one-parameter function, hidden cases: floats,
#: integers, negative values, a large and a small input.
SCALARS = ((2.5, -1.2), (-3, 7), (0.004, 0.75), (150.0, 0.3), (1, 1))


def _one_d_public():
    return [Case("x = 2, theta = 4", (2, 4)),
            Case("x = -1.5, theta = 3.0", (-1.5, 3.0))]


def _one_d_hidden():
    return [Case(f"x = {x}, theta = {theta}", (x, theta))
            for x, theta in SCALARS]


def _one_d_check_public():
    return _one_d_public() + [
        Case("x = 1.5, theta = 1e9 (the check fails)", (1.5, 1e9))]


def _one_d_check_hidden():
    return _one_d_hidden() + [
        Case("x = 3.0, theta = -2.0, epsilon = 1e-4", (3.0, -2.0),
             {"epsilon": 1e-4}),
        # theta +- epsilon rounds to the neighbouring floats of 1e9: the
        # difference is about 0.09, far above the threshold (it fails).
        Case("x = 2.0, theta = 1e9 (the check fails)", (2.0, 1e9))]


def course_problem():
    """The course's example: ``np.random.seed(1)``, x (4, 3), y (1, 3).

    Returns ``(parameters, X, Y)``, drawn in the order x, W1, b1, W2, b2,
    W3, b3; NumPy's global random state is restored afterwards.
    """
    state = np.random.get_state()
    try:
        np.random.seed(1)
        X = np.random.randn(4, 3)
        parameters = {key: np.random.randn(*shape)
                      for key, shape in SHAPES.items()}
    finally:
        np.random.set_state(state)
    return parameters, X, np.array([[1, 1, 0]])


def _problem(seed, m):
    """Random parameters and data of the 4 -> 5 -> 3 -> 1 network."""
    generator = rng(seed)
    parameters = {key: generator.standard_normal(shape)
                  for key, shape in SHAPES.items()}
    X = generator.standard_normal((4, m))
    return parameters, X, labels(generator, m)


def _gradients(parameters, X, Y):
    """The correct gradients (all 11 keys of the backward pass)."""
    _, cache = forward_propagation_n(X, Y, parameters)
    return backward_propagation_n(X, Y, cache)


def _with_mistake(gradients, key, factor):
    wrong = dict(gradients)
    wrong[key] = gradients[key] * factor
    return wrong


def _n_public():
    parameters, X, Y = course_problem()
    gradients = _gradients(parameters, X, Y)
    return [Case("the course's example, correct gradients",
                 (parameters, gradients, X, Y)),
            Case("the course's example, dW3 too large by half",
                 (parameters, _with_mistake(gradients, "dW3", 1.5), X, Y)),
            Case("another size: X (4, 5), db2 doubled",
                 _other_size_case())]


def _other_size_case():
    """A public case with m = 5 and a wrong db2 (a large difference)."""
    parameters, X, Y = _problem(3, 5)
    wrong = _with_mistake(_gradients(parameters, X, Y), "db2", 2.0)
    return parameters, wrong, X, Y


def _n_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for m in (3, 6):
            parameters, X, Y = _problem(seed, m)
            cases.append(Case(f"seed {seed}, X (4, {m}), correct gradients",
                              (parameters, _gradients(parameters, X, Y),
                               X, Y)))
    parameters, X, Y = _problem(5, 4)
    gradients = _gradients(parameters, X, Y)
    cases += [
        Case("seed 5, X (4, 4), db1 doubled",
             (parameters, _with_mistake(gradients, "db1", 2.0), X, Y)),
        Case("seed 5, X (4, 4), epsilon = 1e-4",
             (parameters, gradients, X, Y), {"epsilon": 1e-4}),
    ]
    parameters, X, Y = _problem(7, 1)
    cases.append(Case("a single example, X (4, 1)",
                      (parameters, _gradients(parameters, X, Y), X, Y)))
    parameters, X, Y = course_problem()
    cases.append(Case("the course's example, correct gradients",
                      (parameters, _gradients(parameters, X, Y), X, Y)))
    return cases


SPECS = [
    FunctionSpec("forward_propagation", ("J",), 1, _one_d_public,
                 _one_d_hidden, atol=0,
                 types={"J": "number"}),
    FunctionSpec("backward_propagation", ("dtheta",), 1, _one_d_public,
                 _one_d_hidden, atol=0,
                 types={"dtheta": "number"}),
    FunctionSpec("gradient_check", ("difference",), 2,
                 _one_d_check_public,
                 _one_d_check_hidden, check_printed=True, atol=0),
    FunctionSpec("gradient_check_n", ("difference",), 3, _n_public,
                 _n_hidden, check_printed=True),
]
