"""Mutants and correct alternatives for ``c2w1_regularization``."""
import numpy as np

from autograder.helpers.reg_utils import compute_cost, relu, sigmoid
from autograder.spec import Mutant

# --- compute_cost_with_regularization ----------------------------------------

def _penalized(A3, Y, parameters, factor, keys=("W1", "W2", "W3"),
               square=True):
    total = sum(np.sum(parameters[k] ** 2) if square
                else np.linalg.norm(parameters[k]) for k in keys)
    return compute_cost(A3, Y) + factor * total


def cost_without_1_over_m(A3, Y, parameters, lambd):
    return _penalized(A3, Y, parameters, lambd / 2)


def cost_precedence(A3, Y, parameters, lambd):
    return _penalized(A3, Y, parameters, lambd / 2 * Y.shape[1])


def cost_without_one_half(A3, Y, parameters, lambd):
    return _penalized(A3, Y, parameters, lambd / Y.shape[1])


def cost_forgets_W3(A3, Y, parameters, lambd):
    return _penalized(A3, Y, parameters, lambd / (2 * Y.shape[1]),
                      keys=("W1", "W2"))


def cost_penalizes_biases(A3, Y, parameters, lambd):
    return _penalized(A3, Y, parameters, lambd / (2 * Y.shape[1]),
                      keys=("W1", "b1", "W2", "b2", "W3", "b3"))


def cost_norms_not_squared(A3, Y, parameters, lambd):
    return _penalized(A3, Y, parameters, lambd / (2 * Y.shape[1]),
                      square=False)


def cost_frobenius_norms(A3, Y, parameters, lambd):
    m = Y.shape[1]
    penalty = 0.0
    for l in (1, 2, 3):
        penalty += np.linalg.norm(parameters["W" + str(l)], "fro") ** 2
    return compute_cost(A3, Y) + lambd * penalty / (2 * m)


# --- backward passes ---------------------------------------------------------

def _backward(X, Y, A, W, decay, masks=None, keep_prob=1.0, divide=True,
              layers_masked=(1, 2), derivative=None, biases=None):
    """A generic backward pass of the three-layer network.

    ``A`` = (A1, A2, A3), ``W`` = (W1, W2, W3); ``decay`` maps a layer to
    the factor of W added to dW; ``masks`` = (D1, D2) or None.
    """
    m = X.shape[1]
    A1, A2, A3 = A
    W1, W2, W3 = W
    derivative = derivative or (lambda a: a > 0)
    inputs = {1: X, 2: A1, 3: A2}
    outputs = {1: A1, 2: A2}
    weights = {1: W1, 2: W2, 3: W3}
    grads = {"dZ3": A3 - Y}
    for l in (3, 2, 1):
        dZ = grads[f"dZ{l}"]
        grads[f"dW{l}"] = dZ @ inputs[l].T / m + decay(l) * weights[l]
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
        if biases is not None and l in biases:
            grads[f"db{l}"] = grads[f"db{l}"] + decay(l) * biases[l]
        if l == 1:
            break
        dA = weights[l].T @ dZ
        if masks is not None and (l - 1) in layers_masked:
            dA = dA * masks[l - 2]
            if divide:
                dA = dA / keep_prob
        grads[f"dA{l - 1}"] = dA
        grads[f"dZ{l - 1}"] = dA * derivative(outputs[l - 1])
    order = ("dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1",
             "dW1", "db1")
    return {key: grads[key] for key in order}


def _unpack_plain(cache):
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    return (A1, A2, A3), (W1, W2, W3)


def reg_without_decay(X, Y, cache, lambd):
    A, W = _unpack_plain(cache)
    return _backward(X, Y, A, W, lambda l: 0.0)


def reg_decay_without_1_over_m(X, Y, cache, lambd):
    A, W = _unpack_plain(cache)
    return _backward(X, Y, A, W, lambda l: lambd)


def reg_decay_doubled(X, Y, cache, lambd):
    A, W = _unpack_plain(cache)
    return _backward(X, Y, A, W, lambda l: 2 * lambd / X.shape[1])


def reg_forgets_W3(X, Y, cache, lambd):
    A, W = _unpack_plain(cache)
    return _backward(X, Y, A, W,
                     lambda l: 0.0 if l == 3 else lambd / X.shape[1])


def reg_decays_b3_too(X, Y, cache, lambd):
    A, W = _unpack_plain(cache)
    return _backward(X, Y, A, W, lambda l: lambd / X.shape[1],
                     biases={3: cache[-1]})


def reg_forgets_W1(X, Y, cache, lambd):
    A, W = _unpack_plain(cache)
    return _backward(X, Y, A, W,
                     lambda l: 0.0 if l == 1 else lambd / X.shape[1])


def reg_relu_derivative_at_zero(X, Y, cache, lambd):
    A, W = _unpack_plain(cache)
    return _backward(X, Y, A, W, lambda l: lambd / X.shape[1],
                     derivative=lambda a: a >= 0)


def reg_layer_loop(X, Y, cache, lambd):
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    activations = {0: X, 1: A1, 2: A2}
    weights = {1: W1, 2: W2, 3: W3}
    gradients = {"dZ3": A3 - Y}
    for l in (3, 2, 1):
        dZ = gradients[f"dZ{l}"]
        gradients[f"dW{l}"] = (np.dot(dZ, activations[l - 1].T)
                               + lambd * weights[l]) / m
        gradients[f"db{l}"] = np.mean(dZ, axis=1, keepdims=True)
        if l > 1:
            dA = np.dot(weights[l].T, dZ)
            gradients[f"dA{l - 1}"] = dA
            gradients[f"dZ{l - 1}"] = np.where(activations[l - 1] > 0,
                                               dA, 0.0)
    return gradients


# --- forward_propagation_with_dropout ----------------------------------------

def _forward_drop(X, parameters, keep_prob, seed=1, divide=True,
                  keep_if=lambda u, p: u < p, order=(1, 2), drop_output=False,
                  cache_before_mask=False, draw=np.random.rand):
    if seed is not None:
        np.random.seed(seed)
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    n1, n2, m = W1.shape[0], W2.shape[0], X.shape[1]
    draws = {}
    for l in order:
        draws[l] = draw(n1 if l == 1 else n2, m)
    D1 = keep_if(draws[1], keep_prob).astype(int)
    D2 = keep_if(draws[2], keep_prob).astype(int)
    Z1 = W1 @ X + b1
    A1_plain = relu(Z1)
    A1 = A1_plain * D1
    if divide:
        A1 = A1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2_plain = relu(Z2)
    A2 = A2_plain * D2
    if divide:
        A2 = A2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    if drop_output:
        D3 = (np.random.rand(*A3.shape) < keep_prob).astype(int)
        A3 = A3 * D3 / keep_prob
    if cache_before_mask:
        A1, A2 = A1_plain, A2_plain
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def drop_not_inverted(X, parameters, keep_prob=0.5):
    return _forward_drop(X, parameters, keep_prob, divide=False)


def drop_mask_reversed(X, parameters, keep_prob=0.5):
    return _forward_drop(X, parameters, keep_prob,
                         keep_if=lambda u, p: u > p)


def drop_not_seeded(X, parameters, keep_prob=0.5):
    return _forward_drop(X, parameters, keep_prob, seed=None)


def drop_masks_drawn_in_reverse(X, parameters, keep_prob=0.5):
    return _forward_drop(X, parameters, keep_prob, order=(2, 1))


def drop_normal_draws(X, parameters, keep_prob=0.5):
    return _forward_drop(X, parameters, keep_prob, draw=np.random.randn)


def drop_output_layer_too(X, parameters, keep_prob=0.5):
    return _forward_drop(X, parameters, keep_prob, drop_output=True)


def drop_caches_activations_before_dropout(X, parameters, keep_prob=0.5):
    return _forward_drop(X, parameters, keep_prob, cache_before_mask=True)


def drop_boolean_masks(X, parameters, keep_prob=0.5):
    np.random.seed(1)
    hidden = []
    A = X
    for l in (1, 2):
        Z = np.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"]
        D = np.random.rand(*Z.shape) < keep_prob
        A = np.multiply(relu(Z), D) / keep_prob
        hidden.append((Z, D, A, parameters[f"W{l}"], parameters[f"b{l}"]))
    Z3 = np.dot(parameters["W3"], A) + parameters["b3"]
    A3 = sigmoid(Z3)
    cache = hidden[0] + hidden[1] + (Z3, A3, parameters["W3"],
                                     parameters["b3"])
    return A3, cache


# --- backward_propagation_with_dropout ---------------------------------------

def _unpack_drop(cache):
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    return (A1, A2, A3), (W1, W2, W3), (D1, D2)


def _drop_backward(X, Y, cache, keep_prob, **options):
    A, W, masks = _unpack_drop(cache)
    return _backward(X, Y, A, W, lambda l: 0.0, masks=masks,
                     keep_prob=keep_prob, **options)


def back_drop_not_divided(X, Y, cache, keep_prob):
    return _drop_backward(X, Y, cache, keep_prob, divide=False)


def back_drop_no_masks(X, Y, cache, keep_prob):
    A, W, _ = _unpack_drop(cache)
    grads = _backward(X, Y, A, W, lambda l: 0.0,
                      masks=(np.ones_like(A[0]), np.ones_like(A[1])),
                      keep_prob=keep_prob)
    return grads


def back_drop_multiplied(X, Y, cache, keep_prob):
    return _drop_backward(X, Y, cache, 1 / keep_prob)


def back_drop_layer_2_only(X, Y, cache, keep_prob):
    return _drop_backward(X, Y, cache, keep_prob, layers_masked=(2,))


def back_drop_masks_swapped(X, Y, cache, keep_prob):
    A, W, (D1, D2) = _unpack_drop(cache)
    return _backward(X, Y, A, W, lambda l: 0.0, masks=(D2, D1),
                     keep_prob=keep_prob)


def back_drop_plain_backprop(X, Y, cache, keep_prob):
    A, W, _ = _unpack_drop(cache)
    return _backward(X, Y, A, W, lambda l: 0.0)


def back_drop_masks_on_dZ(X, Y, cache, keep_prob):
    m = X.shape[1]
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dA2 = np.dot(W3.T, dZ3) * D2 / keep_prob
    dZ2 = np.multiply(np.dot(W3.T, dZ3), np.int64(A2 > 0)) * D2 / keep_prob
    dA1 = np.dot(W2.T, dZ2) * D1 / keep_prob
    dZ1 = np.multiply(np.dot(W2.T, dZ2), np.int64(A1 > 0)) * D1 / keep_prob
    return {"dZ3": dZ3, "dW3": np.dot(dZ3, A2.T) / m,
            "db3": np.sum(dZ3, axis=1, keepdims=True) / m,
            "dA2": dA2, "dZ2": dZ2, "dW2": np.dot(dZ2, A1.T) / m,
            "db2": np.sum(dZ2, axis=1, keepdims=True) / m,
            "dA1": dA1, "dZ1": dZ1, "dW1": np.dot(dZ1, X.T) / m,
            "db1": np.sum(dZ1, axis=1, keepdims=True) / m}


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("backward_propagation_with_dropout",
              "dA not divided by keep_prob")

MUTANTS = {
    "compute_cost_with_regularization": [
        Mutant("penalty without 1/m", cost_without_1_over_m,
               "the penalty is lambd / (2 * m) times the sum of squares: "
               "did you forget the 1/m?"),
        Mutant("penalty without the 1/2", cost_without_one_half,
               "the penalty is lambd / (2 * m) times the sum of squares: "
               "did you forget the 2?"),
        Mutant("lambd / 2 * m", cost_precedence,
               "lambd / 2 * m multiplies by m: / and * go left to right, "
               "so put 2 * m in parentheses"),
        Mutant("W3 not penalized", cost_forgets_W3,
               "penalize all three weight matrices W1, W2 and W3"),
        Mutant("biases penalized", cost_penalizes_biases,
               "only the weights W1, W2, W3 are penalized, not the biases"),
        Mutant("norms instead of squared norms", cost_norms_not_squared,
               "sum the squares of the weights (np.square), not their "
               "norms"),
    ],
    "backward_propagation_with_regularization": [
        Mutant("no lambd / m * W term", reg_without_decay,
               "add lambd / m * W to each dW"),
        Mutant("lambd * W without 1/m", reg_decay_without_1_over_m,
               "the extra term of dW is lambd / m * W"),
        Mutant("2 lambd / m * W", reg_decay_doubled,
               "the derivative of lambd / (2 m) * W**2 is lambd / m * W, "
               "not 2 * lambd / m * W"),
        Mutant("W3 gets no extra term", reg_forgets_W3,
               "every dW gets the extra term, dW3 included"),
        Mutant("db3 regularized too", reg_decays_b3_too,
               "L2 regularization penalizes the weights only: db1, db2 "
               "and db3 get no extra term"),
        Mutant("W1 gets no extra term", reg_forgets_W1,
               "every dW gets the extra term, dW1 included"),
        Mutant("ReLU derivative 1 at A = 0", reg_relu_derivative_at_zero,
               "the ReLU derivative is 1 where A > 0 (strictly) and 0 "
               "elsewhere"),
    ],
    "forward_propagation_with_dropout": [
        Mutant("not divided by keep_prob", drop_not_inverted,
               "inverted dropout divides the masked activations by "
               "keep_prob"),
        Mutant("mask keeps rand > keep_prob", drop_mask_reversed,
               "a unit is kept when np.random.rand(...) < keep_prob"),
        # No hint: without the seed the masks depend on the random state.
        Mutant("no np.random.seed(1)", drop_not_seeded),
        Mutant("D2 drawn before D1", drop_masks_drawn_in_reverse,
               "draw D1 (for A1) first, then D2 (for A2)"),
        Mutant("normal draws for the masks", drop_normal_draws,
               "draw the masks with np.random.rand (uniform on [0, 1)), "
               "not randn (normal): only then is a unit kept with "
               "probability keep_prob"),
        Mutant("dropout on the output too", drop_output_layer_too,
               "apply dropout to the hidden layers only, not to A3"),
        Mutant("cache holds A1, A2 before dropout",
               drop_caches_activations_before_dropout,
               "store the activations after dropout (masked and divided) "
               "in the cache"),
    ],
    "backward_propagation_with_dropout": [
        Mutant("dA not divided by keep_prob", back_drop_not_divided,
               "after the mask, divide dA1 and dA2 by keep_prob, as in "
               "the forward pass"),
        Mutant("masks not applied", back_drop_no_masks,
               "multiply dA1 by D1 and dA2 by D2: the dropped units get "
               "no gradient"),
        Mutant("multiplied by keep_prob", back_drop_multiplied,
               "divide by keep_prob, do not multiply"),
        Mutant("layer 1 not masked", back_drop_layer_2_only,
               "apply the masks in both hidden layers: D2 to dA2 and D1 "
               "to dA1"),
        Mutant("masks swapped", back_drop_masks_swapped,
               "each layer's gradient gets its own mask: D2 for dA2 "
               "(layer 2), D1 for dA1 (layer 1)"),
        Mutant("plain backward pass", back_drop_plain_backprop),
    ],
}

ALTERNATIVES = {
    "compute_cost_with_regularization": [cost_frobenius_norms],
    "backward_propagation_with_regularization": [reg_layer_loop],
    "forward_propagation_with_dropout": [drop_boolean_masks],
    "backward_propagation_with_dropout": [back_drop_masks_on_dZ],
}
