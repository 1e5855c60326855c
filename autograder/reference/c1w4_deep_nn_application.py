"""Reference solutions for ``c1w4_deep_nn_application``.

Two image classifiers trained by full-batch gradient descent with the
given building blocks of :mod:`autograder.helpers.dnn_app_utils`: a
2-layer network (LINEAR -> RELU -> LINEAR -> SIGMOID) and an L-layer
network ([LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID). Both return
``(parameters, costs)``, the newer of the course's two versions.
"""
import numpy as np

from autograder.helpers.dnn_app_utils import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    update_parameters,
)

__all__ = ["two_layer_model", "L_layer_model"]


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                    num_iterations=3000, print_cost=False):
    """Train a 2-layer network: LINEAR -> RELU -> LINEAR -> SIGMOID.

    Seeds with ``np.random.seed(1)`` and initializes with
    ``initialize_parameters(n_x, n_h, n_y)``. Every iteration runs the
    forward pass of both layers, the cost, the backward pass from
    ``dA2 = -(Y / A2 - (1 - Y) / (1 - A2))`` and one update.

    Parameters
    ----------
    X : numpy.ndarray
        Input, shape (n_x, m).
    Y : numpy.ndarray
        Labels 0 or 1, shape (1, m).
    layers_dims : tuple of int
        ``(n_x, n_h, n_y)``.
    learning_rate : float
        The step size alpha.
    num_iterations : int
        Number of gradient-descent steps.
    print_cost : bool
        If True, print ``Cost after iteration i: cost`` (the cost in full
        precision) every 100 iterations.

    Returns
    -------
    parameters : dict
        The learned ``"W1"``, ``"b1"``, ``"W2"`` and ``"b2"``.
    costs : list
        The cost before the update of every iteration ``i`` with
        ``i % 100 == 0``.
    """
    np.random.seed(1)
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"],
                                               parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"],
                                               parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                  num_iterations=3000, print_cost=False):
    """Train an L-layer network: [LINEAR -> RELU] x (L-1) -> SIGMOID.

    Seeds with ``np.random.seed(1)`` and initializes with
    ``initialize_parameters_deep(layers_dims)``. Every iteration runs
    ``L_model_forward``, ``compute_cost``, ``L_model_backward`` and
    ``update_parameters``.

    Parameters
    ----------
    X : numpy.ndarray
        Input, shape (n_x, m).
    Y : numpy.ndarray
        Labels 0 or 1, shape (1, m).
    layers_dims : list of int
        ``[n_x, n_1, ..., n_L]``, input size first.
    learning_rate : float
        The step size alpha.
    num_iterations : int
        Number of gradient-descent steps.
    print_cost : bool
        If True, print ``Cost after iteration i: cost`` (the cost in full
        precision) every 100 iterations.

    Returns
    -------
    parameters : dict
        The learned ``"W{l}"`` and ``"b{l}"``, l = 1, ..., L.
    costs : list
        The cost before the update of every iteration ``i`` with
        ``i % 100 == 0``.
    """
    np.random.seed(1)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return parameters, costs
