"""Mini-batches and the updates of gradient descent, momentum and Adam.

These six functions are the graded functions of the Course 2, Week 2
assignment (``c2w2_optimization_methods``); later assignments receive them,
solved, as this helper module. It needs only NumPy and the standard library.

Conventions: ``parameters`` holds ``"W1", "b1", ..., "WL", "bL"``; ``grads``
and the optimizer state ``v`` and ``s`` hold ``"dW1", "db1", ...``, each
array shaped like the parameter it belongs to. ``L = len(parameters) // 2``.
"""
import math

import numpy as np

__all__ = ["update_parameters_with_gd", "random_mini_batches",
           "initialize_velocity", "update_parameters_with_momentum",
           "initialize_adam", "update_parameters_with_adam"]


def update_parameters_with_gd(parameters, grads, learning_rate):
    """Take one step of (mini-batch) gradient descent.

    For every layer l = 1, ..., L::

        W[l] = W[l] - learning_rate * dW[l]
        b[l] = b[l] - learning_rate * db[l]

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``; ``W{l}`` has shape
        (n[l], n[l-1]) and ``b{l}`` shape (n[l], 1).
    grads : dict
        ``"dW1"``, ``"db1"``, ..., shaped like the parameters.
    learning_rate : float
        The step size alpha.

    Returns
    -------
    parameters : dict
        The updated parameters, same keys and shapes (updating the given
        dict is fine).
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = (parameters["W" + str(l)]
                                    - learning_rate * grads["dW" + str(l)])
        parameters["b" + str(l)] = (parameters["b" + str(l)]
                                    - learning_rate * grads["db" + str(l)])
    return parameters


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the examples, then cut them into mini-batches.

    1. Call ``np.random.seed(seed)`` and draw one permutation of the m
       example indices with ``np.random.permutation(m)``.
    2. Reorder the columns of X and of Y with that same permutation.
    3. Cut the shuffled columns into ``m // mini_batch_size`` full
       mini-batches, in order, then one last, smaller mini-batch with the
       ``m % mini_batch_size`` remaining columns if there are any.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m), one example per column.
    Y : numpy.ndarray
        Shape (n_y, m): the labels of the same examples, e.g. (1, m) for
        0/1 labels or (C, m) for one-hot labels.
    mini_batch_size : int
        Number of examples in a full mini-batch.
    seed : int
        Seed of NumPy's global random generator, so the shuffle can be
        reproduced.

    Returns
    -------
    mini_batches : list of tuple
        ``[(mini_batch_X, mini_batch_Y), ...]``; ``mini_batch_X`` has shape
        (n_x, size) and ``mini_batch_Y`` shape (n_y, size), where size is
        ``mini_batch_size`` except perhaps in the last pair.
    """
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation]
    mini_batches = []
    num_complete = math.floor(m / mini_batch_size)
    for k in range(num_complete):
        start, stop = k * mini_batch_size, (k + 1) * mini_batch_size
        mini_batches.append((shuffled_X[:, start:stop],
                             shuffled_Y[:, start:stop]))
    if m % mini_batch_size != 0:
        start = num_complete * mini_batch_size
        mini_batches.append((shuffled_X[:, start:], shuffled_Y[:, start:]))
    return mini_batches


def initialize_velocity(parameters):
    """Create the velocity of momentum: zeros shaped like the parameters.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.

    Returns
    -------
    v : dict
        ``"dW1"``, ``"db1"``, ..., ``"dWL"``, ``"dbL"``: float arrays of
        zeros; ``v["dW" + str(l)]`` has the shape of ``W{l}`` and
        ``v["db" + str(l)]`` that of ``b{l}``.
    """
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v


def update_parameters_with_momentum(parameters, grads, v, beta,
                                    learning_rate):
    """Take one step of gradient descent with momentum.

    For every layer l = 1, ..., L, first update the velocity, an
    exponentially weighted average of the gradients, then step along it::

        v["dW{l}"] = beta * v["dW{l}"] + (1 - beta) * dW[l]
        W[l] = W[l] - learning_rate * v["dW{l}"]

    and the same for b with ``"db{l}"``.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    grads : dict
        ``"dW1"``, ``"db1"``, ..., shaped like the parameters.
    v : dict
        The current velocity, keys as in ``grads``.
    beta : float
        The momentum hyperparameter, in [0, 1).
    learning_rate : float
        The step size alpha.

    Returns
    -------
    parameters : dict
        The updated parameters.
    v : dict
        The updated velocity.
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            v[key] = beta * v[key] + (1 - beta) * grads[key]
            parameters[name + str(l)] = (parameters[name + str(l)]
                                         - learning_rate * v[key])
    return parameters, v


def initialize_adam(parameters):
    """Create Adam's two moving averages, v and s, as zeros.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.

    Returns
    -------
    v : dict
        Average of the gradients: ``"dW1"``, ``"db1"``, ..., float zeros
        shaped like ``W1``, ``b1``, ...
    s : dict
        Average of the squared gradients: same keys and shapes, zeros. A
        separate dict from ``v``.
    """
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            shape = parameters[name + str(l)].shape
            v["d" + name + str(l)] = np.zeros(shape)
            s["d" + name + str(l)] = np.zeros(shape)
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t,
                                learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    """Take one step of Adam.

    For every parameter array P with gradient dP (all of W1, b1, ..., bL)::

        v[dP] = beta1 * v[dP] + (1 - beta1) * dP
        s[dP] = beta2 * s[dP] + (1 - beta2) * dP ** 2
        v_corrected = v[dP] / (1 - beta1 ** t)
        s_corrected = s[dP] / (1 - beta2 ** t)
        P = P - learning_rate * v_corrected / (sqrt(s_corrected) + epsilon)

    The squares and square roots are taken entry by entry, and epsilon is
    added *after* the square root (standard Adam). The bias-corrected
    averages are only used for the step: ``v`` and ``s`` keep the
    uncorrected ones.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    grads : dict
        ``"dW1"``, ``"db1"``, ..., shaped like the parameters.
    v : dict
        Moving average of the gradients, keys as in ``grads``.
    s : dict
        Moving average of the squared gradients, keys as in ``grads``.
    t : int
        The number of Adam steps taken so far, this one included (1 on
        the first step).
    learning_rate : float
        The step size alpha.
    beta1, beta2 : float
        Decay rates of the two moving averages.
    epsilon : float
        Keeps the division safe when ``s_corrected`` is close to 0.

    Returns
    -------
    parameters : dict
        The updated parameters.
    v : dict
        The updated (uncorrected) average of the gradients.
    s : dict
        The updated (uncorrected) average of the squared gradients.
    """
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            s[key] = beta2 * s[key] + (1 - beta2) * np.square(grads[key])
            v_corrected = v[key] / (1 - beta1 ** t)
            s_corrected = s[key] / (1 - beta2 ** t)
            parameters[name + str(l)] = (
                parameters[name + str(l)] - learning_rate * v_corrected
                / (np.sqrt(s_corrected) + epsilon))
    return parameters, v, s
