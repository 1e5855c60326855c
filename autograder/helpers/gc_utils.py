"""Given code for the gradient-checking exercise (Course 2, Week 1).

Gradient checking compares the gradients of a backward pass with a
numerical estimate, one parameter at a time. To perturb "parameter i",
all the parameters of the network are flattened into one column vector
``theta`` and back; this module does that, and supplies the network that
is checked: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID with
layer sizes 4 -> 5 -> 3 -> 1, its cost and its (correct) backward pass.
Nothing here is graded.

This file is self-contained (it needs only NumPy) so that it can be copied
next to a notebook. Written for this course; MIT licence.
"""
import numpy as np

__all__ = ["SHAPES", "sigmoid", "relu", "dictionary_to_vector",
           "vector_to_dictionary", "gradients_to_vector",
           "forward_propagation_n", "backward_propagation_n"]

#: The parameters of the checked network, in the order they are
#: flattened, with their shapes: 20 + 5 + 15 + 3 + 3 + 1 = 47 numbers.
SHAPES = {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1),
          "W3": (1, 3), "b3": (1, 1)}


def sigmoid(x):
    """The logistic function ``1 / (1 + exp(-x))``, elementwise."""
    return 1 / (1 + np.exp(-x))


def relu(x):
    """The rectified linear unit ``max(0, x)``, elementwise."""
    return np.maximum(0, x)


def dictionary_to_vector(parameters):
    """Flatten W1, b1, W2, b2, W3, b3 (in this order) into one column.

    Each array is read row by row (``reshape(-1, 1)``).

    Parameters
    ----------
    parameters : dict
        Arrays with the shapes of ``SHAPES``.

    Returns
    -------
    theta : numpy.ndarray
        Shape (47, 1).
    keys : list of str
        For each entry of ``theta``, the name of the array it comes from
        (``"W1"`` 20 times, then ``"b1"`` 5 times, ...).
    """
    theta = np.concatenate([parameters[key].reshape(-1, 1)
                            for key in SHAPES])
    keys = [key for key, shape in SHAPES.items()
            for _ in range(int(np.prod(shape)))]
    return theta, keys


def vector_to_dictionary(theta):
    """Undo ``dictionary_to_vector``: cut ``theta`` into W1, b1, ..., b3.

    Parameters
    ----------
    theta : numpy.ndarray
        Shape (47, 1) (or 47 numbers in any shape).

    Returns
    -------
    parameters : dict
        ``W1`` (5, 4), ``b1`` (5, 1), ``W2`` (3, 5), ``b2`` (3, 1),
        ``W3`` (1, 3), ``b3`` (1, 1); new arrays, not views of ``theta``.
    """
    flat = np.asarray(theta, dtype=float).reshape(-1)
    parameters, start = {}, 0
    for key, shape in SHAPES.items():
        size = int(np.prod(shape))
        parameters[key] = flat[start:start + size].reshape(shape).copy()
        start += size
    return parameters


def gradients_to_vector(gradients):
    """Flatten dW1, db1, dW2, db2, dW3, db3 into one column, like theta.

    Parameters
    ----------
    gradients : dict
        Holds at least ``dW1``, ``db1``, ..., ``db3`` (other keys, such as
        ``dZ1``, are ignored).

    Returns
    -------
    numpy.ndarray
        Shape (47, 1), in the order of ``dictionary_to_vector``.
    """
    return np.concatenate([gradients["d" + key].reshape(-1, 1)
                           for key in SHAPES])


def forward_propagation_n(X, Y, parameters):
    """Forward pass and cross-entropy cost of the 4 -> 5 -> 3 -> 1 network.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (4, m), one example per column.
    Y : numpy.ndarray
        Shape (1, m), labels 0 or 1.
    parameters : dict
        ``W1`` (5, 4), ``b1`` (5, 1), ``W2`` (3, 5), ``b2`` (3, 1),
        ``W3`` (1, 3), ``b3`` (1, 1).

    Returns
    -------
    cost : float
        ``-1/m * sum(Y log A3 + (1 - Y) log(1 - A3))``.
    cache : tuple
        ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``.
    """
    m = X.shape[1]
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    cost = float(-np.sum(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)) / m)
    return cost, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation_n(X, Y, cache):
    """The gradients of ``forward_propagation_n``'s cost (a correct pass).

    The ReLU derivative is taken as 0 at 0.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (4, m).
    Y : numpy.ndarray
        Shape (1, m).
    cache : tuple
        As returned by ``forward_propagation_n``.

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
