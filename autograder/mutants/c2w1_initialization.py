"""Mutants and correct alternatives for ``c2w1_initialization``."""
import numpy as np

from autograder.spec import Mutant


def _build(layers_dims, weight, bias=None, last=None, seed=3):
    """Parameters from ``weight(l, n_l, n_prev)`` for l = 1, ..., last."""
    if seed is not None:
        np.random.seed(seed)
    L = len(layers_dims) - 1
    parameters = {}
    for l in range(1, (L if last is None else last) + 1):
        n_l, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters["W" + str(l)] = weight(l, n_l, n_prev)
        parameters["b" + str(l)] = (np.zeros((n_l, 1)) if bias is None
                                    else bias(n_l))
    return parameters


# --- initialize_parameters_zeros ---------------------------------------------

def zeros_transposed(layers_dims):
    return _build(layers_dims, lambda l, n, p: np.zeros((p, n)), seed=None)


def zeros_rank1_bias(layers_dims):
    return _build(layers_dims, lambda l, n, p: np.zeros((n, p)),
                  bias=lambda n: np.zeros(n), seed=None)


def zeros_skips_last_layer(layers_dims):
    return _build(layers_dims, lambda l, n, p: np.zeros((n, p)),
                  last=len(layers_dims) - 2, seed=None)


def zeros_shape_as_two_arguments(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters["W" + str(l)] = np.zeros(layers_dims[l],
                                            layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def zeros_weights_then_biases(layers_dims):
    pairs = list(zip(layers_dims[1:], layers_dims[:-1]))
    parameters = {f"W{l}": np.zeros((n, p))
                  for l, (n, p) in enumerate(pairs, start=1)}
    parameters.update({f"b{l}": np.zeros((n, 1))
                       for l, (n, _) in enumerate(pairs, start=1)})
    return parameters


# --- initialize_parameters_random --------------------------------------------

def random_not_seeded(layers_dims):
    return _build(layers_dims, lambda l, n, p: np.random.randn(n, p) * 10,
                  seed=None)


def random_small_scale(layers_dims):
    return _build(layers_dims, lambda l, n, p: np.random.randn(n, p) * 0.01)


def random_uniform(layers_dims):
    return _build(layers_dims, lambda l, n, p: np.random.rand(n, p) * 10)


def random_reseeded_every_layer(layers_dims):
    def weight(l, n, p):
        np.random.seed(3)
        return np.random.randn(n, p) * 10
    return _build(layers_dims, weight)


def random_biases_too(layers_dims):
    return _build(layers_dims, lambda l, n, p: np.random.randn(n, p) * 10,
                  bias=lambda n: np.random.randn(n, 1) * 10)


def random_standard_normal(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l, (n, p) in enumerate(zip(layers_dims[1:], layers_dims[:-1]), 1):
        parameters[f"W{l}"] = 10.0 * np.random.standard_normal((n, p))
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters


# --- initialize_parameters_he ------------------------------------------------

def he_current_layer_size(layers_dims):
    return _build(layers_dims, lambda l, n, p:
                  np.random.randn(n, p) * np.sqrt(2 / n))


def he_xavier_scale(layers_dims):
    return _build(layers_dims, lambda l, n, p:
                  np.random.randn(n, p) * np.sqrt(1 / p))


def he_without_square_root(layers_dims):
    return _build(layers_dims, lambda l, n, p: np.random.randn(n, p) * 2 / p)


def he_not_seeded(layers_dims):
    return _build(layers_dims, lambda l, n, p:
                  np.random.randn(n, p) * np.sqrt(2 / p), seed=None)


def he_divided_by_root(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in = layers_dims[l - 1]
        W = np.random.randn(layers_dims[l], fan_in) / np.sqrt(fan_in / 2)
        parameters["W%d" % l] = W
        parameters["b%d" % l] = np.zeros((layers_dims[l], 1))
    return parameters


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("initialize_parameters_he", "Xavier scale sqrt(1 / n_prev)")

def he_divided_by_scale(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        scale = np.sqrt(2 / layers_dims[l - 1])
        parameters[f"W{l}"] = np.random.randn(
            layers_dims[l], layers_dims[l - 1]) / scale
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


MUTANTS = {
    "initialize_parameters_zeros": [
        Mutant("weights transposed", zeros_transposed),
        Mutant("bias of rank 1", zeros_rank1_bias),
        Mutant("last layer skipped", zeros_skips_last_layer,
               "loop over l = 1, ..., L with L = len(layers_dims) - 1: "
               "range(1, L + 1)"),
        Mutant("np.zeros(n, p)", zeros_shape_as_two_arguments,
               "np.zeros takes the shape as one tuple: "
               "np.zeros((rows, columns))"),
    ],
    "initialize_parameters_random": [
        # No hint: without the seed, the output depends on whatever the
        # random state happens to be, so it cannot be recognised.
        Mutant("no np.random.seed(3)", random_not_seeded),
        Mutant("scaled by 0.01", random_small_scale,
               "this exercise wants large weights: multiply by 10"),
        Mutant("uniform instead of normal", random_uniform,
               "draw from the standard normal distribution: "
               "np.random.randn"),
        Mutant("seed 3 set in every layer", random_reseeded_every_layer,
               "seed once, before the loop, so each layer gets new "
               "numbers"),
        Mutant("random biases", random_biases_too,
               "the biases start at zero: np.zeros((n_l, 1))"),
    ],
    "initialize_parameters_he": [
        Mutant("sqrt(2 / n_l) of the current layer", he_current_layer_size,
               "He scaling uses the size of the previous layer: "
               "sqrt(2 / layers_dims[l - 1])"),
        Mutant("divided by the He factor", he_divided_by_scale,
               "multiply the standard normal draws by sqrt(2 / "
               "layers_dims[l - 1]); dividing by it makes them larger"),
        Mutant("Xavier scale sqrt(1 / n_prev)", he_xavier_scale,
               "He initialization has a 2 in the square root: "
               "sqrt(2 / layers_dims[l - 1])"),
        Mutant("2 / n_prev without the square root", he_without_square_root,
               "the factor is the square root of 2 / layers_dims[l - 1]"),
        Mutant("no np.random.seed(3)", he_not_seeded),
    ],
}

ALTERNATIVES = {
    "initialize_parameters_zeros": [zeros_weights_then_biases],
    "initialize_parameters_random": [random_standard_normal],
    "initialize_parameters_he": [he_divided_by_root],
}
