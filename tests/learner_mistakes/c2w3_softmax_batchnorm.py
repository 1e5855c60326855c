"""Learners' mistakes in ``c2w3_softmax_batchnorm``."""
import numpy as np

from tests.learner_mistakes import Mistake, edit


def one_hot_loop_rows(labels, C):
    # one row per example: the (m, C) layout of other libraries
    labels = np.asarray(labels).reshape(-1)
    one_hot = np.zeros((labels.size, C))
    for i, label in enumerate(labels):
        one_hot[i, label] = 1.0
    return one_hot


def one_hot_demo_size(labels, C):
    # the demo has 6 classes: C written in
    labels = np.asarray(labels).reshape(-1)
    one_hot = np.zeros((6, labels.size))
    one_hot[labels, np.arange(labels.size)] = 1.0
    return one_hot


def batchnorm_in_place(Z, gamma, beta, epsilon=1e-5):
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.var(Z, axis=1, keepdims=True)
    Z -= mu  # changes the caller's Z
    Z /= np.sqrt(var + epsilon)
    return gamma * Z + beta, (Z, mu, var, gamma, epsilon)


MISTAKES = [
    # one_hot_matrix
    Mistake("one_hot_matrix", "one row per example (m, C)",
            ("(C, m)", "swapped"),
            code=one_hot_loop_rows),
    Mistake("one_hot_matrix", "C of the demo (6) written in", ("C",),
            code=one_hot_demo_size),
    Mistake("one_hot_matrix", "np.eye(C)[labels] not transposed",
            ("transpos", "swapped"),
            edit("one_hot = np.zeros((C, labels.size))\n"
                 "    one_hot[labels, np.arange(labels.size)] = 1.0",
                 "one_hot = np.eye(C)[labels]")),
    Mistake("one_hot_matrix", "labels shifted by one (1-based)", ("label",),
            edit("one_hot[labels, ", "one_hot[labels - 1, ")),
    # softmax
    Mistake("softmax", "normalized over rows (axis=1)", ("axis",),
            edit("np.sum(exps, axis=0", "np.sum(exps, axis=1")),
    Mistake("softmax", "max not subtracted (overflows)", ("max",),
            edit("shifted = Z - np.max(Z, axis=0, keepdims=True)",
                 "shifted = Z")),
    Mistake("softmax", "global max and sum", ("column",),
            edit("np.max(Z, axis=0, keepdims=True)", "np.max(Z)",
                 "np.sum(exps, axis=0, keepdims=True)", "np.sum(exps)")),
    Mistake("softmax", "divides by the max instead of subtracting it",
            ("subtract",), edit("Z - np.max(Z, axis=0, keepdims=True)",
                                "Z / np.max(Z, axis=0, keepdims=True)")),
    Mistake("softmax", "the input Z shifted in place", ("in place",),
            edit("shifted = Z - np.max(Z, axis=0, keepdims=True)",
                 "Z -= np.max(Z, axis=0, keepdims=True)\n    shifted = Z")),
    # compute_cost
    Mistake("compute_cost", "1/m forgotten", ("1/m", "divide by m"),
            edit("cost = -np.sum(Y * log_probs) / m",
                 "cost = -np.sum(Y * log_probs)")),
    Mistake("compute_cost", "binary cross-entropy", ("softmax",),
            edit("cost = -np.sum(Y * log_probs) / m",
                 "A = np.exp(log_probs)\n    cost = -np.sum(Y * np.log(A) "
                 "+ (1 - Y) * np.log(1 - A)) / m")),
    Mistake("compute_cost", "log of ZL without softmax", ("softmax",),
            edit("cost = -np.sum(Y * log_probs) / m",
                 "cost = -np.sum(Y * np.log(np.abs(ZL))) / m")),
    Mistake("compute_cost", "m from the number of classes", ("m",),
            edit("m = Y.shape[1]", "m = Y.shape[0]")),
    # cost_backward
    Mistake("cost_backward", "Y - softmax (sign)", ("sign", "not y - softmax"),
            edit("dZL = softmax(ZL) - Y", "dZL = Y - softmax(ZL)")),
    Mistake("cost_backward", "ZL - Y without softmax", ("softmax",),
            edit("dZL = softmax(ZL) - Y", "dZL = ZL - Y")),
    Mistake("cost_backward", "divided by m here too", ("m",),
            edit("dZL = softmax(ZL) - Y",
                 "dZL = (softmax(ZL) - Y) / Y.shape[1]")),
    Mistake("cost_backward", "softmax over rows", ("axis",),
            edit("dZL = softmax(ZL) - Y", "dZL = softmax(ZL.T).T - Y")),
    # batchnorm_forward
    Mistake("batchnorm_forward", "statistics over units (axis=0)",
            ("axis",), edit("np.mean(Z, axis=1, keepdims=True)",
                            "np.mean(Z, axis=0, keepdims=True)",
                            "** 2, axis=1, keepdims=True)",
                            "** 2, axis=0, keepdims=True)")),
    Mistake("batchnorm_forward", "epsilon outside the square root",
            ("epsilon",), edit("np.sqrt(var + epsilon)",
                               "(np.sqrt(var) + epsilon)")),
    Mistake("batchnorm_forward", "standard deviation used as variance",
            ("sqrt",), edit("np.sqrt(var + epsilon)", "(var + epsilon)")),
    Mistake("batchnorm_forward", "gamma and beta swapped",
            ("gamma",), edit("gamma * Z_norm + beta",
                             "beta * Z_norm + gamma")),
    Mistake("batchnorm_forward", "normalizes the input in place",
            ("in place",), code=batchnorm_in_place),
    # batchnorm_backward
    Mistake("batchnorm_backward", "sums instead of means (factor m)",
            ("m",), edit("dbeta = np.mean(", "dbeta = np.sum(",
                         "dgamma = np.mean(", "dgamma = np.sum(")),
    Mistake("batchnorm_backward", "dZ ignores the batch statistics",
            ("mean", "every example of the batch"),
            edit("(dZ_tilde - dbeta - Z_norm * dgamma)", "dZ_tilde")),
    Mistake("batchnorm_backward", "gamma forgotten in dZ", ("gamma",),
            edit("dZ = gamma / np.sqrt", "dZ = 1 / np.sqrt")),
    Mistake("batchnorm_backward", "dgamma without Z_norm", ("Z_norm",),
            edit("np.mean(dZ_tilde * Z_norm, axis=1",
                 "np.mean(dZ_tilde, axis=1")),
    # initialize_parameters
    Mistake("initialize_parameters", "seed 1 written in, not the "
            "argument", ("seed",), edit("np.random.seed(seed)",
                                        "np.random.seed(1)")),
    Mistake("initialize_parameters", "limit without the 6", ("6",),
            edit("np.sqrt(6 / (", "np.sqrt(1 / (")),
    Mistake("initialize_parameters", "normal instead of uniform",
            ("uniform",), edit("np.random.uniform(\n            -limit, "
                               "limit, (layer_dims[l], layer_dims[l - 1]))",
                               "limit * np.random.randn(layer_dims[l], "
                               "layer_dims[l - 1])")),
    Mistake("initialize_parameters", "last layer skipped", ("range",),
            edit("range(1, len(layer_dims))",
                 "range(1, len(layer_dims) - 1)")),
    # forward_propagation
    Mistake("forward_propagation", "ReLU on the output layer too",
            ("ReLU",), edit("if l < L:\n            A = np.maximum(0, Z)",
                            "A = np.maximum(0, Z)\n        Z = A")),
    Mistake("forward_propagation", "softmax applied to ZL", ("softmax",),
            edit("ZL = Z", "ZL = np.exp(Z) / np.sum(np.exp(Z), axis=0)")),
    Mistake("forward_propagation", "only works with 3 layers", ("L",),
            edit("L = len(parameters) // 2", "L = 3")),
    Mistake("forward_propagation", "cache holds A, not A_prev",
            ("A_prev",), edit("caches.append((A, W, b, Z))\n"
                              "        if l < L:\n"
                              "            A = np.maximum(0, Z)",
                              "if l < L:\n            A = np.maximum(0, Z)"
                              "\n        caches.append((A, W, b, Z))")),
    # backward_propagation
    Mistake("backward_propagation", "1/m forgotten in dW and db", ("1/m",),
            edit("np.dot(dZ, A_prev.T) / m", "np.dot(dZ, A_prev.T)",
                 "keepdims=True) / m", "keepdims=True)")),
    Mistake("backward_propagation", "ReLU mask from the layer's own Z",
            ("Z_prev",), edit("(Z_prev > 0)", "(Z[:W.shape[1]] > 0)")),
    Mistake("backward_propagation", "ReLU derivative 1 at z = 0",
            ("0",), edit("(Z_prev > 0)", "(Z_prev >= 0)")),
    Mistake("backward_propagation", "loop stops before layer 1", ("range",),
            edit("range(L, 0, -1)", "range(L, 1, -1)")),
    Mistake("backward_propagation", "db over the examples' axis 0",
            ("axis",), edit("np.sum(dZ, axis=1, keepdims=True)",
                            "np.sum(dZ, axis=0, keepdims=True)")),
    # predict
    Mistake("predict", "argmax over classes' rows (axis=1)", ("axis",),
            edit("np.argmax(ZL, axis=0)", "np.argmax(ZL, axis=1)")),
    Mistake("predict", "flat array of labels", ("(1, m)", "rank-1"),
            edit("np.argmax(ZL, axis=0).reshape(1, -1)",
                 "np.argmax(ZL, axis=0)")),
    Mistake("predict", "max instead of argmax", ("argmax",),
            edit("np.argmax(ZL, axis=0)", "np.max(ZL, axis=0)")),
    Mistake("predict", "labels shifted to 1..C", ("argmax",),
            edit("np.argmax(ZL, axis=0)", "(np.argmax(ZL, axis=0) + 1)")),
    # model
    Mistake("model", "Adam step counter reset every epoch", ("t",),
            edit("epoch_cost = 0.0\n", "epoch_cost = 0.0\n        t = 0\n")),
    Mistake("model", "the same shuffle every epoch", ("seed",),
            edit("seed = seed + 1\n", "seed = 4\n")),
    Mistake("model", "cost averaged per batch, not per example", ("m",),
            edit(" * batch_X.shape[1]", "")),
    Mistake("model", "learning rate not passed to Adam",
            ("learning_rate",), edit("parameters, grads, v, s, t, "
                                     "learning_rate)",
                                     "parameters, grads, v, s, t)")),
]
