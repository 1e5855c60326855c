"""Check specs for ``c2w2_optimization_methods``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, labels, rng
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the given network,
#: the moons data and the plotting helpers.
HELPER_FILES = {"opt_utils.py": "autograder/helpers/opt_utils.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}

#: Layer sizes of the hidden cases; [4, 1] is the one-layer edge case.
DIMS = ((3, 4, 2), (2, 5, 2, 1), (4, 1))

#: The small network of the public cases, and one of another depth.
PUBLIC_DIMS = (3, 2, 1)
OTHER_DIMS = (2, 4, 3, 1)


def _arrays(generator, dims, prefix="", scale=1.0):
    """Random ``W{l}``/``b{l}`` arrays (keys prefixed, e.g. ``"dW1"``)."""
    out = {}
    for l in range(1, len(dims)):
        out[f"{prefix}W{l}"] = scale * generator.standard_normal(
            (dims[l], dims[l - 1]))
        out[f"{prefix}b{l}"] = scale * generator.standard_normal((dims[l], 1))
    return out


def _problem(seed, dims):
    """Parameters, gradients, a velocity and a squared average."""
    generator = rng(seed)
    parameters = _arrays(generator, dims)
    grads = _arrays(generator, dims, "d", 0.5)
    v = _arrays(generator, dims, "d", 0.1)
    s = {key: value ** 2 for key, value in
         _arrays(generator, dims, "d", 0.2).items()}
    return parameters, grads, v, s


def _zeros_like(state):
    return {key: np.zeros_like(value) for key, value in state.items()}


def _hidden_problems():
    return [(f"seed {seed}, layers {list(dims)}", _problem(seed, dims))
            for seed in HIDDEN_SEEDS for dims in DIMS]


# --- update_parameters_with_gd ----------------------------------------------

def _gd_public():
    parameters, grads, _, _ = _problem(1, PUBLIC_DIMS)
    other, other_grads, _, _ = _problem(2, OTHER_DIMS)
    return [Case(f"layers {list(PUBLIC_DIMS)}, learning rate 0.01",
                 (parameters, grads, 0.01)),
            Case(f"another depth: layers {list(OTHER_DIMS)}, learning rate "
                 f"0.1", (other, other_grads, 0.1))]


def _gd_hidden():
    cases = [Case(label, (parameters, grads, 0.05))
             for label, (parameters, grads, _, _) in _hidden_problems()]
    parameters, grads, _, _ = _problem(5, DIMS[1])
    cases.append(Case("learning rate 0 (nothing moves)",
                      (parameters, grads, 0.0)))
    return cases


# --- random_mini_batches ----------------------------------------------------

def _data(seed, n_x, n_y, m):
    """X (n_x, m) and labels Y: 0/1 (1, m), or one-hot (n_y, m)."""
    generator = rng(seed)
    X = np.round(generator.standard_normal((n_x, m)), 3)
    if n_y == 1:
        return X, labels(generator, m)
    Y = np.zeros((n_y, m))
    Y[generator.integers(0, n_y, m), np.arange(m)] = 1.0
    return X, Y


def _batches_public():
    X = np.arange(30.0).reshape(3, 10)
    Y = (np.arange(10) % 2).reshape(1, 10).astype(float)
    return [Case("X (3, 10), mini-batches of 4, seed 1", (X, Y, 4, 1)),
            Case("X (3, 10), mini-batches of 5 (no remainder), seed 2",
                 (X, Y, 5, 2)),
            Case("another size: X (2, 13), mini-batches of 4, seed 3",
                 (np.arange(26.0).reshape(2, 13),
                  (np.arange(13) % 3 == 0).reshape(1, 13).astype(float),
                  4, 3))]


def _batches_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for n_x, n_y, m, size in ((2, 1, 148, 64), (4, 1, 12, 4),
                                  (5, 3, 21, 8)):
            cases.append(Case(f"X ({n_x}, {m}), Y ({n_y}, {m}), "
                              f"mini-batches of {size}, seed {seed}",
                              _data(seed, n_x, n_y, m) + (size, seed)))
    cases.append(Case("more examples per batch than examples",
                      _data(2, 3, 1, 5) + (64, 7)))
    cases.append(Case("a single example", _data(3, 2, 1, 1) + (64, 0)))
    cases.append(Case("default size and seed, X (2, 130)",
                      _data(4, 2, 1, 130)))
    return cases


# --- initialize_velocity and initialize_adam ------------------------------

def _init_public():
    parameters, _, _, _ = _problem(1, PUBLIC_DIMS)
    other = _problem(2, OTHER_DIMS)[0]
    return [Case(f"layers {list(PUBLIC_DIMS)}", (parameters,)),
            Case(f"another depth: layers {list(OTHER_DIMS)}", (other,))]


def _init_hidden():
    return [Case(label, (parameters,))
            for label, (parameters, _, _, _) in _hidden_problems()]


# --- update_parameters_with_momentum -----------------------------------------

def _momentum_public():
    parameters, grads, v, _ = _problem(1, PUBLIC_DIMS)
    return [Case("velocity from an earlier step, beta 0.9, learning rate "
                 "0.01", (parameters, grads, v, 0.9, 0.01)),
            Case("zero velocity, beta 0.5, learning rate 0.1",
                 (parameters, grads, _zeros_like(v), 0.5, 0.1)),
            Case(f"another depth: layers {list(OTHER_DIMS)}, beta 0.8, "
                 f"learning rate 0.05",
                 _problem(2, OTHER_DIMS)[:3] + (0.8, 0.05))]


def _momentum_hidden():
    cases = [Case(f"{label}, beta 0.9", (parameters, grads, v, 0.9, 0.05))
             for label, (parameters, grads, v, _) in _hidden_problems()]
    parameters, grads, v, _ = _problem(6, DIMS[0])
    cases.append(Case("beta 0 (plain gradient descent)",
                      (parameters, grads, v, 0.0, 0.1)))
    cases.append(Case("zero velocity, beta 0.8",
                      (parameters, grads, _zeros_like(v), 0.8, 0.1)))
    return cases


# --- update_parameters_with_adam ---------------------------------------------

def _adam_public():
    parameters, grads, v, s = _problem(1, PUBLIC_DIMS)
    return [Case("averages from earlier steps, t = 2",
                 (parameters, grads, v, s, 2),
                 {"learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999,
                  "epsilon": 1e-8}),
            Case("first step (t = 1) from zeros, tiny gradients",
                 (parameters, {key: 1e-6 * value for key, value in
                               grads.items()},
                  _zeros_like(v), _zeros_like(s), 1)),
            Case(f"another depth: layers {list(OTHER_DIMS)}, t = 3, "
                 f"default rates", _problem(2, OTHER_DIMS) + (3,))]


def _adam_hidden():
    cases = [Case(f"{label}, t = {t}", (parameters, grads, v, s, t),
                  {"learning_rate": 0.02})
             for (label, (parameters, grads, v, s)), t
             in zip(_hidden_problems(), (1, 2, 3, 5, 7, 10, 20, 50, 100))]
    parameters, grads, v, s = _problem(8, DIMS[1])
    tiny = {key: 1e-5 * value for key, value in grads.items()}
    cases.append(Case("first step from zeros, tiny gradients",
                      (parameters, tiny, _zeros_like(v), _zeros_like(s), 1)))
    cases.append(Case("second step from zeros, tiny gradients",
                      (parameters, tiny, _zeros_like(v), _zeros_like(s), 2),
                      {"epsilon": 1e-6}))
    cases.append(Case("t = 4, tiny gradients, beta1 0.8, beta2 0.99",
                      (parameters, tiny, v, s, 4),
                      {"learning_rate": 0.1, "beta1": 0.8, "beta2": 0.99}))
    cases.append(Case("default hyperparameters, t = 3",
                      (parameters, grads, v, s, 3)))
    return cases


SPECS = [
    FunctionSpec("update_parameters_with_gd", ("parameters",), 1,
                 _gd_public, _gd_hidden, may_mutate=True,
                 separate=("parameters",)),
    FunctionSpec("random_mini_batches", ("mini_batches",), 2,
                 _batches_public, _batches_hidden),
    FunctionSpec("initialize_velocity", ("v",), 1, _init_public,
                 _init_hidden,
                 separate=("v",), fresh=("v",)),
    FunctionSpec("update_parameters_with_momentum", ("parameters", "v"), 1,
                 _momentum_public, _momentum_hidden, may_mutate=True,
                 separate=("parameters", "v")),
    FunctionSpec("initialize_adam", ("v", "s"), 1, _init_public,
                 _init_hidden,
                 separate=("v", "s"), fresh=("v", "s")),
    FunctionSpec("update_parameters_with_adam", ("parameters", "v", "s"), 2,
                 _adam_public, _adam_hidden, may_mutate=True,
                 separate=("parameters", "v", "s")),
]
