"""Check specs for ``c2w1_regularization``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, labels, rng
from autograder.helpers.reg_utils import forward_propagation, sigmoid
from autograder.reference.c2w1_regularization import (
    forward_propagation_with_dropout,
)
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the given code and
#: the data it loads.
HELPER_FILES = {"reg_utils.py": "autograder/helpers/reg_utils.py",
                "football.py": "autograder/data/football.py",
                "small_nets.py": "autograder/helpers/small_nets.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}

#: (layer sizes, m) of the hidden cases: the assignment's network, a
#: smaller one, and a single example.
SHAPES = (([2, 20, 3, 1], 7), ([3, 4, 5, 1], 5))


def _parameters(generator, dims):
    """W{l} (n_l, n_{l-1}) and b{l} (n_l, 1) for l = 1, 2, 3."""
    parameters = {}
    for l in range(1, 4):
        parameters[f"W{l}"] = generator.standard_normal(
            (dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        parameters[f"b{l}"] = 0.1 * generator.standard_normal((dims[l], 1))
    return parameters


def _problem(seed, dims, m):
    """Random parameters, inputs X (n_x, m) and labels Y (1, m)."""
    generator = rng(seed)
    parameters = _parameters(generator, dims)
    X = generator.standard_normal((dims[0], m))
    return parameters, X, labels(generator, m)


def _public_problem():
    """A fixed network [2, 3, 2, 1] and four examples."""
    parameters = {
        "W1": np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.8]]),
        "b1": np.array([[0.1], [-0.2], [0.05]]),
        "W2": np.array([[1.0, -0.5, 0.3], [-0.4, 0.9, 1.2]]),
        "b2": np.array([[0.2], [-0.1]]),
        "W3": np.array([[1.1, -0.7]]),
        "b3": np.array([[0.05]]),
    }
    X = np.array([[1.0, -0.5, 0.3, 2.0], [0.4, 1.2, -1.5, 0.0]])
    Y = np.array([[1, 0, 0, 1]])
    return parameters, X, Y


def _other_public_problem():
    """A second public problem of another size: [3, 4, 2, 1], m = 5."""
    return _problem(3, [3, 4, 2, 1], 5)


def _hidden_problems():
    problems = [(f"seed {seed}, layers {dims}, m = {m}",
                 _problem(seed, dims, m))
                for seed in HIDDEN_SEEDS for dims, m in SHAPES]
    problems.append(("a single example, layers [2, 20, 3, 1]",
                     _problem(5, [2, 20, 3, 1], 1)))
    return problems


# --- compute_cost_with_regularization ---------------------------------------

def _cost_public():
    parameters, X, Y = _public_problem()
    A3 = np.array([[0.8, 0.3, 0.45, 0.6]])
    return [Case("layers [2, 3, 2, 1], m = 4, lambd = 0.1",
                 (A3, Y, parameters, 0.1)),
            Case("the same, lambd = 0.7", (A3, Y, parameters, 0.7)),
            Case("another size: layers [3, 4, 2, 1], m = 5, lambd = 0.3",
                 _other_cost_case())]


def _other_cost_case():
    """A3, Y and parameters of the public network of another size."""
    parameters, _, Y = _other_public_problem()
    return sigmoid(rng(3).standard_normal(Y.shape)), Y, parameters, 0.3


def _cost_hidden():
    cases = []
    for number, (label, (parameters, X, Y)) in enumerate(_hidden_problems()):
        A3 = sigmoid(rng(number).standard_normal(Y.shape))
        cases.append(Case(f"{label}, lambd = 0.7",
                          (A3, Y, parameters, 0.7)))
    label, (parameters, X, Y) = _hidden_problems()[0]
    A3 = sigmoid(rng(99).standard_normal(Y.shape))
    cases.append(Case(f"{label}, lambd = 0", (A3, Y, parameters, 0.0)))
    cases.append(Case(f"{label}, lambd = 3", (A3, Y, parameters, 3)))
    return cases


# --- backward_propagation_with_regularization --------------------------------

def _reg_case(label, problem, lambd):
    parameters, X, Y = problem
    _, cache = forward_propagation(X, parameters)
    return Case(f"{label}, lambd = {lambd}", (X, Y, cache, lambd))


def _backward_reg_public():
    return [_reg_case("layers [2, 3, 2, 1], m = 4", _public_problem(), 0.7),
            _reg_case("another size: layers [3, 4, 2, 1], m = 5",
                      _other_public_problem(), 0.3)]


def _backward_reg_hidden():
    cases = [_reg_case(label, problem, 0.7)
             for label, problem in _hidden_problems()]
    label, problem = _hidden_problems()[1]
    cases.append(_reg_case(label, problem, 0.0))
    cases.append(_reg_case(label, problem, 2.5))
    return cases


# --- forward_propagation_with_dropout ----------------------------------------

def _forward_drop_public():
    parameters, X, _ = _public_problem()
    return [Case("layers [2, 3, 2, 1], m = 4, keep_prob = 0.7",
                 (X, parameters, 0.7)),
            Case("the same, default keep_prob", (X, parameters)),
            Case("another size: layers [3, 4, 2, 1], m = 5, keep_prob = "
                 "0.8", _other_public_problem()[1::-1] + (0.8,))]


def _forward_drop_hidden():
    cases = [Case(f"{label}, keep_prob = 0.86", (X, parameters, 0.86))
             for label, (parameters, X, _) in _hidden_problems()]
    label, (parameters, X, _) = _hidden_problems()[1]
    cases.append(Case(f"{label}, default keep_prob", (X, parameters)))
    cases.append(Case(f"{label}, keep_prob = 1 (nothing dropped)",
                      (X, parameters, 1.0)))
    return cases


# --- backward_propagation_with_dropout ---------------------------------------

def _drop_case(label, problem, keep_prob):
    parameters, X, Y = problem
    _, cache = forward_propagation_with_dropout(X, parameters, keep_prob)
    return Case(f"{label}, keep_prob = {keep_prob}",
                (X, Y, cache, keep_prob))


def _backward_drop_public():
    return [_drop_case("layers [2, 3, 2, 1], m = 4", _public_problem(),
                       0.7),
            _drop_case("another size: layers [3, 4, 2, 1], m = 5",
                       _other_public_problem(), 0.8)]


def _backward_drop_hidden():
    cases = [_drop_case(label, problem, 0.86)
             for label, problem in _hidden_problems()]
    label, problem = _hidden_problems()[1]
    cases.append(_drop_case(label, problem, 0.5))
    cases.append(_drop_case(label, problem, 1.0))
    return cases


SPECS = [
    FunctionSpec("compute_cost_with_regularization", ("cost",), 1,
                 _cost_public, _cost_hidden),
    FunctionSpec("backward_propagation_with_regularization",
                 ("gradients",), 2, _backward_reg_public,
                 _backward_reg_hidden,
                 separate=("gradients",)),
    FunctionSpec("forward_propagation_with_dropout", ("A3", "cache"), 2,
                 _forward_drop_public, _forward_drop_hidden,
                 types={"cache[1]": "array", "cache[6]": "array"}),
    FunctionSpec("backward_propagation_with_dropout", ("gradients",), 2,
                 _backward_drop_public, _backward_drop_hidden,
                 separate=("gradients",)),
]
