"""The three-layer network that several Course 2 exercises train.

LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, with its
initializer, forward and backward passes, cross-entropy cost, gradient
descent update and predictions. The given code of the initialization,
regularization and gradient-checking exercises (``init_utils``,
``reg_utils``, ``gc_utils``) and the application exercise's
``initialize_parameters_deep`` come from here. Nothing here is graded.

Conventions: one example per column, ``X`` of shape (n_x, m); layer ``l``
has ``W{l}`` of shape (n_l, n_{l-1}) and ``b{l}`` of shape (n_l, 1);
gradients use the keys ``dW{l}``, ``db{l}``, ...

This file is self-contained (it needs only NumPy) so that it can be copied
next to a notebook. Written for this course; MIT licence.
"""
import numpy as np

__all__ = ["sigmoid", "relu", "initialize_parameters", "forward_propagation",
           "backward_propagation", "compute_cost", "update_parameters",
           "predict", "predict_dec"]


def sigmoid(x):
    """The logistic function ``1 / (1 + exp(-x))``, elementwise."""
    return 1 / (1 + np.exp(-x))


def relu(x):
    """The rectified linear unit ``max(0, x)``, elementwise."""
    return np.maximum(0, x)


def initialize_parameters(layer_dims, seed=3):
    """Random weights scaled by ``1 / sqrt(n_{l-1})``, zero biases.

    Calls ``np.random.seed(seed)``, then draws ``W{l}`` of shape
    (layer_dims[l], layer_dims[l-1]) with ``np.random.randn`` for
    l = 1, ..., L in order and divides it by ``sqrt(layer_dims[l-1])``.
    This scale keeps the activations of a deep ReLU network from shrinking
    layer after layer.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_x, n_1, ..., n_L]``.
    seed : int
        Seed of NumPy's global random generator.

    Returns
    -------
    parameters : dict
        ``W1, b1, ..., WL, bL``; ``b{l}`` has shape (layer_dims[l], 1).
    """
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        fan_in = layer_dims[l - 1]
        parameters[f"W{l}"] = (np.random.randn(layer_dims[l], fan_in)
                               / np.sqrt(fan_in))
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
        One example per column.
    parameters : dict
        ``W1`` (n_1, n_x), ``b1`` (n_1, 1), ``W2`` (n_2, n_1),
        ``b2`` (n_2, 1), ``W3`` (1, n_2), ``b3`` (1, 1).

    Returns
    -------
    A3 : ndarray, shape (1, m)
        The predicted probabilities of label 1.
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``.
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost of ``forward_propagation``.

    The ReLU derivative is taken as 0 at 0.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    Y : ndarray, shape (1, m)
        Labels 0 or 1.
    cache : tuple
        As returned by ``forward_propagation``.

    Returns
    -------
    gradients : dict
        ``dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1``, each
        with the shape of the quantity it differentiates.
    """
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2,
            "dW2": dW2, "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1,
            "db1": db1}


def compute_cost(A3, Y):
    """The cross-entropy cost, averaged over the m examples.

    ``nan`` terms (0 * log 0) are skipped, and a probability of exactly 0
    or 1 on the wrong side gives ``inf``, without a warning.

    Parameters
    ----------
    A3 : ndarray, shape (1, m)
        Predicted probabilities.
    Y : ndarray, shape (1, m)
        Labels 0 or 1.

    Returns
    -------
    float
    """
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        losses = -(Y * np.log(A3) + (1 - Y) * np.log(1 - A3))
    return float(np.nansum(losses) / m)


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent; returns a new dict of parameters.

    Parameters
    ----------
    parameters : dict
        ``W1, b1, ..., WL, bL``.
    grads : dict
        Holds ``dW1, db1, ..., dWL, dbL`` with the same shapes.
    learning_rate : float

    Returns
    -------
    dict
        ``W := W - learning_rate * dW`` and the same for every ``b``.
    """
    return {key: value - learning_rate * grads["d" + key]
            for key, value in parameters.items()}


def predict(X, y, parameters):
    """Label each column of ``X`` and print the accuracy against ``y``.

    Parameters
    ----------
    X : ndarray, shape (n_x, m)
    y : ndarray, shape (1, m)
        The true labels.
    parameters : dict
        The network's parameters.

    Returns
    -------
    p : ndarray, shape (1, m), int64
        1 where the predicted probability is above 0.5, else 0.
    """
    p = predict_dec(parameters, X).astype(np.int64)
    print(f"Accuracy: {np.mean(p == y)}")
    return p


def predict_dec(parameters, X):
    """Predicted labels (True for 1) for the columns of ``X``, no printing.

    Returns
    -------
    ndarray, shape (1, m), bool
    """
    A3, _ = forward_propagation(X, parameters)
    return A3 > 0.5
