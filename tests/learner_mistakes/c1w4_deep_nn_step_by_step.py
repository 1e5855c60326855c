"""Learners' mistakes in ``c1w4_deep_nn_step_by_step``."""
import numpy as np

from autograder.reference.c1w4_deep_nn_step_by_step import (
    linear_activation_backward,
    linear_activation_forward,
)
from tests.learner_mistakes import Mistake, edit


def L_forward_two_layers(X, parameters):
    # written for the demo's 2-layer network only
    A1, cache1 = linear_activation_forward(X, parameters["W1"],
                                           parameters["b1"], "relu")
    AL, cache2 = linear_activation_forward(A1, parameters["W2"],
                                           parameters["b2"], "sigmoid")
    return AL, [cache1, cache2]


def L_backward_two_layers(AL, Y, caches):
    # written for a 2-layer network only
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA1, dW2, db2 = linear_activation_backward(dAL, caches[1], "sigmoid")
    dA0, dW1, db1 = linear_activation_backward(dA1, caches[0], "relu")
    return {"dA1": dA1, "dW2": dW2, "db2": db2, "dA0": dA0, "dW1": dW1,
            "db1": db1}


MISTAKES = [
    # initialize_parameters
    Mistake("initialize_parameters", "W2 drawn before W1", ("order",),
            edit("W1 = np.random.randn(n_h, n_x) * 0.01\n"
                 "    b1 = np.zeros((n_h, 1))\n"
                 "    W2 = np.random.randn(n_y, n_h) * 0.01",
                 "W2 = np.random.randn(n_y, n_h) * 0.01\n"
                 "    b1 = np.zeros((n_h, 1))\n"
                 "    W1 = np.random.randn(n_h, n_x) * 0.01")),
    Mistake("initialize_parameters", "np.random.rand instead of randn",
            ("randn",), edit("np.random.randn", "np.random.rand")),
    Mistake("initialize_parameters", "biases of shape (n_h, n_x)",
            ("(n_h, 1)",), edit("np.zeros((n_h, 1))", "np.zeros((n_h, n_x))")),
    Mistake("initialize_parameters", "seed 3 of the deep version",
            ("seed",), edit("np.random.seed(1)", "np.random.seed(3)")),
    # initialize_parameters_deep
    Mistake("initialize_parameters_deep", "loop stops one layer early",
            ("L",), edit("range(1, L + 1)", "range(1, L)")),
    Mistake("initialize_parameters_deep", "L = len(layer_dims)",
            ("len(layer_dims) - 1",), edit("L = len(layer_dims) - 1",
                                           "L = len(layer_dims)")),
    Mistake("initialize_parameters_deep", "W shapes swapped",
            ("transpos", "swapped"), edit("np.random.randn(layer_dims[l],\n"
                                "                                      "
                                "        layer_dims[l - 1])",
                                "np.random.randn(layer_dims[l - 1], "
                                "layer_dims[l])")),
    Mistake("initialize_parameters_deep", "biases of the previous layer's "
            "size", ("b",), edit("np.zeros((layer_dims[l], 1))",
                                 "np.zeros((layer_dims[l - 1], 1))")),
    Mistake("initialize_parameters_deep", "seed inside the loop",
            ("seed",), edit("np.random.seed(3)\n    parameters = {}",
                            "parameters = {}",
                            "for l in range(1, L + 1):\n",
                            "for l in range(1, L + 1):\n"
                            "        np.random.seed(3)\n")),
    # linear_forward
    Mistake("linear_forward", "Z transposed: np.dot(A.T, W.T)",
            ("transpos",), edit("np.dot(W, A)", "np.dot(A.T, W.T)")),
    Mistake("linear_forward", "element-wise product W * A", ("np.dot",),
            edit("np.dot(W, A)", "W * A")),
    Mistake("linear_forward", "cache without b", ("(A, W, b)",),
            edit("cache = (A, W, b)", "cache = (A, W)")),
    Mistake("linear_forward", "cache as a dict", ("tuple",),
            edit("cache = (A, W, b)", 'cache = {"A": A, "W": W, "b": b}')),
    # linear_activation_forward
    Mistake("linear_activation_forward", "compares with \"Sigmoid\" "
            "(capital S)", ("sigmoid",),
            edit('if activation == "sigmoid"', 'if activation == "Sigmoid"')),
    Mistake("linear_activation_forward", "activation cache is A",
            ("Z",), edit("A, activation_cache = relu(Z)",
                         "A, _ = relu(Z)\n        activation_cache = A")),
    Mistake("linear_activation_forward", "sigmoid's tuple kept as A",
            ("tuple",), edit("A, activation_cache = sigmoid(Z)",
                             "A = sigmoid(Z)\n        activation_cache = Z")),
    Mistake("linear_activation_forward", "cache flattened to 4 items",
            ("(linear_cache, activation_cache)",),
            edit("cache = (linear_cache, activation_cache)",
                 "cache = linear_cache + (activation_cache,)")),
    # L_model_forward
    Mistake("L_model_forward", "only works with 2 layers", ("L",),
            code=L_forward_two_layers),
    Mistake("L_model_forward", "L = len(parameters)", ("// 2",),
            edit("L = len(parameters) // 2", "L = len(parameters) // 2 + 1")),
    Mistake("L_model_forward", "hidden loop stops one layer early",
            ("range(1, L)",), edit("range(1, L)", "range(1, L - 1)")),
    Mistake("L_model_forward", "every layer reads X", ("A_prev",),
            edit("linear_activation_forward(\n            A,",
                 "linear_activation_forward(\n            X,")),
    Mistake("L_model_forward", "output cache not appended", ("caches",),
            edit("    caches.append(cache)\n    return",
                 "    return")),
    # compute_cost
    Mistake("compute_cost", "np.dot(Y, log AL) without transposes",
            ("transpos",), edit("np.sum(Y * np.log(AL) + (1 - Y) * "
                                "np.log(1 - AL))",
                                "np.sum(np.dot(Y, np.log(AL).T) + "
                                "np.dot(Y, np.log(1 - AL).T))")),
    Mistake("compute_cost", "m from Y.shape[0]", ("m",),
            edit("m = Y.shape[1]", "m = Y.shape[0]")),
    Mistake("compute_cost", "log10 instead of natural log", ("log",),
            edit("np.log(", "np.log10(")),
    Mistake("compute_cost", "sum with keepdims, squeeze forgotten",
            ("squeeze",), edit("np.log(1 - AL)) / m",
                               "np.log(1 - AL), axis=1, keepdims=True) / m",
                               "cost = np.squeeze(cost)\n    ", "")),
    # linear_backward
    Mistake("linear_backward", "1/m forgotten in dW and db", ("1/m",),
            edit("dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev.T)",
                 "db = np.sum(dZ, axis=1, keepdims=True) / m",
                 "db = np.sum(dZ, axis=1, keepdims=True)")),
    Mistake("linear_backward", "db summed over all entries", ("axis",),
            edit("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ)")),
    Mistake("linear_backward", "dA_prev with W not transposed",
            ("transpos",), edit("np.dot(W.T, dZ)", "np.dot(W, dZ)")),
    Mistake("linear_backward", "1/m also on dA_prev", ("dA_prev",),
            edit("dA_prev = np.dot(W.T, dZ)",
                 "dA_prev = np.dot(W.T, dZ) / m")),
    Mistake("linear_backward", "m from A_prev.shape[0]", ("m",),
            edit("m = A_prev.shape[1]", "m = A_prev.shape[0]")),
    # linear_activation_backward
    Mistake("linear_activation_backward", "backward functions swapped",
            ("relu",), edit("relu_backward(dA", "sigmoid_backward(dA",
                            "dZ = sigmoid_backward(dA, activation_cache)\n"
                            "    else",
                            "dZ = relu_backward(dA, activation_cache)\n"
                            "    else")),
    Mistake("linear_activation_backward", "dZ = dA (activation skipped)",
            ("relu",), edit("dZ = relu_backward(dA, activation_cache)",
                            "dZ = dA")),
    Mistake("linear_activation_backward", "derivative 1 at z = 0",
            ("0",), edit("dZ = relu_backward(dA, activation_cache)",
                         "dZ = dA * (activation_cache >= 0)")),
    Mistake("linear_activation_backward", "cache unpacked in the wrong "
            "order", ("order",),
            edit("linear_cache, activation_cache = cache",
                 "activation_cache, linear_cache = cache")),
    # L_model_backward
    Mistake("L_model_backward", "only works with 2 layers", ("L",),
            code=L_backward_two_layers),
    Mistake("L_model_backward", "Y reshaped to (1, len(Y)): fine for m "
            "values, wrong for a row", ("reshape",),
            edit("Y = Y.reshape(AL.shape)", "Y = Y.reshape(1, len(Y))")),
    Mistake("L_model_backward", "dAL sign flipped", ("sign",),
            edit("dAL = -(np.divide", "dAL = (np.divide")),
    Mistake("L_model_backward", "every hidden layer gets dA{L-1}",
            ("dA",), edit('grads[f"dA{l + 1}"]', 'grads[f"dA{L - 1}"]')),
    Mistake("L_model_backward", "loop skips layer 1", ("range",),
            edit("reversed(range(L - 1))", "reversed(range(1, L - 1))")),
    # update_parameters
    Mistake("update_parameters", "loop stops one layer early", ("L",),
            edit("range(1, L + 1)", "range(1, L)")),
    Mistake("update_parameters", "plus instead of minus",
            ("minus", "subtract"),
            edit("W - learning_rate", "W + learning_rate",
                 "b - learning_rate", "b + learning_rate")),
    Mistake("update_parameters", "learning rate forgotten on b",
            ("learning_rate",),
            edit('b - learning_rate * grads[f"db{l}"]',
                 'b - grads[f"db{l}"]')),
    Mistake("update_parameters", "L = len(parameters)", ("// 2",),
            edit("L = len(parameters) // 2", "L = len(parameters)")),
]
