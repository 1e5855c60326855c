"""Check specs for ``c2w3_softmax_batchnorm``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, rng
from autograder.reference.c2w3_softmax_batchnorm import (
    batchnorm_forward,
    forward_propagation,
)
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the data set and the
#: given (solved Week 2) mini-batch and Adam functions.
HELPER_FILES = {"signs_utils.py": "autograder/data/signs_utils.py",
                "optimizers.py": "autograder/helpers/optimizers.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}

#: (C, m) of the hidden cases; m = 1 is the single-example edge case.
SHAPES = ((6, 10), (3, 7), (4, 1))


def _labels(generator, C, m):
    """Integer labels (m,) covering every class when m >= C."""
    labels = generator.integers(0, C, m)
    if m >= C:
        labels[:C] = np.arange(C)
    return labels


def _one_hot(labels, C):
    Y = np.zeros((C, labels.size))
    Y[labels, np.arange(labels.size)] = 1.0
    return Y


def _logits(seed, C, m, scale=2.0):
    """Random logits (C, m) and one-hot labels (C, m)."""
    generator = rng(seed)
    Z = scale * generator.standard_normal((C, m))
    return Z, _one_hot(_labels(generator, C, m), C)


def _extreme_logits():
    """Columns of very different sizes: naive formulas overflow."""
    Z = np.array([[1000.0, -2.0, 0.0, -1000.0],
                  [990.0, 1.0, 800.0, -1001.0],
                  [-5.0, 0.5, -800.0, -999.0]])
    return Z, _one_hot(np.array([1, 0, 2, 2]), 3)


# --- one_hot_matrix ---------------------------------------------------------

def _one_hot_public():
    return [Case("labels [1, 2, 3, 0, 2, 1], C = 4",
                 (np.array([1, 2, 3, 0, 2, 1]), 4)),
            Case("labels of shape (1, 5), C = 6",
                 (np.array([[5, 0, 0, 2, 3]]), 6)),
            Case("labels [0, 2, 1, 2], C = 5 (class 4 has no example)",
                 (np.array([0, 2, 1, 2]), 5))]


def _one_hot_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for C, m in SHAPES:
            labels = _labels(rng(seed), C, m)
            cases.append(Case(f"seed {seed}, C = {C}, m = {m}", (labels, C)))
            cases.append(Case(f"seed {seed}, C = {C}, labels (1, {m})",
                              (labels.reshape(1, m), C)))
    cases.append(Case("a class with no example (C larger than the labels)",
                      (np.array([0, 1, 1, 0]), 5)))
    return cases


# --- softmax, compute_cost, cost_backward ------------------------------------

def _softmax_public():
    return [Case("Z (3, 2)", (np.array([[1.0, 0.0], [2.0, 0.0],
                                        [3.0, 0.0]]),)),
            Case("large scores (no overflow allowed)",
                 (np.array([[1000.0, -3.0], [1001.0, 4.0],
                            [998.0, -1000.0]]),)),
            Case("another size: Z (4, 3)", (_logits(3, 4, 3)[0],))]


def _softmax_hidden():
    cases = [Case(f"seed {seed}, Z {(C, m)}", (_logits(seed, C, m)[0],))
             for seed in HIDDEN_SEEDS for C, m in SHAPES]
    cases.append(Case("columns of very different sizes",
                      (_extreme_logits()[0],)))
    cases.append(Case("a single class (C = 1)", (np.array([[3.0, -2.0]]),)))
    return cases


def _cost_public():
    Z = np.array([[2.0, -1.0, 0.5], [1.0, 3.0, 0.5], [0.1, 0.2, 0.5]])
    Y = _one_hot(np.array([0, 1, 2]), 3)
    return [Case("ZL (3, 3), one-hot Y", (Z, Y)),
            Case("very confident scores", _extreme_logits())]


def _cost_hidden():
    cases = [Case(f"seed {seed}, ZL {(C, m)}", _logits(seed, C, m))
             for seed in HIDDEN_SEEDS for C, m in SHAPES]
    cases.append(Case("very confident scores", _extreme_logits()))
    Z, Y = _logits(4, 5, 6, scale=0.0)
    cases.append(Case("all scores equal (cost ln C)", (Z, Y)))
    return cases


# --- batch normalization -----------------------------------------------------

def _bn_inputs(seed, n, m):
    generator = rng(seed)
    Z = 3.0 * generator.standard_normal((n, m)) + generator.normal(
        0.0, 2.0, (n, 1))
    gamma = generator.uniform(0.5, 2.0, (n, 1))
    beta = generator.standard_normal((n, 1))
    return Z, gamma, beta


def _bn_forward_public():
    Z = np.array([[1.0, 2.0, 3.0, 6.0], [-1.0, 1.0, -1.0, 1.0],
                  [0.5, 0.5, 0.5, 2.5]])
    gamma = np.array([[1.0], [2.0], [0.5]])
    beta = np.array([[0.0], [1.0], [-1.0]])
    return [Case("Z (3, 4)", (Z, gamma, beta)),
            Case("Z (3, 4), epsilon 0.1", (Z, gamma, beta),
                 {"epsilon": 0.1}),
            Case("another size: Z (2, 5)", _bn_inputs(3, 2, 5))]


def _bn_forward_hidden():
    cases = [Case(f"seed {seed}, Z {(n, m)}", _bn_inputs(seed, n, m))
             for seed in HIDDEN_SEEDS for n, m in ((4, 8), (2, 5))]
    Z, gamma, beta = _bn_inputs(5, 3, 6)
    cases.append(Case("epsilon 0.5", (Z, gamma, beta), {"epsilon": 0.5}))
    cases.append(Case("two examples", _bn_inputs(6, 3, 2)))
    Z[1] = 4.0
    cases.append(Case("a row with no variance", (Z, gamma, beta)))
    return cases


def _bn_backward_case(seed, n, m, epsilon=1e-5):
    Z, gamma, beta = _bn_inputs(seed, n, m)
    _, cache = batchnorm_forward(Z, gamma, beta, epsilon)
    dZ_tilde = rng(seed + 100).standard_normal((n, m))
    return dZ_tilde, cache


def _bn_backward_public():
    Z = np.array([[1.0, 2.0, 3.0, 6.0], [-1.0, 1.0, -1.0, 1.0]])
    _, cache = batchnorm_forward(Z, np.array([[1.0], [2.0]]),
                                 np.array([[0.0], [1.0]]))
    dZ_tilde = np.array([[0.5, -1.0, 2.0, 0.0], [1.0, 1.0, -1.0, 0.5]])
    return [Case("dZ_tilde (2, 4) and its forward cache",
                 (dZ_tilde, cache)),
            Case("another size: dZ_tilde (3, 5) and its forward cache",
                 _bn_backward_case(3, 3, 5))]


def _bn_backward_hidden():
    cases = [Case(f"seed {seed}, Z {(n, m)}", _bn_backward_case(seed, n, m))
             for seed in HIDDEN_SEEDS for n, m in ((4, 8), (2, 5))]
    cases.append(Case("epsilon 0.5", _bn_backward_case(5, 3, 6, 0.5)))
    cases.append(Case("two examples", _bn_backward_case(6, 3, 2)))
    return cases


# --- the classifier ----------------------------------------------------------

#: Layer sizes of the hidden network cases.
DIMS = ((5, 4, 3), (6, 5, 3, 4), (3, 2))


def _network(seed, dims, m):
    """Parameters with non-zero biases, inputs X and one-hot labels Y."""
    generator = rng(seed)
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = generator.standard_normal((dims[l],
                                                         dims[l - 1]))
        parameters[f"b{l}"] = 0.5 * generator.standard_normal((dims[l], 1))
    X = generator.standard_normal((dims[0], m))
    return parameters, X, _one_hot(_labels(generator, dims[-1], m), dims[-1])


def _init_public():
    return [Case("layer_dims [4, 3, 2]", ([4, 3, 2],)),
            Case("layer_dims [3, 2], seed 5", ([3, 2],), {"seed": 5})]


def _init_hidden():
    cases = [Case(f"layer_dims {list(dims)}, seed {seed}", (list(dims),),
                  {"seed": seed})
             for seed in HIDDEN_SEEDS for dims in DIMS]
    cases.append(Case("layer_dims [100, 25, 12, 6], default seed",
                      ([100, 25, 12, 6],)))
    return cases


def _forward_public():
    parameters, X, _ = _network(1, (3, 2, 2), 4)
    other, X_other, _ = _network(2, (4, 3, 2, 3), 5)
    return [Case("layers [3, 2, 2], X (3, 4)", (X, parameters)),
            Case("another depth: layers [4, 3, 2, 3], X (4, 5)",
                 (X_other, other))]


def _forward_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for dims, m in zip(DIMS, (6, 4, 1)):
            parameters, X, _ = _network(seed, dims, m)
            cases.append(Case(f"seed {seed}, layers {list(dims)}, m = {m}",
                              (X, parameters)))
    return cases


def _backward_inputs(seed, dims, m):
    parameters, X, Y = _network(seed, dims, m)
    ZL, caches = forward_propagation(X, parameters)
    return ZL, Y, caches


def _backward_public():
    return [Case("layers [3, 2, 2], m = 4",
                 _backward_inputs(1, (3, 2, 2), 4)),
            Case("another depth: layers [4, 3, 2, 3], m = 5",
                 _backward_inputs(2, (4, 3, 2, 3), 5)),
            Case("Z1 = 0 in one column (ReLU passes no gradient)",
                 _exact_zeros_in_Z1())]


def _exact_zeros_in_Z1():
    """A network whose Z1 has a column of exact zeros (ReLU's kink)."""
    parameters, X, Y = _network(5, (3, 4, 3), 5)
    X[:, 2] = 0.0
    parameters["b1"] = np.zeros_like(parameters["b1"])
    ZL, caches = forward_propagation(X, parameters)
    return ZL, Y, caches


def _backward_hidden():
    cases = [Case(f"seed {seed}, layers {list(dims)}, m = {m}",
                  _backward_inputs(seed, dims, m))
             for seed in HIDDEN_SEEDS
             for dims, m in zip(DIMS, (6, 4, 1))]
    cases.append(Case("Z1 = 0 in one column (ReLU passes no gradient)",
                      _exact_zeros_in_Z1()))
    return cases


def _predict_public():
    parameters, X, _ = _network(3, (3, 4, 3), 6)
    other, X_other, _ = _network(2, (2, 3, 4), 5)
    return [Case("layers [3, 4, 3], X (3, 6)", (X, parameters)),
            Case("another size: layers [2, 3, 4], X (2, 5)",
                 (X_other, other))]


def _predict_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for dims, m in zip(DIMS, (9, 4, 1)):
            parameters, X, _ = _network(seed, dims, m)
            cases.append(Case(f"seed {seed}, layers {list(dims)}, m = {m}",
                              (X, parameters)))
    return cases


def _model_data(seed, n_x, C, m_train, m_test):
    """Clustered classes: X (n_x, m), one-hot Y (C, m), train and test."""
    generator = rng(seed)
    centres = 2.0 * generator.standard_normal((n_x, C))
    labels = _labels(generator, C, m_train + m_test)
    X = centres[:, labels] + generator.standard_normal((n_x, labels.size))
    Y = _one_hot(labels, C)
    return (X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:])


def _model_public():
    return [Case("n_x = 4, 3 classes, 26 examples, 12 epochs",
                 _model_data(1, 4, 3, 26, 9) + ([4, 5, 3],),
                 {"learning_rate": 0.01, "num_epochs": 12,
                  "minibatch_size": 8}),
            Case("another size: n_x = 3, 2 classes, 15 examples, 4 epochs",
                 _model_data(2, 3, 2, 15, 5) + ([3, 4, 2],),
                 {"learning_rate": 0.02, "num_epochs": 4,
                  "minibatch_size": 4, "print_cost": False})]


def _model_hidden():
    cases = [Case(f"seed {seed}, 4 classes, 37 examples, 11 epochs",
                  _model_data(seed, 5, 4, 37, 10) + ([5, 6, 3, 4],),
                  {"learning_rate": 0.02, "num_epochs": 11,
                   "minibatch_size": 8})
             for seed in HIDDEN_SEEDS]
    cases.append(Case("no printing, 3 classes, 24 examples, batches of 6",
                      _model_data(4, 3, 3, 24, 6) + ([3, 4, 3],),
                      {"learning_rate": 0.05, "num_epochs": 7,
                       "minibatch_size": 6, "print_cost": False}))
    cases.append(Case("default learning rate and batch size, 3 epochs",
                      _model_data(5, 3, 2, 70, 6) + ([3, 4, 2],),
                      {"num_epochs": 3}))
    return cases


SPECS = [
    FunctionSpec("one_hot_matrix", ("one_hot",), 1, _one_hot_public,
                 _one_hot_hidden),
    FunctionSpec("softmax", ("A",), 1, _softmax_public, _softmax_hidden),
    FunctionSpec("compute_cost", ("cost",), 2, _cost_public, _cost_hidden),
    FunctionSpec("cost_backward", ("dZL",), 1, _cost_public, _cost_hidden),
    FunctionSpec("batchnorm_forward", ("Z_tilde", "cache"), 2,
                 _bn_forward_public, _bn_forward_hidden,
                 separate=("Z_tilde", "cache")),
    FunctionSpec("batchnorm_backward", ("dZ", "dgamma", "dbeta"), 2,
                 _bn_backward_public, _bn_backward_hidden,
                 separate=("dZ", "dgamma", "dbeta")),
    FunctionSpec("initialize_parameters", ("parameters",), 1, _init_public,
                 _init_hidden,
                 separate=("parameters",)),
    FunctionSpec("forward_propagation", ("ZL", "caches"), 2,
                 _forward_public, _forward_hidden),
    FunctionSpec("backward_propagation", ("grads",), 2, _backward_public,
                 _backward_hidden,
                 separate=("grads",)),
    FunctionSpec("predict", ("predictions",), 1, _predict_public,
                 _predict_hidden),
    FunctionSpec("model", ("parameters", "costs"), 2, _model_public,
                 _model_hidden, check_printed=True,
                 separate=("parameters",)),
]
