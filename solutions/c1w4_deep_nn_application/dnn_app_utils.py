"""Building blocks of a deep network, ready to use.

Given code for the Week 4 application exercise (not graded there): the
functions that the step-by-step exercise builds one at a time, plus
``predict`` and ``print_mislabeled_images``. A network with ``L`` layers
runs ``L - 1`` layers LINEAR -> RELU and one output layer LINEAR ->
SIGMOID, and learns by full-batch gradient descent on the cross-entropy
cost.

Conventions: arrays have one example per column, shape (units, m); the
parameters of layer ``l`` are ``parameters["W{l}"]``, shape
(n_l, n_{l-1}), and ``parameters["b{l}"]``, shape (n_l, 1); gradients use
the keys ``dW{l}``, ``db{l}`` and ``dA{l}``.

One difference from the step-by-step exercise: here
``initialize_parameters_deep`` draws with seed 1 and divides each weight
matrix by ``sqrt(n_{l-1})``, which keeps the activations of a deep ReLU
network from shrinking layer after layer (Course 2 explains why).

This file needs NumPy and its siblings ``dnn_utils.py`` (the activation
functions) and ``small_nets.py`` (the initializer), so that all three can
be copied next to a notebook. This file is
also the single source of the course's reference solutions of these
building blocks. Written for this course; MIT licence.
"""
import numpy as np

# isort: off
if __package__:  # imported from the course package
    from . import small_nets
    from .dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward
else:  # a copy beside a notebook
    import small_nets
    from dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward
# isort: on

__all__ = ["sigmoid", "relu", "sigmoid_backward", "relu_backward",
           "initialize_parameters", "initialize_parameters_deep",
           "linear_forward", "linear_activation_forward", "L_model_forward",
           "compute_cost", "linear_backward", "linear_activation_backward",
           "L_model_backward", "update_parameters", "predict",
           "print_mislabeled_images"]


def initialize_parameters(n_x, n_h, n_y):
    """Random weights and zero biases for a 2-layer network.

    Seeds NumPy's global generator with ``np.random.seed(1)``, then draws
    ``W1`` and ``W2`` (in that order) from ``np.random.randn`` and scales
    them by 0.01.

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
        ``"W1"`` shape (n_h, n_x), ``"b1"`` zeros of shape (n_h, 1),
        ``"W2"`` shape (n_y, n_h), ``"b2"`` zeros of shape (n_y, 1).
    """
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def initialize_parameters_deep(layer_dims):
    """Random weights and zero biases for an L-layer network.

    ``small_nets.initialize_parameters(layer_dims, seed=1)``: seeds with
    ``np.random.seed(1)``; for l = 1, ..., L draws ``W{l}`` from
    ``np.random.randn`` and divides it by ``sqrt(layer_dims[l-1])``.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_0, n_1, ..., n_L]``, the size of every layer, input first.

    Returns
    -------
    parameters : dict
        ``"W{l}"`` of shape (n_l, n_{l-1}) and ``"b{l}"`` zeros of shape
        (n_l, 1), for l = 1, ..., L.
    """
    return small_nets.initialize_parameters(layer_dims, seed=1)


def linear_forward(A, W, b):
    """The linear part of one layer's forward pass.

    Parameters
    ----------
    A : numpy.ndarray
        Activations of the previous layer (or the input), shape
        (n_{l-1}, m).
    W : numpy.ndarray
        Weights, shape (n_l, n_{l-1}).
    b : numpy.ndarray
        Bias, shape (n_l, 1).

    Returns
    -------
    Z : numpy.ndarray
        ``W A + b``, shape (n_l, m).
    cache : tuple
        ``(A, W, b)``, the inputs, kept for the backward pass.
    """
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    """One layer forward: LINEAR, then the activation.

    Parameters
    ----------
    A_prev : numpy.ndarray
        Activations of the previous layer, shape (n_{l-1}, m).
    W : numpy.ndarray
        Weights, shape (n_l, n_{l-1}).
    b : numpy.ndarray
        Bias, shape (n_l, 1).
    activation : str
        ``"sigmoid"`` or ``"relu"``.

    Returns
    -------
    A : numpy.ndarray
        The layer's activations, shape (n_l, m).
    cache : tuple
        ``(linear_cache, activation_cache)`` = ``((A_prev, W, b), Z)``.
    """
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    """The forward pass of the whole network.

    Runs [LINEAR -> RELU] for layers 1, ..., L-1, then LINEAR -> SIGMOID
    for layer L, where ``L = len(parameters) // 2``.

    Parameters
    ----------
    X : numpy.ndarray
        Input, shape (n_0, m).
    parameters : dict
        ``"W{l}"`` and ``"b{l}"`` for l = 1, ..., L.

    Returns
    -------
    AL : numpy.ndarray
        Output of the last layer (the probabilities), shape (1, m).
    caches : list
        The L caches of :func:`linear_activation_forward`, layer 1 first:
        indices 0, ..., L-2 hold the ReLU layers' caches, index L-1 the
        sigmoid layer's.
    """
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(
            A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """The cross-entropy cost of the predictions.

    Parameters
    ----------
    AL : numpy.ndarray
        Probabilities, shape (1, m), strictly between 0 and 1.
    Y : numpy.ndarray
        Labels 0 or 1, shape (1, m).

    Returns
    -------
    cost : numpy.float64
        A single number (``np.squeeze``-d):
        ``-1/m * sum(Y log(AL) + (1 - Y) log(1 - AL))``.
    """
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    cost = np.squeeze(cost)
    return cost


def linear_backward(dZ, cache):
    """The linear part of one layer's backward pass.

    Parameters
    ----------
    dZ : numpy.ndarray
        Gradient with respect to the layer's ``Z``, shape (n_l, m).
    cache : tuple
        ``(A_prev, W, b)`` from :func:`linear_forward`.

    Returns
    -------
    dA_prev : numpy.ndarray
        ``W.T dZ``, shape (n_{l-1}, m), like ``A_prev``.
    dW : numpy.ndarray
        ``1/m dZ A_prev.T``, shape (n_l, n_{l-1}), like ``W``.
    db : numpy.ndarray
        ``1/m`` times the sum of ``dZ`` over the examples (axis 1),
        shape (n_l, 1), like ``b``.
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """One layer backward: through the activation, then the linear part.

    Parameters
    ----------
    dA : numpy.ndarray
        Gradient with respect to the layer's activations, shape (n_l, m).
    cache : tuple
        ``((A_prev, W, b), Z)`` from :func:`linear_activation_forward`.
    activation : str
        ``"sigmoid"`` or ``"relu"``, as in the forward pass.

    Returns
    -------
    dA_prev : numpy.ndarray
        Shape (n_{l-1}, m).
    dW : numpy.ndarray
        Shape (n_l, n_{l-1}).
    db : numpy.ndarray
        Shape (n_l, 1).
    """
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    """The backward pass of the whole network.

    Starts from ``dAL = -(Y / AL - (1 - Y) / (1 - AL))``, goes back
    through the sigmoid layer L, then through the ReLU layers L-1, ..., 1.

    Parameters
    ----------
    AL : numpy.ndarray
        Output of :func:`L_model_forward`, shape (1, m).
    Y : numpy.ndarray
        Labels 0 or 1, m values (reshaped to the shape of ``AL``).
    caches : list
        The L caches of :func:`L_model_forward`.

    Returns
    -------
    grads : dict
        ``"dA{l}"`` for l = 0, ..., L-1 (the gradient with respect to the
        activations of layer l, shape (n_l, m); ``dA0`` is the one with
        respect to ``X``), and ``"dW{l}"``, ``"db{l}"`` for l = 1, ..., L,
        shaped like ``W{l}`` and ``b{l}``.
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1],
                                                 "sigmoid")
    grads[f"dA{L - 1}"] = dA_prev
    grads[f"dW{L}"] = dW
    grads[f"db{L}"] = db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads[f"dA{l + 1}"],
                                                     caches[l], "relu")
        grads[f"dA{l}"] = dA_prev
        grads[f"dW{l + 1}"] = dW
        grads[f"db{l + 1}"] = db
    return grads


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent on every layer.

    Parameters
    ----------
    parameters : dict
        ``"W{l}"`` and ``"b{l}"`` for l = 1, ..., L.
    grads : dict
        At least ``"dW{l}"`` and ``"db{l}"`` for l = 1, ..., L (other
        keys, such as ``"dA{l}"``, are ignored).
    learning_rate : float
        The step size alpha.

    Returns
    -------
    parameters : dict
        The same keys, with ``W{l} - learning_rate * dW{l}`` and
        ``b{l} - learning_rate * db{l}``.
    """
    parameters = parameters.copy()
    L = len(parameters) // 2
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        parameters[f"W{l}"] = W - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = b - learning_rate * grads[f"db{l}"]
    return parameters


def predict(X, y, parameters):
    """Predict labels with a trained network and print the accuracy.

    Parameters
    ----------
    X : numpy.ndarray
        Inputs, shape (n_0, m).
    y : numpy.ndarray
        True labels 0 or 1, shape (1, m).
    parameters : dict
        A trained network's ``"W{l}"`` and ``"b{l}"``.

    Returns
    -------
    p : numpy.ndarray
        Shape (1, m), floats: 1.0 where the output probability is above
        0.5 (strictly), else 0.0. Prints ``Accuracy: `` and the share of
        correct predictions.
    """
    probabilities, _ = L_model_forward(X, parameters)
    p = (probabilities > 0.5).astype(float)
    print("Accuracy: " + str(np.mean(p == y)))
    return p


def print_mislabeled_images(classes, X, y, p, columns=6):
    """Show the pictures whose prediction differs from the label.

    Parameters
    ----------
    classes : numpy.ndarray
        Class names as bytes, index = label (e.g. ``[b"non-cat", b"cat"]``).
    X : numpy.ndarray
        Flattened pictures, shape (64 * 64 * 3, m), values in [0, 1].
    y : numpy.ndarray
        True labels, shape (1, m).
    p : numpy.ndarray
        Predicted labels, shape (1, m).
    columns : int
        Pictures per row.
    """
    import matplotlib.pyplot as plt

    wrong = np.flatnonzero(p[0] != y[0])
    if wrong.size == 0:
        print("No mislabeled picture.")
        return
    side = int(round(np.sqrt(X.shape[0] / 3)))
    rows = int(np.ceil(wrong.size / columns))
    fig, axes = plt.subplots(rows, columns, figsize=(1.9 * columns,
                                                     2.2 * rows),
                             squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for ax, index in zip(axes.flat, wrong):
        ax.imshow(X[:, index].reshape(side, side, 3))
        said = classes[int(p[0, index])].decode()
        truth = classes[int(y[0, index])].decode()
        ax.set_title(f"said {said}\nis {truth}", fontsize=9)
    plt.show()
