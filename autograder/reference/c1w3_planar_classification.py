"""Reference solutions for ``c1w3_planar_classification``.

A network with one hidden layer: LINEAR -> tanh -> LINEAR -> sigmoid,
trained by batch gradient descent on the cross-entropy cost. Examples are
stacked as columns: ``X`` has shape (n_x, m) and ``Y`` shape (n_y, m).
"""
import numpy as np

from autograder.reference.c1w2_numpy_basics import sigmoid

__all__ = ["layer_sizes", "initialize_parameters", "forward_propagation",
           "compute_cost", "backward_propagation", "update_parameters",
           "nn_model", "predict"]


def layer_sizes(X, Y):
    """Read the sizes of the three layers from the data.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m), one example per column.
    Y : numpy.ndarray
        Shape (n_y, m), the labels.

    Returns
    -------
    n_x : int
        Size of the input layer, the number of rows of ``X``.
    n_h : int
        Size of the hidden layer: 4 (fixed in this exercise).
    n_y : int
        Size of the output layer, the number of rows of ``Y``.
    """
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    return (n_x, n_h, n_y)


def initialize_parameters(n_x, n_h, n_y):
    """Create small random weights and zero biases for the two layers.

    Call ``np.random.seed(2)`` first, then draw ``W1`` and then ``W2`` with
    ``np.random.randn`` and multiply them by 0.01.

    Parameters
    ----------
    n_x : int
        Size of the input layer.
    n_h : int
        Size of the hidden layer.
    n_y : int
        Size of the output layer.

    Returns
    -------
    parameters : dict
        ``"W1"``: shape (n_h, n_x), ``0.01 * randn``;
        ``"b1"``: shape (n_h, 1), zeros;
        ``"W2"``: shape (n_y, n_h), ``0.01 * randn``;
        ``"b2"``: shape (n_y, 1), zeros.
    """
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def forward_propagation(X, parameters):
    """Compute the network's output for every example (the forward pass).

    ``Z1 = W1 X + b1``, ``A1 = tanh(Z1)``, ``Z2 = W2 A1 + b2`` and
    ``A2 = sigmoid(Z2)``.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m).
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h) and
        ``"b2"`` (n_y, 1).

    Returns
    -------
    A2 : numpy.ndarray
        Shape (n_y, m), the output probabilities.
    cache : dict
        Exactly the keys ``"Z1"`` and ``"A1"`` (shape (n_h, m)) and
        ``"Z2"`` and ``"A2"`` (shape (n_y, m)).
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def compute_cost(A2, Y, parameters):
    """Compute the cross-entropy cost of the output.

    ``J = -1/m * sum(Y log(A2) + (1 - Y) log(1 - A2))``.

    Parameters
    ----------
    A2 : numpy.ndarray
        Shape (1, m), the output probabilities.
    Y : numpy.ndarray
        Shape (1, m), the labels, 0 or 1.
    parameters : dict
        The network's parameters; not used (the course keeps this argument
        in the signature).

    Returns
    -------
    cost : float
        The cost J as a Python float (``float(np.squeeze(...))``).
    """
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs) / m
    cost = float(np.squeeze(cost))
    return cost


def backward_propagation(parameters, cache, X, Y):
    """Compute the gradients of the cost (the backward pass).

    ``dZ2 = A2 - Y``, ``dW2 = 1/m dZ2 A1^T``, ``db2 = 1/m`` times the sum of
    ``dZ2`` over the examples; ``dZ1 = (W2^T dZ2) * (1 - A1^2)`` (the
    derivative of tanh), ``dW1 = 1/m dZ1 X^T``, ``db1 = 1/m`` times the sum
    of ``dZ1`` over the examples.

    Parameters
    ----------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h),
        ``"b2"`` (n_y, 1).
    cache : dict
        ``"Z1"``, ``"A1"`` (n_h, m), ``"Z2"``, ``"A2"`` (n_y, m), from
        :func:`forward_propagation`.
    X : numpy.ndarray
        Shape (n_x, m).
    Y : numpy.ndarray
        Shape (n_y, m), labels 0 or 1.

    Returns
    -------
    grads : dict
        ``"dW1"`` (n_h, n_x), ``"db1"`` (n_h, 1), ``"dW2"`` (n_y, n_h),
        ``"db2"`` (n_y, 1): the derivatives of the cost with respect to
        each parameter, same shape as the parameter.
    """
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


def update_parameters(parameters, grads, learning_rate=1.2):
    """Take one step of gradient descent on every parameter.

    ``W1 := W1 - learning_rate * dW1``, and the same for ``b1``, ``W2`` and
    ``b2``.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ``"W2"``, ``"b2"``.
    grads : dict
        ``"dW1"``, ``"db1"``, ``"dW2"``, ``"db2"``, same shapes.
    learning_rate : float
        The step size alpha.

    Returns
    -------
    parameters : dict
        The updated ``"W1"``, ``"b1"``, ``"W2"`` and ``"b2"``, same shapes.
        (A new dict, or the given one updated in place: both are fine.)
    """
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    b1 = parameters["b1"] - learning_rate * grads["db1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    b2 = parameters["b2"] - learning_rate * grads["db2"]
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Train the one-hidden-layer network by gradient descent.

    Take n_x and n_y from :func:`layer_sizes`, create the parameters with
    :func:`initialize_parameters`, then repeat ``num_iterations`` times:
    forward pass, cost, backward pass, update (default learning rate).

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m).
    Y : numpy.ndarray
        Shape (n_y, m), labels 0 or 1.
    n_h : int
        Size of the hidden layer.
    num_iterations : int
        Number of gradient-descent steps.
    print_cost : bool
        If True, print ``Cost after iteration i: cost`` (``"%f"``, 6
        decimals) at every iteration ``i`` with ``i % 1000 == 0``, with
        the cost computed before that iteration's update.

    Returns
    -------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h),
        ``"b2"`` (n_y, 1) after training.
    """
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters


def predict(parameters, X):
    """Predict a class for every example with a trained network.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ``"W2"``, ``"b2"``.
    X : numpy.ndarray
        Shape (n_x, m).

    Returns
    -------
    predictions : numpy.ndarray
        Shape (1, m), booleans: True (class 1) where the output
        probability ``A2 > 0.5`` (strictly), else False.
    """
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0.5
    return predictions
