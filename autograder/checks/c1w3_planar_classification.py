"""Check specs for ``c1w3_planar_classification``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, labels, rng
from autograder.reference.c1w3_planar_classification import (
    backward_propagation,
    forward_propagation,
)
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: data and plots.
HELPER_FILES = {"planar_utils.py": "autograder/data/planar_utils.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}

#: (n_x, n_h, m) of the hidden cases; m = 1 is the single-example edge
#: case and n_h = 1 a hidden layer of one unit.
SHAPES = ((2, 4, 6), (5, 3, 1), (3, 1, 4))


def _parameters(generator, n_x, n_h, n_y=1, scale=1.0):
    """Random parameters of a 2-layer network, every array non-zero."""
    return {"W1": scale * generator.standard_normal((n_h, n_x)),
            "b1": scale * generator.standard_normal((n_h, 1)),
            "W2": scale * generator.standard_normal((n_y, n_h)),
            "b2": scale * generator.standard_normal((n_y, 1))}


def _problem(seed, n_x, n_h, m):
    """Random parameters, X (n_x, m) and labels Y (1, m)."""
    generator = rng(seed)
    parameters = _parameters(generator, n_x, n_h)
    X = generator.standard_normal((n_x, m))
    return parameters, X, labels(generator, m)


def _hidden_problems():
    return [(f"seed {seed}, n_x = {n_x}, n_h = {n_h}, m = {m}",
             _problem(seed, n_x, n_h, m))
            for seed in HIDDEN_SEEDS for n_x, n_h, m in SHAPES]


def _public_problem():
    """A fixed small problem: n_x = 2, n_h = 3, m = 4."""
    parameters = {
        "W1": np.array([[0.5, -0.3], [-0.8, 0.2], [0.1, 0.9]]),
        "b1": np.array([[0.15], [-0.2], [0.05]]),
        "W2": np.array([[1.2, -0.7, 0.4]]),
        "b2": np.array([[-0.1]]),
    }
    X = np.array([[1.0, -2.0, 0.5, 3.0], [2.0, 0.5, -1.5, 1.0]])
    Y = np.array([[1.0, 0.0, 0.0, 1.0]])
    return parameters, X, Y


# --- layer_sizes -------------------------------------------------------------

def _sizes_public():
    X = np.zeros((5, 3))
    Y = np.zeros((2, 3))
    return [Case("X (5, 3), Y (2, 3)", (X, Y)),
            Case("X (2, 6), Y (1, 6)", (np.ones((2, 6)), np.ones((1, 6))))]


def _sizes_hidden():
    cases = []
    for seed, (n_x, n_y, m) in zip(HIDDEN_SEEDS, ((3, 1, 7), (6, 2, 4),
                                                  (1, 3, 1))):
        generator = rng(seed)
        cases.append(Case(f"X ({n_x}, {m}), Y ({n_y}, {m})",
                          (generator.standard_normal((n_x, m)),
                           generator.standard_normal((n_y, m)))))
    cases.append(Case("X (4, 4), Y (1, 4)",
                      (np.ones((4, 4)), np.ones((1, 4)))))
    return cases


# --- initialize_parameters ---------------------------------------------------

def _init_public():
    return [Case("n_x = 2, n_h = 4, n_y = 1", (2, 4, 1)),
            Case("n_x = 3, n_h = 2, n_y = 2", (3, 2, 2))]


def _init_hidden():
    return [Case(f"n_x = {n_x}, n_h = {n_h}, n_y = {n_y}", (n_x, n_h, n_y))
            for n_x, n_h, n_y in ((1, 1, 1), (4, 5, 1), (2, 3, 3),
                                  (5, 5, 2))]


# --- forward_propagation -----------------------------------------------------

def _forward_public():
    parameters, X, _ = _public_problem()
    other, X_other, _ = _problem(3, 3, 2, 5)
    return [Case("n_x = 2, n_h = 3, m = 4", (X, parameters)),
            Case("another size: n_x = 3, n_h = 2, m = 5", (X_other, other))]


def _forward_hidden():
    cases = [Case(label, (X, parameters))
             for label, (parameters, X, _) in _hidden_problems()]
    parameters, X, _ = _problem(5, 2, 3, 5)
    parameters["W2"] = np.vstack([parameters["W2"], -parameters["W2"]])
    parameters["b2"] = np.array([[0.3], [-0.2]])
    cases.append(Case("two output units, n_y = 2", (X, parameters)))
    return cases


# --- compute_cost ------------------------------------------------------------

def _cost_public():
    parameters, _, _ = _public_problem()
    A2 = np.array([[0.8, 0.1, 0.4, 0.65]])
    Y = np.array([[1.0, 0.0, 0.0, 1.0]])
    return [Case("A2 (1, 4)", (A2, Y, parameters)),
            Case("A2 = 0.5 everywhere (cost ln 2)",
                 (np.full((1, 3), 0.5), np.array([[1.0, 0.0, 1.0]]),
                  parameters))]


def _cost_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for m in (5, 1, 12):
            generator = rng(seed)
            parameters = _parameters(generator, 2, 3)
            A2 = generator.uniform(0.05, 0.95, (1, m))
            cases.append(Case(f"seed {seed}, m = {m}",
                              (A2, labels(generator, m), parameters)))
    return cases


# --- backward_propagation ----------------------------------------------------

def _with_cache(parameters, X, Y):
    """``(parameters, cache, X, Y)`` with the cache of the forward pass."""
    _, cache = forward_propagation(X, parameters)
    return parameters, cache, X, Y


def _backward_public():
    return [Case("n_x = 2, n_h = 3, m = 4", _with_cache(*_public_problem())),
            Case("another size: n_x = 3, n_h = 2, m = 5",
                 _with_cache(*_problem(3, 3, 2, 5)))]


def _two_outputs(seed, n_x, n_h, m):
    """A problem with n_y = 2 output units: Y (2, m)."""
    generator = rng(seed)
    parameters = _parameters(generator, n_x, n_h, n_y=2)
    X = generator.standard_normal((n_x, m))
    Y = np.vstack([labels(generator, m), labels(generator, m)])
    return parameters, X, Y


def _backward_hidden():
    cases = [Case(label, _with_cache(*problem))
             for label, problem in _hidden_problems()]
    cases.append(Case("two output units, n_y = 2, m = 5",
                      _with_cache(*_two_outputs(5, 3, 4, 5))))
    return cases


# --- update_parameters -------------------------------------------------------

def _update_problem(seed, n_x, n_h):
    """Parameters and gradients of matching shapes."""
    parameters, X, Y = _problem(seed, n_x, n_h, 5)
    grads = backward_propagation(*_with_cache(parameters, X, Y))
    return parameters, grads


def _update_public():
    parameters, X, Y = _public_problem()
    grads = backward_propagation(*_with_cache(parameters, X, Y))
    return [Case("default learning rate (1.2)", (parameters, grads)),
            Case("learning_rate = 0.5", (parameters, grads),
                 {"learning_rate": 0.5}),
            Case("another size: n_x = 3, n_h = 2",
                 _update_problem(3, 3, 2))]


def _update_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for n_x, n_h in ((2, 4), (3, 1), (5, 3)):
            parameters, grads = _update_problem(seed, n_x, n_h)
            cases.append(Case(f"seed {seed}, n_x = {n_x}, n_h = {n_h}, "
                              f"default learning rate", (parameters, grads)))
            cases.append(Case(f"seed {seed}, n_x = {n_x}, n_h = {n_h}, "
                              f"learning_rate = 0.05", (parameters, grads),
                              {"learning_rate": 0.05}))
    return cases


# --- nn_model ----------------------------------------------------------------

def _blobs(seed, n_x, m):
    """Two overlapping clouds with a curved boundary: X (n_x, m), Y (1, m)."""
    generator = rng(seed)
    X = generator.standard_normal((n_x, m))
    score = X[0] ** 2 - X[-1] + 0.7 * generator.standard_normal(m)
    Y = (score > np.median(score)).astype(float).reshape(1, m)
    return X, Y


def _model_public():
    return [Case("n_x = 2, m = 10, n_h = 3, 1001 iterations, printing",
                 _blobs(1, 2, 10) + (3,),
                 {"num_iterations": 1001, "print_cost": True}),
            Case("n_x = 2, m = 10, n_h = 4, 50 iterations",
                 _blobs(2, 2, 10) + (4,), {"num_iterations": 50})]


def _model_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        cases.append(Case(f"seed {seed}, n_x = 2, m = 30, n_h = 5, "
                          f"1200 iterations, printing",
                          _blobs(seed, 2, 30) + (5,),
                          {"num_iterations": 1200, "print_cost": True}))
        cases.append(Case(f"seed {seed}, n_x = 3, m = 9, n_h = 2, "
                          f"200 iterations", _blobs(seed, 3, 9) + (2,),
                          {"num_iterations": 200}))
    cases.append(Case("n_x = 2, m = 8, n_h = 4, 1 iteration, printing",
                      _blobs(5, 2, 8) + (4,),
                      {"num_iterations": 1, "print_cost": True}))
    X, Y = _blobs(6, 3, 8)
    cases.append(Case("two output units, n_y = 2, m = 8, n_h = 3, "
                      "100 iterations", (X, np.vstack([Y, 1 - Y]), 3),
                      {"num_iterations": 100}))
    return cases


# --- predict -----------------------------------------------------------------

def _predict_public():
    parameters, X, _ = _public_problem()
    half = dict(parameters, W2=np.zeros((1, 3)), b2=np.zeros((1, 1)))
    return [Case("n_x = 2, n_h = 3, m = 4", (parameters, X)),
            Case("W2 = 0, b2 = 0 (every probability is exactly 0.5)",
                 (half, X)),
            Case("another size: n_x = 3, n_h = 2, m = 5",
                 _problem(3, 3, 2, 5)[:2])]


def _predict_hidden():
    cases = [Case(label, (parameters, X))
             for label, (parameters, X, _) in _hidden_problems()]
    parameters, X, _ = _problem(7, 3, 2, 6)
    half = dict(parameters, W2=np.zeros((1, 2)), b2=np.zeros((1, 1)))
    cases.append(Case("probabilities exactly 0.5", (half, X)))
    return cases


SPECS = [
    FunctionSpec("layer_sizes", ("n_x", "n_h", "n_y"), 1, _sizes_public,
                 _sizes_hidden),
    FunctionSpec("initialize_parameters", ("parameters",), 1, _init_public,
                 _init_hidden,
                 separate=("parameters",)),
    FunctionSpec("forward_propagation", ("A2", "cache"), 2,
                 _forward_public, _forward_hidden),
    FunctionSpec("compute_cost", ("cost",), 1, _cost_public, _cost_hidden),
    FunctionSpec("backward_propagation", ("grads",), 3, _backward_public,
                 _backward_hidden,
                 separate=("grads",)),
    FunctionSpec("update_parameters", ("parameters",), 1, _update_public,
                 _update_hidden, may_mutate=True,
                 separate=("parameters",)),
    FunctionSpec("nn_model", ("parameters",), 2, _model_public,
                 _model_hidden, check_printed=True,
                 separate=("parameters",)),
    FunctionSpec("predict", ("predictions",), 1, _predict_public,
                 _predict_hidden),
]
