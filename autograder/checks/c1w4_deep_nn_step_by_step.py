"""Check specs for ``c1w4_deep_nn_step_by_step``.

Hidden cases build random networks of depth L = 1 (logistic regression)
to 4, with random non-zero biases, and include single-example batches.
The caches given to the backward functions come from the reference
forward pass on those networks, so every cache is consistent with its
parameters: a gradient computed by finite differences of the cost agrees
with the reference (``ALTERNATIVES`` holds such an implementation of
``L_model_backward``, and the hidden cases accept it).
"""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, labels, rng
from autograder.reference.c1w4_deep_nn_step_by_step import (
    L_model_backward,
    L_model_forward,
    linear_activation_forward,
)
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the activations.
HELPER_FILES = {"dnn_utils.py": "autograder/helpers/dnn_utils.py"}

#: Layer sizes ``[n_0, ..., n_L]`` and batch sizes m of the hidden
#: networks: depths 1 to 4, one single-example batch, one layer of 1 unit.
NETS = (([4, 1], 5), ([3, 4, 1], 6), ([5, 4, 3, 1], 3),
        ([6, 5, 1, 2, 1], 1))

#: (n_l, n_{l-1}, m) of the hidden single layers: a square W, a
#: single example and a single unit.
LAYERS = ((3, 4, 5), (4, 4, 1), (1, 6, 3))


def _parameters(generator, layer_dims):
    """Random ``W{l}`` scaled by 1/sqrt(n_{l-1}) and non-zero ``b{l}``."""
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = (generator.standard_normal((n, n_prev))
                               / np.sqrt(n_prev))
        parameters[f"b{l}"] = 0.2 * generator.standard_normal((n, 1))
    return parameters


def _net(seed, layer_dims, m):
    """A random network with data: X (n_0, m), parameters, Y (1, m)."""
    generator = rng(seed)
    parameters = _parameters(generator, layer_dims)
    X = generator.standard_normal((layer_dims[0], m))
    return X, parameters, labels(generator, m)


def _hidden_nets():
    return [(f"seed {seed}, layers {dims}, m = {m}", _net(seed, dims, m))
            for seed in HIDDEN_SEEDS for dims, m in NETS]


def _layer(seed, n, n_prev, m):
    """One random layer: A_prev (n_prev, m), W (n, n_prev), b (n, 1)."""
    generator = rng(seed)
    A_prev = generator.standard_normal((n_prev, m))
    W = generator.standard_normal((n, n_prev))
    b = generator.standard_normal((n, 1))
    return A_prev, W, b


def _hidden_layers():
    return [(f"seed {seed}, W {(n, n_prev)}, m = {m}",
             _layer(seed, n, n_prev, m))
            for seed in HIDDEN_SEEDS for n, n_prev, m in LAYERS]


# --- The public problem: a fixed network [3, 2, 1] on 4 examples -----------

PUBLIC_X = np.array([[1.0, -0.5, 2.0, 0.0],
                     [0.5, 1.5, -1.0, 2.0],
                     [-1.0, 0.5, 0.5, 1.0]])
PUBLIC_Y = np.array([[1.0, 0.0, 1.0, 0.0]])
PUBLIC_PARAMETERS = {
    "W1": np.array([[0.4, -0.6, 0.2], [-0.3, 0.8, 0.5]]),
    "b1": np.array([[0.1], [-0.2]]),
    "W2": np.array([[1.1, -0.9]]),
    "b2": np.array([[0.05]]),
}
PUBLIC_LAYER = (np.array([[1.0, -2.0, 0.5], [0.0, 1.5, -1.0]]),
                np.array([[0.5, -1.0], [2.0, 0.25], [-0.75, 1.0]]),
                np.array([[0.1], [-0.3], [0.75]]))
# (Z = W A + b has an exact 0 at [2, 0]: the ReLU passes no gradient there.)


# --- initialize_parameters --------------------------------------------------

def _init_public():
    return [Case("n_x = 3, n_h = 2, n_y = 1", (3, 2, 1)),
            Case("n_x = 2, n_h = 4, n_y = 1", (2, 4, 1))]


def _init_hidden():
    return [Case(f"n_x = {n_x}, n_h = {n_h}, n_y = {n_y}", (n_x, n_h, n_y))
            for n_x, n_h, n_y in ((5, 3, 1), (4, 6, 2), (1, 1, 1),
                                  (7, 2, 3))]


# --- initialize_parameters_deep ----------------------------------------------

def _deep_init_public():
    return [Case("layer_dims = [5, 4, 3]", ([5, 4, 3],)),
            Case("layer_dims = [2, 4, 1]", ([2, 4, 1],))]


def _deep_init_hidden():
    return [Case(f"layer_dims = {dims}", (dims,))
            for dims in ([4, 3, 2, 1], [6, 5, 1], [3, 1],
                         [10, 7, 5, 3, 1], [2, 2, 2])]


# --- linear_forward ---------------------------------------------------------

#: A second public layer of another size, (n_l, n_{l-1}, m) = (2, 4, 5).
OTHER_LAYER = (2, 4, 5)


def _other_layer():
    return _layer(3, *OTHER_LAYER)


def _linear_forward_public():
    return [Case("A (2, 3), W (3, 2), b (3, 1)", PUBLIC_LAYER),
            Case("another size: A (4, 5), W (2, 4), b (2, 1)",
                 _other_layer())]


def _linear_forward_hidden():
    return [Case(label, layer) for label, layer in _hidden_layers()]


# --- linear_activation_forward ----------------------------------------------

def _activation_forward_public():
    return [Case(f"{activation}, A_prev (2, 3), W (3, 2)",
                 PUBLIC_LAYER + (activation,))
            for activation in ("sigmoid", "relu")] + [
        Case("another size: relu, A_prev (4, 5), W (2, 4)",
             _other_layer() + ("relu",))]


def _activation_forward_hidden():
    return [Case(f"{label}, {activation}", layer + (activation,))
            for label, layer in _hidden_layers()
            for activation in ("sigmoid", "relu")]


# --- L_model_forward --------------------------------------------------------

def _L_forward_public():
    deeper = _net(2, [3, 4, 2, 1], 2)
    return [Case("layers [3, 2, 1], X (3, 4)", (PUBLIC_X, PUBLIC_PARAMETERS)),
            Case("layers [3, 4, 2, 1], X (3, 2)", deeper[:2])]


def _L_forward_hidden():
    return [Case(label, net[:2]) for label, net in _hidden_nets()]


# --- compute_cost -----------------------------------------------------------

def _cost_public():
    return [Case("m = 4", (np.array([[0.7, 0.2, 0.9, 0.6]]),
                           np.array([[1.0, 0.0, 1.0, 1.0]]))),
            Case("m = 1", (np.array([[0.25]]), np.array([[0.0]])))]


def _cost_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for m in (7, 2, 1):
            generator = rng(seed)
            AL = generator.uniform(0.02, 0.98, (1, m))
            cases.append(Case(f"seed {seed}, m = {m}",
                              (AL, labels(generator, m))))
    return cases


# --- linear_backward --------------------------------------------------------

def _backward_layer(seed, n, n_prev, m):
    """dZ (n, m) and a linear cache (A_prev, W, b)."""
    A_prev, W, b = _layer(seed, n, n_prev, m)
    dZ = rng(seed + 1000).standard_normal((n, m))
    return dZ, (A_prev, W, b)


def _linear_backward_public():
    dZ = np.array([[0.5, -1.0, 0.25], [1.0, 0.0, -0.5], [-0.2, 0.4, 0.6]])
    return [Case("dZ (3, 3), A_prev (2, 3), W (3, 2)", (dZ, PUBLIC_LAYER)),
            Case("another size: dZ (2, 5), A_prev (4, 5), W (2, 4)",
                 _backward_layer(3, *OTHER_LAYER))]


def _linear_backward_hidden():
    return [Case(f"seed {seed}, W {(n, n_prev)}, m = {m}",
                 _backward_layer(seed, n, n_prev, m))
            for seed in HIDDEN_SEEDS for n, n_prev, m in LAYERS]


# --- linear_activation_backward ---------------------------------------------

def _activation_backward_case(seed, n, n_prev, m, activation):
    """dA (n, m) and the cache of a real forward step."""
    A_prev, W, b = _layer(seed, n, n_prev, m)
    _, cache = linear_activation_forward(A_prev, W, b, activation)
    dA = rng(seed + 2000).standard_normal((n, m))
    return dA, cache, activation


def _activation_backward_public():
    dA = np.array([[0.5, -1.0, 0.25], [1.0, 2.0, -0.5], [-0.2, 0.4, 0.6]])
    return [Case(f"{activation}, dA (3, 3), A_prev (2, 3), W (3, 2)",
                 (dA,) + (linear_activation_forward(*PUBLIC_LAYER,
                                                    activation)[1],
                          activation))
            for activation in ("sigmoid", "relu")] + [
        Case("another size: relu, dA (2, 5), A_prev (4, 5), W (2, 4)",
             _activation_backward_case(3, *OTHER_LAYER, "relu"))]


def _activation_backward_hidden():
    cases = [Case(f"seed {seed}, W {(n, n_prev)}, m = {m}, {activation}",
                  _activation_backward_case(seed, n, n_prev, m, activation))
             for seed in HIDDEN_SEEDS for n, n_prev, m in LAYERS
             for activation in ("sigmoid", "relu")]
    # Z with exact zeros: the ReLU passes no gradient at z = 0.
    A_prev, W, _ = _layer(5, 3, 2, 4)
    A_prev[:, 1] = 0.0
    _, cache = linear_activation_forward(A_prev, W, np.zeros((3, 1)), "relu")
    cases.append(Case("relu, Z = 0 in one column",
                      (np.ones((3, 4)), cache, "relu")))
    return cases


# --- L_model_backward -------------------------------------------------------

def _L_backward(X, parameters, Y):
    AL, caches = L_model_forward(X, parameters)
    return AL, Y, caches


def _L_backward_public():
    deeper = _net(2, [3, 4, 2, 1], 2)
    return [Case("layers [3, 2, 1], X (3, 4)",
                 _L_backward(PUBLIC_X, PUBLIC_PARAMETERS, PUBLIC_Y)),
            Case("layers [3, 4, 2, 1], X (3, 2)", _L_backward(*deeper))]


def _L_backward_hidden():
    cases = [Case(label, _L_backward(*net)) for label, net in _hidden_nets()]
    X, parameters, Y = _net(5, [4, 3, 1], 5)
    cases.append(Case("layers [4, 3, 1], Y given as m values, shape (5,)",
                      _L_backward(X, parameters, Y.reshape(-1))))
    return cases


# --- update_parameters ------------------------------------------------------

def _update_problem(seed, layer_dims):
    """Random parameters and the gradients of a real backward pass."""
    X, parameters, Y = _net(seed, layer_dims, 4)
    grads = L_model_backward(*_L_backward(X, parameters, Y))
    return parameters, grads


def _update_public():
    grads = L_model_backward(*_L_backward(PUBLIC_X, PUBLIC_PARAMETERS,
                                          PUBLIC_Y))
    return [Case("layers [3, 2, 1], learning rate 0.1",
                 (PUBLIC_PARAMETERS, grads, 0.1)),
            Case("another depth: layers [4, 3, 2, 1], learning rate 0.5",
                 _update_problem(3, [4, 3, 2, 1]) + (0.5,))]


def _update_hidden():
    return [Case(f"seed {seed}, layers {dims}, learning rate {rate}",
                 _update_problem(seed, dims) + (rate,))
            for seed in HIDDEN_SEEDS
            for dims, rate in (([3, 1], 0.5), ([4, 3, 1], 0.1),
                               ([5, 4, 2, 1], 1.3))]


SPECS = [
    FunctionSpec("initialize_parameters", ("parameters",), 1, _init_public,
                 _init_hidden,
                 separate=("parameters",)),
    FunctionSpec("initialize_parameters_deep", ("parameters",), 1,
                 _deep_init_public, _deep_init_hidden,
                 separate=("parameters",)),
    FunctionSpec("linear_forward", ("Z", "cache"), 1,
                 _linear_forward_public, _linear_forward_hidden),
    FunctionSpec("linear_activation_forward", ("A", "cache"), 1,
                 _activation_forward_public, _activation_forward_hidden,
                 separate=("A", "cache")),
    FunctionSpec("L_model_forward", ("AL", "caches"), 2, _L_forward_public,
                 _L_forward_hidden,
                 separate=("AL", "caches")),
    FunctionSpec("compute_cost", ("cost",), 1, _cost_public, _cost_hidden,
                 types={"cost": "number"}),
    FunctionSpec("linear_backward", ("dA_prev", "dW", "db"), 1,
                 _linear_backward_public, _linear_backward_hidden,
                 separate=("dA_prev", "dW", "db")),
    FunctionSpec("linear_activation_backward", ("dA_prev", "dW", "db"), 1,
                 _activation_backward_public, _activation_backward_hidden,
                 separate=("dA_prev", "dW", "db")),
    FunctionSpec("L_model_backward", ("grads",), 2, _L_backward_public,
                 _L_backward_hidden,
                 separate=("grads",)),
    # Updating the caller's dict in place or returning a new one are both
    # accepted: the training loops use the returned dict.
    FunctionSpec("update_parameters", ("parameters",), 1, _update_public,
                 _update_hidden, may_mutate=True,
                 separate=("parameters",)),
]
