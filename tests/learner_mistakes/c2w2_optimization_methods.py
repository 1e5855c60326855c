"""Learners' mistakes in ``c2w2_optimization_methods``."""
import math

import numpy as np

from tests.learner_mistakes import Mistake, edit


def initialize_adam_aliased(parameters):
    # one dict for both moments: s = v
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    s = v
    return v, s


def initialize_adam_shared_arrays(parameters):
    # two dicts holding the same zero arrays
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            zeros = np.zeros(parameters[name + str(l)].shape)
            v["d" + name + str(l)] = zeros
            s["d" + name + str(l)] = zeros
    return v, s


def mini_batches_two_permutations(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    shuffled_X = X[:, np.random.permutation(m)]
    shuffled_Y = Y[:, np.random.permutation(m)]
    batches = []
    for start in range(0, m, mini_batch_size):
        batches.append((shuffled_X[:, start:start + mini_batch_size],
                        shuffled_Y[:, start:start + mini_batch_size]))
    return batches


def mini_batches_hard_coded(X, Y, mini_batch_size=64, seed=0):
    # the demo's 148 examples written in
    np.random.seed(seed)
    permutation = list(np.random.permutation(X.shape[1]))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, 148))
    batches = []
    for k in range(math.ceil(148 / mini_batch_size)):
        part = slice(k * mini_batch_size, (k + 1) * mini_batch_size)
        batches.append((shuffled_X[:, part], shuffled_Y[:, part]))
    return batches


MISTAKES = [
    # update_parameters_with_gd
    Mistake("update_parameters_with_gd", "loop stops one layer early",
            ("L",), edit("range(1, L + 1)", "range(1, L)")),
    Mistake("update_parameters_with_gd", "plus instead of minus",
            ("minus", "subtract"), edit("- learning_rate", "+ learning_rate")),
    Mistake("update_parameters_with_gd", "learning rate forgotten",
            ("learning_rate",), edit("- learning_rate * grads", "- grads")),
    Mistake("update_parameters_with_gd", "L = len(parameters)", ("// 2",),
            edit("L = len(parameters) // 2", "L = len(parameters)")),
    # random_mini_batches
    Mistake("random_mini_batches", "two different permutations for X "
            "and Y", ("permutation",), code=mini_batches_two_permutations),
    Mistake("random_mini_batches", "last partial batch dropped",
            ("last",), edit("if m % mini_batch_size != 0:", "if False:")),
    Mistake("random_mini_batches", "not shuffled", ("shuffl",),
            edit("shuffled_X = X[:, permutation]", "shuffled_X = X",
                 "shuffled_Y = Y[:, permutation]", "shuffled_Y = Y")),
    Mistake("random_mini_batches", "hard-coded m = 148", ("shape",),
            code=mini_batches_hard_coded),
    Mistake("random_mini_batches", "last batch starts one batch early",
            ("start",), edit("start = num_complete * mini_batch_size",
                             "start = (num_complete - 1) * mini_batch_size")),
    # initialize_velocity
    Mistake("initialize_velocity", "keys W1, b1 instead of dW1, db1",
            ("dW",), edit('v["dW" + str(l)]', 'v["W" + str(l)]',
                          'v["db" + str(l)]', 'v["b" + str(l)]')),
    Mistake("initialize_velocity", "velocity copies the parameters",
            ("zero",), edit('np.zeros(parameters["W" + str(l)].shape)',
                            'parameters["W" + str(l)].copy()')),
    Mistake("initialize_velocity", "loop stops one layer early", ("L",),
            edit("range(1, L + 1)", "range(1, L)")),
    Mistake("initialize_velocity", "velocity is the parameter array "
            "itself", ("zero",),
            edit('np.zeros(parameters["W" + str(l)].shape)',
                 'parameters["W" + str(l)] * 0 + parameters["W" + str(l)]'
                 ' - parameters["W" + str(l)] + 1')),
    # update_parameters_with_momentum
    Mistake("update_parameters_with_momentum", "1 - beta forgotten",
            ("1 - beta",), edit("(1 - beta) * grads[key]", "grads[key]")),
    Mistake("update_parameters_with_momentum", "parameters updated with "
            "the gradient, not v", ("v",),
            edit("- learning_rate * v[key])",
                 "- learning_rate * grads[key])")),
    Mistake("update_parameters_with_momentum", "update before the "
            "velocity (order swapped)", ("order",),
            edit("            v[key] = beta * v[key] + (1 - beta) * grads[key]"
                 "\n            parameters[name + str(l)] = (parameters[name "
                 "+ str(l)]\n                                         - "
                 "learning_rate * v[key])",
                 "            parameters[name + str(l)] = (parameters[name "
                 "+ str(l)]\n                                         - "
                 "learning_rate * v[key])\n            v[key] = beta * "
                 "v[key] + (1 - beta) * grads[key]")),
    Mistake("update_parameters_with_momentum", "beta and 1 - beta swapped",
            ("beta",), edit("beta * v[key] + (1 - beta) * grads[key]",
                            "(1 - beta) * v[key] + beta * grads[key]")),
    # initialize_adam
    Mistake("initialize_adam", "s = v (one dict for both)", ("same",),
            code=initialize_adam_aliased),
    Mistake("initialize_adam", "the same zero arrays in v and s",
            ("same",), code=initialize_adam_shared_arrays),
    Mistake("initialize_adam", "keys without the d", ("dW",),
            edit('"d" + name + str(l)', 'name + str(l)')),
    Mistake("initialize_adam", "loop stops one layer early", ("L",),
            edit("range(1, L + 1)", "range(1, L)")),
    # update_parameters_with_adam
    Mistake("update_parameters_with_adam", "bias correction forgotten",
            ("correct", "1 - beta1 ** t"),
            edit("v[key] / (1 - beta1 ** t)", "v[key]",
                 "s[key] / (1 - beta2 ** t)", "s[key]")),
    Mistake("update_parameters_with_adam", "beta1 ** t in s's correction",
            ("beta2",), edit("s[key] / (1 - beta2 ** t)",
                             "s[key] / (1 - beta1 ** t)")),
    Mistake("update_parameters_with_adam", "epsilon inside the square root",
            ("epsilon",), edit("np.sqrt(s_corrected) + epsilon",
                               "np.sqrt(s_corrected + epsilon)")),
    Mistake("update_parameters_with_adam", "gradient not squared in s",
            ("square",), edit("np.square(grads[key])", "grads[key]")),
    Mistake("update_parameters_with_adam", "(1 - beta1) ** t correction",
            ("beta1 ** t",), edit("(1 - beta1 ** t)", "(1 - beta1) ** t")),
]
