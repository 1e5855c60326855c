"""Reference solutions for ``c2w1_regularization``.

Two ways to reduce overfitting in the three-layer network LINEAR -> RELU
-> LINEAR -> RELU -> LINEAR -> SIGMOID: L2 regularization (a penalty on the
squared weights) and inverted dropout (random units switched off during
training). Examples are columns: ``X`` has shape (n_x, m). The parameters
are ``W1`` (n_1, n_x), ``b1`` (n_1, 1), ``W2`` (n_2, n_1), ``b2`` (n_2, 1),
``W3`` (1, n_2) and ``b3`` (1, 1).
"""
import numpy as np

from autograder.helpers.reg_utils import compute_cost, relu, sigmoid

__all__ = ["compute_cost_with_regularization",
           "backward_propagation_with_regularization",
           "forward_propagation_with_dropout",
           "backward_propagation_with_dropout"]


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """The cross-entropy cost plus the L2 penalty on the three weights.

    Parameters
    ----------
    A3 : numpy.ndarray
        Shape (1, m), the output probabilities of the forward pass.
    Y : numpy.ndarray
        Shape (1, m), the labels, 0 or 1.
    parameters : dict
        ``W1``, ``b1``, ``W2``, ``b2``, ``W3``, ``b3``.
    lambd : float
        The regularization strength lambda.

    Returns
    -------
    cost : float
        ``compute_cost(A3, Y)`` plus ``lambd / (2 m)`` times the sum of
        the squares of every entry of ``W1``, ``W2`` and ``W3`` (the
        biases are not penalized).
    """
    m = Y.shape[1]
    squares = sum(np.sum(parameters[key] ** 2) for key in ("W1", "W2", "W3"))
    cost = compute_cost(A3, Y) + lambd / (2 * m) * squares
    return cost


def backward_propagation_with_regularization(X, Y, cache, lambd):
    """Backward pass of the network with the L2 penalty in the cost.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m), the inputs.
    Y : numpy.ndarray
        Shape (1, m), the labels.
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)`` from the
        forward pass.
    lambd : float
        The regularization strength lambda.

    Returns
    -------
    gradients : dict
        ``dZ3``, ``dW3``, ``db3``, ``dA2``, ``dZ2``, ``dW2``, ``db2``,
        ``dA1``, ``dZ1``, ``dW1``, ``db1``, each with the shape of the
        quantity it differentiates. Every ``dW`` gets the extra term
        ``lambd / m * W``; the ReLU derivative is 1 where ``A > 0`` and 0
        elsewhere (also at 0).
    """
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    decay = lambd / m

    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + decay * W3
    db3 = dZ3.sum(axis=1, keepdims=True) / m

    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m + decay * W2
    db2 = dZ2.sum(axis=1, keepdims=True) / m

    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m + decay * W1
    db1 = dZ1.sum(axis=1, keepdims=True) / m

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """Forward pass with inverted dropout on the two hidden layers.

    Call ``np.random.seed(1)`` first. After computing ``A1``, draw
    ``D1 = np.random.rand(*A1.shape)`` and turn it into a mask with
    ``D1 = (D1 < keep_prob).astype(int)``; set ``A1 = A1 * D1`` and then
    ``A1 = A1 / keep_prob``. Do the same for ``A2`` with a mask ``D2``
    (drawn after ``D1``). The input and the output layer get no dropout.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m), the inputs.
    parameters : dict
        ``W1``, ``b1``, ``W2``, ``b2``, ``W3``, ``b3``.
    keep_prob : float
        Probability of keeping a unit, between 0 (excluded) and 1.

    Returns
    -------
    A3 : numpy.ndarray
        Shape (1, m), the output probabilities.
    cache : tuple
        ``(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)``, where
        ``D1`` (n_1, m) and ``D2`` (n_2, m) are the 0/1 masks and ``A1``,
        ``A2`` the activations after dropout.
    """
    np.random.seed(1)
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]

    Z1 = W1 @ X + b1
    D1 = (np.random.rand(*Z1.shape) < keep_prob).astype(int)
    A1 = relu(Z1) * D1 / keep_prob

    Z2 = W2 @ A1 + b2
    D2 = (np.random.rand(*Z2.shape) < keep_prob).astype(int)
    A2 = relu(Z2) * D2 / keep_prob

    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)

    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """Backward pass of the network trained with inverted dropout.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m), the inputs.
    Y : numpy.ndarray
        Shape (1, m), the labels.
    cache : tuple
        ``(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)`` from
        ``forward_propagation_with_dropout``.
    keep_prob : float
        The same probability as in the forward pass.

    Returns
    -------
    gradients : dict
        ``dZ3``, ``dW3``, ``db3``, ``dA2``, ``dZ2``, ``dW2``, ``db2``,
        ``dA1``, ``dZ1``, ``dW1``, ``db1``. ``dA2`` and ``dA1`` are
        multiplied by their masks and divided by ``keep_prob`` before the
        ReLU derivative (1 where ``A > 0``, else 0) is applied.
    """
    m = X.shape[1]
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache

    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = dZ3.sum(axis=1, keepdims=True) / m

    dA2 = W3.T @ dZ3 * D2 / keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = dZ2.sum(axis=1, keepdims=True) / m

    dA1 = W2.T @ dZ2 * D1 / keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = dZ1.sum(axis=1, keepdims=True) / m

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients
