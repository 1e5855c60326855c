"""Mutants and correct alternatives for ``c1w4_deep_nn_step_by_step``."""
import numpy as np

from autograder.reference.c1w4_deep_nn_step_by_step import (
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    relu,
    relu_backward,
    sigmoid,
    sigmoid_backward,
)
from autograder.spec import Mutant

# --- initialize_parameters --------------------------------------------------

def _two_layer(n_x, n_h, n_y, seed=1, scale=0.01, transpose=False,
               rank1_bias=False, draw_bias=False):
    np.random.seed(seed)
    shape1, shape2 = ((n_x, n_h), (n_h, n_y)) if transpose else (
        (n_h, n_x), (n_y, n_h))
    W1 = np.random.randn(*shape1) * scale
    b1 = np.random.randn(n_h, 1) * scale if draw_bias else np.zeros((n_h, 1))
    W2 = np.random.randn(*shape2) * scale
    b2 = np.zeros((n_y, 1))
    if rank1_bias:
        b1, b2 = np.zeros(n_h), np.zeros(n_y)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def init_not_scaled(n_x, n_h, n_y):
    return _two_layer(n_x, n_h, n_y, scale=1.0)


def init_transposed(n_x, n_h, n_y):
    return _two_layer(n_x, n_h, n_y, transpose=True)


def init_rank1_biases(n_x, n_h, n_y):
    return _two_layer(n_x, n_h, n_y, rank1_bias=True)


def init_random_biases(n_x, n_h, n_y):
    return _two_layer(n_x, n_h, n_y, draw_bias=True)


def init_no_seed(n_x, n_h, n_y):
    np.random.seed(None)
    return {"W1": np.random.randn(n_h, n_x) * 0.01,
            "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01,
            "b2": np.zeros((n_y, 1))}


def init_standard_normal(n_x, n_h, n_y):
    np.random.seed(1)
    return {"W1": 0.01 * np.random.standard_normal((n_h, n_x)),
            "b1": np.zeros([n_h, 1]),
            "W2": 0.01 * np.random.standard_normal((n_y, n_h)),
            "b2": np.zeros([n_y, 1])}


# --- initialize_parameters_deep ---------------------------------------------

def _deep(layer_dims, seed=3, scaled=False, factor=0.01, layers=None,
          transpose=False):
    np.random.seed(seed)
    parameters = {}
    last = len(layer_dims) if layers is None else layers
    for l in range(1, last):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        shape = (n_prev, n) if transpose else (n, n_prev)
        W = np.random.randn(*shape)
        parameters[f"W{l}"] = W / np.sqrt(n_prev) if scaled else W * factor
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


def deep_init_application(layer_dims):
    return _deep(layer_dims, seed=1, scaled=True)


def deep_init_seed_1(layer_dims):
    return _deep(layer_dims, seed=1)


def deep_init_not_scaled(layer_dims):
    return _deep(layer_dims, factor=1.0)


def deep_init_last_layer_missing(layer_dims):
    return _deep(layer_dims, layers=len(layer_dims) - 1)


def deep_init_transposed(layer_dims):
    return _deep(layer_dims, transpose=True)


def deep_init_zip(layer_dims):
    rs = np.random.RandomState(3)
    sizes = zip(layer_dims[:-1], layer_dims[1:])
    parameters = {}
    for l, (n_prev, n) in enumerate(sizes, start=1):
        parameters["W" + str(l)] = rs.standard_normal((n, n_prev)) / 100
        parameters["b" + str(l)] = np.zeros((n, 1), dtype=np.float64)
    return parameters


# --- linear_forward ---------------------------------------------------------

def linear_forward_no_bias(A, W, b):
    return np.dot(W, A), (A, W, b)


def linear_forward_cache_order(A, W, b):
    return np.dot(W, A) + b, (W, A, b)


def linear_forward_cache_list(A, W, b):
    return np.dot(W, A) + b, [A, W, b]


def linear_forward_bias_subtracted(A, W, b):
    return np.dot(W, A) - b, (A, W, b)


def linear_forward_einsum(A, W, b):
    return np.einsum("ij,jk->ik", W, A) + b, (A, W, b)


# --- linear_activation_forward ----------------------------------------------

def _activation_forward(A_prev, W, b, activation, swap=False,
                        cache_order=False, cache_A=False):
    Z, linear_cache = linear_forward(A_prev, W, b)
    use_sigmoid = (activation == "sigmoid") != swap
    A, Z_cache = sigmoid(Z) if use_sigmoid else relu(Z)
    activation_cache = A if cache_A else Z_cache
    if cache_order:
        return A, (activation_cache, linear_cache)
    return A, (linear_cache, activation_cache)


def activation_forward_swapped(A_prev, W, b, activation):
    return _activation_forward(A_prev, W, b, activation, swap=True)


def activation_forward_cache_order(A_prev, W, b, activation):
    return _activation_forward(A_prev, W, b, activation, cache_order=True)


def activation_forward_caches_A(A_prev, W, b, activation):
    return _activation_forward(A_prev, W, b, activation, cache_A=True)


def activation_forward_tanh_for_relu(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z)[0] if activation == "sigmoid" else np.tanh(Z)
    return A, (linear_cache, Z)


def activation_forward_relu_in_place(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = sigmoid(Z)[0]
    else:
        A = Z
        A[A < 0] = 0
    return A, (linear_cache, Z)


def activation_forward_inline(A_prev, W, b, activation):
    Z = W @ A_prev + b
    if activation == "relu":
        A = Z * (Z > 0)
    else:
        A = np.exp(-np.logaddexp(0, -Z))
    return A, ((A_prev, W, b), Z)


# --- L_model_forward --------------------------------------------------------

def _L_forward(X, parameters, hidden="relu", output="sigmoid",
               keep_last=True, reverse=False):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"],
                                             parameters[f"b{l}"], hidden)
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"],
                                          parameters[f"b{L}"], output)
    if keep_last:
        caches.append(cache)
    return AL, caches[::-1] if reverse else caches


def L_forward_relu_in_place(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = activation_forward_relu_in_place(
            A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"],
                                          parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


def L_forward_all_sigmoid(X, parameters):
    return _L_forward(X, parameters, hidden="sigmoid")


def L_forward_all_relu(X, parameters):
    return _L_forward(X, parameters, output="relu")


def L_forward_last_cache_missing(X, parameters):
    return _L_forward(X, parameters, keep_last=False)


def L_forward_caches_reversed(X, parameters):
    return _L_forward(X, parameters, reverse=True)


def L_forward_length_not_halved(X, parameters):
    caches = []
    A = X
    L = len(parameters)
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"],
                                             parameters[f"b{l}"], "relu")
        caches.append(cache)
    return A, caches


def L_forward_recursive(X, parameters):
    L = len(parameters) // 2

    def run(A, l):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(
            A, parameters["W%d" % l], parameters["b%d" % l], activation)
        if l == L:
            return A, [cache]
        AL, rest = run(A, l + 1)
        return AL, [cache] + rest

    return run(X, 1)


# --- compute_cost -----------------------------------------------------------

def cost_no_minus(AL, Y):
    m = Y.shape[1]
    return np.squeeze(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def cost_not_averaged(AL, Y):
    return np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def cost_not_squeezed(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m


def cost_positive_term_only(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-np.sum(Y * np.log(AL)) / m)


def cost_dot_form(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost)


def cost_mean(AL, Y):
    return float(-np.mean(np.where(Y == 1, np.log(AL), np.log1p(-AL))))


# --- linear_backward --------------------------------------------------------

def _linear_backward(dZ, cache, dw_scale=True, keepdims=True, db_axis=1,
                     da_scale=False, transpose_dw=False):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(A_prev, dZ.T) if transpose_dw else np.dot(dZ, A_prev.T)
    if dw_scale:
        dW = dW / m
    db = np.sum(dZ, axis=db_axis, keepdims=keepdims) / m
    dA_prev = np.dot(W.T, dZ)
    if da_scale:
        dA_prev = dA_prev / m
    return dA_prev, dW, db


def linear_backward_dW_not_averaged(dZ, cache):
    return _linear_backward(dZ, cache, dw_scale=False)


def linear_backward_db_rank1(dZ, cache):
    return _linear_backward(dZ, cache, keepdims=False)


def linear_backward_db_wrong_axis(dZ, cache):
    return _linear_backward(dZ, cache, db_axis=0)


def linear_backward_dA_prev_averaged(dZ, cache):
    return _linear_backward(dZ, cache, da_scale=True)


def linear_backward_dW_transposed(dZ, cache):
    return _linear_backward(dZ, cache, transpose_dw=True)


def linear_backward_loop(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        dz = dZ[:, i:i + 1]
        dW += np.outer(dz, A_prev[:, i]) / m
        db += dz / m
        dA_prev[:, i:i + 1] = W.T @ dz
    return dA_prev, dW, db


# --- linear_activation_backward ---------------------------------------------

def _activation_backward(dA, cache, activation, swap=False, skip=False):
    linear_cache, Z = cache
    use_sigmoid = (activation == "sigmoid") != swap
    if skip:
        dZ = dA
    elif use_sigmoid:
        dZ = sigmoid_backward(dA, Z)
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


def activation_backward_swapped(dA, cache, activation):
    return _activation_backward(dA, cache, activation, swap=True)


def activation_backward_no_derivative(dA, cache, activation):
    return _activation_backward(dA, cache, activation, skip=True)


def activation_backward_relu_one_at_zero(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (Z >= 0)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


def activation_backward_uses_A_for_sigmoid(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * sigmoid(s)[0] * (1 - sigmoid(s)[0])
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


def activation_backward_inline(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = np.where(Z > 0, dA, 0.0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


# --- L_model_backward -------------------------------------------------------

def _L_backward(AL, Y, caches, start=None, hidden="relu", output="sigmoid",
                shift=0):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = (-(Y / AL - (1 - Y) / (1 - AL)) if start is None
           else start(AL, Y))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], output)
    grads[f"dA{L - 1 + shift}"] = dA_prev
    grads[f"dW{L}"], grads[f"db{L}"] = dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(
            grads[f"dA{l + 1 + shift}"], caches[l], hidden)
        grads[f"dA{l + shift}"] = dA_prev
        grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = dW, db
    return grads


def L_backward_sign_flipped(AL, Y, caches):
    return _L_backward(AL, Y, caches,
                       start=lambda AL, Y: Y / AL - (1 - Y) / (1 - AL))


def L_backward_starts_from_dZ(AL, Y, caches):
    return _L_backward(AL, Y, caches, start=lambda AL, Y: AL - Y)


def L_backward_relu_output(AL, Y, caches):
    return _L_backward(AL, Y, caches, output="relu")


def L_backward_all_sigmoid(AL, Y, caches):
    return _L_backward(AL, Y, caches, hidden="sigmoid")


def L_backward_dA_keys_shifted(AL, Y, caches):
    return _L_backward(AL, Y, caches, shift=1)


def L_backward_output_shortcut(AL, Y, caches):
    """Uses dZ_L = AL - Y, the sigmoid and cross-entropy combined."""
    L = len(caches)
    grads = {}
    dZ = AL - Y.reshape(AL.shape)
    for l in range(L, 0, -1):
        linear_cache, Z = caches[l - 1]
        if l < L:
            dZ = relu_backward(grads["dA" + str(l)], Z)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        grads["dA" + str(l - 1)] = dA_prev
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads


def L_backward_finite_differences(AL, Y, caches, eps=1e-5):
    """Every gradient by central differences of the cost, no chain rule.

    ``dW{l}`` and ``db{l}`` are derivatives of the cost J; the ``dA{l}``
    of the backward pass are derivatives of the summed loss, m * J.
    """
    L = len(caches)
    inputs = [cache[0][0].copy() for cache in caches]  # A0 = X, ..., A_{L-1}
    weights = [cache[0][1].copy() for cache in caches]
    biases = [cache[0][2].copy() for cache in caches]
    Y = Y.reshape(AL.shape)
    m = Y.shape[1]

    def cost_from(layer):
        """J when the forward pass restarts at the input of ``layer``."""
        A = inputs[layer]
        for k in range(layer, L):
            Z = weights[k] @ A + biases[k]
            A = 1 / (1 + np.exp(-Z)) if k == L - 1 else np.maximum(Z, 0)
        return -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))

    def slope(array, layer):
        gradient = np.zeros(array.shape)
        for index in np.ndindex(array.shape):
            saved = array[index]
            array[index] = saved + eps
            plus = cost_from(layer)
            array[index] = saved - eps
            minus = cost_from(layer)
            array[index] = saved
            gradient[index] = (plus - minus) / (2 * eps)
        return gradient

    grads = {}
    for layer in range(L):
        grads[f"dA{layer}"] = m * slope(inputs[layer], layer)
        grads[f"dW{layer + 1}"] = slope(weights[layer], 0)
        grads[f"db{layer + 1}"] = slope(biases[layer], 0)
    return grads


# --- update_parameters ------------------------------------------------------

def _update(parameters, grads, learning_rate, sign=-1.0, layers=None,
            update_b=True, rate=None):
    parameters = dict(parameters)
    L = len(parameters) // 2
    last = L + 1 if layers is None else layers
    step = (learning_rate if rate is None else rate) * sign
    for l in range(1, last):
        parameters[f"W{l}"] = parameters[f"W{l}"] + step * grads[f"dW{l}"]
        if update_b:
            parameters[f"b{l}"] = parameters[f"b{l}"] + step * grads[f"db{l}"]
    return parameters


def update_ascent(parameters, grads, learning_rate):
    return _update(parameters, grads, learning_rate, sign=1.0)


def update_last_layer_skipped(parameters, grads, learning_rate):
    return _update(parameters, grads, learning_rate,
                   layers=len(parameters) // 2)


def update_weights_only(parameters, grads, learning_rate):
    return _update(parameters, grads, learning_rate, update_b=False)


def update_fixed_rate(parameters, grads, learning_rate):
    return _update(parameters, grads, learning_rate, rate=0.01)


def update_in_place(parameters, grads, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters


# --- further learner mistakes (order, seed, formula pieces) ------------------

def init_W2_drawn_first(n_x, n_h, n_y):
    np.random.seed(1)
    W2 = np.random.randn(n_y, n_h) * 0.01
    W1 = np.random.randn(n_h, n_x) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)),
            "W2": W2, "b2": np.zeros((n_y, 1))}


def init_uniform_rand(n_x, n_h, n_y):
    np.random.seed(1)
    return {"W1": np.random.rand(n_h, n_x) * 0.01,
            "b1": np.zeros((n_h, 1)),
            "W2": np.random.rand(n_y, n_h) * 0.01,
            "b2": np.zeros((n_y, 1))}


def init_seed_3(n_x, n_h, n_y):
    return _two_layer(n_x, n_h, n_y, seed=3)


def deep_init_seed_every_layer(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        np.random.seed(3)
        parameters[f"W{l}"] = np.random.randn(
            layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def cost_Y_in_both_terms(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost)


def cost_log10(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)) / m
    return np.squeeze(cost)


def linear_backward_db_total(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ) / m


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("update_parameters", "gradient ascent")

# --- more mistakes, one per function ----------------------------------------

def init_bias_matrix(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, n_x))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def deep_init_one_layer_too_many(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims) + 1):
        parameters["W" + str(l)] = np.random.randn(
            layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def deep_init_biases_of_previous_layer(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(
            layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l - 1], 1))
    return parameters


def linear_forward_cache_without_b(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (A, W)


def activation_forward_capitalized(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "Sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError("activation must be sigmoid or relu")
    return A, (linear_cache, activation_cache)


def activation_forward_flat_cache(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, linear_cache + (activation_cache,)


def L_forward_hidden_loop_short(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L - 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)],
                                          parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def L_forward_every_layer_reads_X(X, parameters):
    caches = []
    L = len(parameters) // 2
    for l in range(1, L):
        _, cache = linear_activation_forward(X, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(X, parameters["W" + str(L)],
                                          parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def linear_backward_W_not_transposed(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W, dZ)
    return dA_prev, dW, db


def activation_backward_cache_reversed(dA, cache, activation):
    activation_cache, linear_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


def L_backward_same_dA_for_hidden(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = (
        linear_activation_backward(dAL, caches[L - 1], "sigmoid"))
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(
            grads["dA" + str(L - 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dW, db
    return grads


MUTANTS = {
    "initialize_parameters": [
        Mutant("weights not scaled by 0.01", init_not_scaled,
               "multiply the random weights by 0.01"),
        Mutant("weights transposed", init_transposed),
        Mutant("rank-1 biases", init_rank1_biases,
               "biases are columns: np.zeros((n_h, 1)) and "
               "np.zeros((n_y, 1))"),
        Mutant("random biases", init_random_biases,
               "the biases start at zero; draw only W1, then W2"),
        Mutant("no seed", init_no_seed),
        Mutant("W2 drawn before W1", init_W2_drawn_first,
               "the draws come in a fixed order after the seed: W1 first, "
               "then W2, or each gets the other's numbers"),
        Mutant("np.random.rand", init_uniform_rand,
               "np.random.rand draws uniformly from [0, 1); the weights "
               "come from the standard normal, np.random.randn"),
        Mutant("seed 3", init_seed_3,
               "this two-layer version uses np.random.seed(1); seed 3 "
               "belongs to the deep version"),
        Mutant("biases of shape (n_h, n_x)", init_bias_matrix,
               "b1 holds one bias per hidden unit: shape (n_h, 1), not "
               "the shape of W1"),
    ],
    "initialize_parameters_deep": [
        Mutant("the application's initialization",
               deep_init_application,
               "this exercise seeds with 3 and multiplies by 0.01; dividing "
               "by sqrt(n_prev) is the application's initialization"),
        Mutant("seed 1", deep_init_seed_1,
               "seed the generator with np.random.seed(3)"),
        Mutant("weights not scaled by 0.01", deep_init_not_scaled,
               "multiply the random weights by 0.01"),
        Mutant("last layer missing", deep_init_last_layer_missing,
               "create W{l} and b{l} for every l from 1 to "
               "len(layer_dims) - 1 included"),
        Mutant("weights transposed", deep_init_transposed),
        Mutant("seed in the loop", deep_init_seed_every_layer,
               "call np.random.seed(3) once, before the loop: seeding "
               "again in every layer repeats the same numbers"),
        Mutant("one layer too many", deep_init_one_layer_too_many,
               "layer_dims starts with the input size, so the network has "
               "len(layer_dims) - 1 layers: stop the loop there"),
        Mutant("biases of the previous layer",
               deep_init_biases_of_previous_layer,
               "b{l} holds one bias per unit of layer l: shape "
               "(layer_dims[l], 1), like the rows of W{l}"),
    ],
    "linear_forward": [
        Mutant("bias forgotten", linear_forward_no_bias,
               "Z = W A + b: add the bias"),
        Mutant("bias subtracted", linear_forward_bias_subtracted,
               "Z = W A + b: add the bias"),
        Mutant("cache in the wrong order", linear_forward_cache_order,
               "the cache is the tuple (A, W, b), in that order"),
        Mutant("cache as a list", linear_forward_cache_list),
        Mutant("cache without b", linear_forward_cache_without_b,
               "keep all three inputs in the cache, the tuple (A, W, b): "
               "the backward pass unpacks three values"),
    ],
    "linear_activation_forward": [
        Mutant("activations swapped", activation_forward_swapped,
               "use sigmoid when activation is \"sigmoid\" and relu when "
               "it is \"relu\""),
        Mutant("cache in the wrong order", activation_forward_cache_order,
               "the cache is (linear_cache, activation_cache), in that "
               "order"),
        Mutant("caches A instead of Z", activation_forward_caches_A,
               "the activation cache is Z (the cache that sigmoid and "
               "relu return), not A"),
        Mutant("tanh instead of relu", activation_forward_tanh_for_relu),
        Mutant("\"Sigmoid\" with a capital S", activation_forward_capitalized,
               "string comparison is exact: the activation names are "
               "lowercase, \"sigmoid\" and \"relu\""),
        Mutant("cache flattened", activation_forward_flat_cache,
               "the cache is a pair of two caches, (linear_cache, "
               "activation_cache), not one flat tuple"),
        Mutant("relu in place on Z", activation_forward_relu_in_place,
               "`A = Z` gives one array two names: setting A's negative "
               "entries to 0 also changes the Z kept in the cache; use "
               "relu(Z) or np.maximum(0, Z)"),
    ],
    "L_model_forward": [
        Mutant("relu in place on Z", L_forward_relu_in_place,
               "`A = Z` gives one array two names: setting A's negative "
               "entries to 0 also changes the Z kept in the cache; use "
               "relu(Z) or np.maximum(0, Z)"),
        Mutant("sigmoid in the hidden layers", L_forward_all_sigmoid,
               "layers 1 to L-1 use \"relu\"; only layer L uses "
               "\"sigmoid\""),
        Mutant("relu in the output layer", L_forward_all_relu,
               "the output layer L uses \"sigmoid\""),
        Mutant("last cache missing", L_forward_last_cache_missing,
               "caches must hold L caches: append the output layer's "
               "cache too"),
        Mutant("caches in reverse order", L_forward_caches_reversed,
               "caches[0] is the cache of layer 1, caches[L-1] that of "
               "layer L"),
        Mutant("L = len(parameters)", L_forward_length_not_halved),
        Mutant("hidden loop one layer short", L_forward_hidden_loop_short,
               "the hidden relu layers are l = 1 to L - 1, which is "
               "range(1, L); then comes layer L"),
        Mutant("every layer reads X", L_forward_every_layer_reads_X,
               "only layer 1 reads X; every later layer takes the previous "
               "layer's output as its A_prev"),
    ],
    "compute_cost": [
        Mutant("no minus sign", cost_no_minus,
               "the cost has a minus sign in front: -1/m * sum(...)"),
        Mutant("sum instead of mean", cost_not_averaged,
               "divide the sum by the number of examples m"),
        Mutant("cost left as a (1, 1) array", cost_not_squeezed,
               "the cost is a single number: use np.squeeze on it"),
        Mutant("only the y log(a) term", cost_positive_term_only,
               "the cost has two terms: Y log(AL) and (1 - Y) log(1 - AL)"),
        Mutant("Y in both terms", cost_Y_in_both_terms,
               "the second term pairs log(1 - AL) with 1 - Y, not Y; with "
               "np.dot mind which factor is transposed"),
        Mutant("log10", cost_log10,
               "the cross-entropy uses the natural log, np.log, not "
               "np.log10"),
    ],
    "linear_backward": [
        Mutant("dW without 1/m", linear_backward_dW_not_averaged,
               "dW is an average over the m examples: "
               "1/m * dZ A_prev.T"),
        Mutant("db without keepdims", linear_backward_db_rank1,
               "keep db a column: np.sum(dZ, axis=1, keepdims=True)"),
        Mutant("db summed over the wrong axis",
               linear_backward_db_wrong_axis,
               "sum dZ over the examples, which are the columns: axis=1"),
        Mutant("db summed over everything", linear_backward_db_total,
               "np.sum without axis adds up every entry into one number; "
               "db sums over the examples only: axis=1, keepdims=True"),
        Mutant("dA_prev with 1/m", linear_backward_dA_prev_averaged,
               "dA_prev = W.T dZ has no 1/m"),
        Mutant("dW transposed", linear_backward_dW_transposed),
        Mutant("W not transposed in dA_prev",
               linear_backward_W_not_transposed,
               "dA_prev has the shape of A_prev: multiply dZ by the "
               "transpose of W"),
    ],
    "linear_activation_backward": [
        Mutant("activations swapped", activation_backward_swapped,
               "use relu_backward for \"relu\" and sigmoid_backward for "
               "\"sigmoid\""),
        Mutant("activation derivative skipped",
               activation_backward_no_derivative,
               "first turn dA into dZ with relu_backward or "
               "sigmoid_backward, then call linear_backward"),
        Mutant("ReLU derivative 1 at z = 0",
               activation_backward_relu_one_at_zero,
               "this course takes the ReLU's derivative to be 0 at z = 0, "
               "as relu_backward does"),
        Mutant("sigmoid derivative of A instead of Z",
               activation_backward_uses_A_for_sigmoid),
        Mutant("cache unpacked in the wrong order",
               activation_backward_cache_reversed,
               "the cache holds (linear_cache, activation_cache) in that "
               "order: unpack it in the same order"),
    ],
    "L_model_backward": [
        Mutant("dAL with the wrong sign", L_backward_sign_flipped,
               "dAL = -(Y / AL - (1 - Y) / (1 - AL)), with the minus sign"),
        Mutant("starts from AL - Y as dAL", L_backward_starts_from_dZ,
               "AL - Y is dZ of the output layer; linear_activation_backward"
               " expects dAL = -(Y / AL - (1 - Y) / (1 - AL))"),
        Mutant("relu in the output layer", L_backward_relu_output,
               "the output layer L is a sigmoid layer"),
        Mutant("sigmoid in the hidden layers", L_backward_all_sigmoid,
               "layers 1 to L-1 are relu layers"),
        Mutant("dA keys shifted by one", L_backward_dA_keys_shifted,
               "the output layer's step fills grads[\"dA{L-1}\"], and the "
               "last step fills grads[\"dA0\"]"),
        Mutant("every hidden layer fed dA{L-1}",
               L_backward_same_dA_for_hidden,
               "each hidden layer l + 1 starts from grads[\"dA{l + 1}\"], "
               "the dA that the layer above it returned"),
    ],
    "update_parameters": [
        Mutant("gradient ascent", update_ascent,
               "gradient descent subtracts: W = W - learning_rate * dW"),
        Mutant("last layer not updated", update_last_layer_skipped,
               "update every layer, l = 1 to L included"),
        Mutant("biases not updated", update_weights_only,
               "update b{l} as well: b = b - learning_rate * db"),
        Mutant("learning rate ignored", update_fixed_rate,
               "use the learning_rate argument"),
    ],
}

ALTERNATIVES = {
    "initialize_parameters": [init_standard_normal],
    "initialize_parameters_deep": [deep_init_zip],
    "linear_forward": [linear_forward_einsum],
    "linear_activation_forward": [activation_forward_inline],
    "L_model_forward": [L_forward_recursive],
    "compute_cost": [cost_dot_form, cost_mean],
    "linear_backward": [linear_backward_loop],
    "linear_activation_backward": [activation_backward_inline],
    "L_model_backward": [L_backward_output_shortcut,
                         L_backward_finite_differences],
    "update_parameters": [update_in_place],
}
