"""Given code for the regularization exercise (Course 2, Week 1).

The exercise trains a three-layer network, LINEAR -> RELU -> LINEAR -> RELU
-> LINEAR -> SIGMOID, on the two-dimensional "football" data set, first as
it is, then with L2 regularization and with dropout. The learner writes the
regularized cost and backward pass and the dropout forward and backward
passes; this module supplies the rest: the data loader, the initializer,
the plain forward and backward passes, the cost, the update, prediction
and a decision-boundary plot. Nothing here is graded.

This file needs NumPy and Matplotlib, and its sibling ``football.py``
(the data), so that both can be copied next to a notebook. Written for
this course; MIT licence.
"""
import numpy as np

if __package__:  # imported from the course package
    from ..data.football import load_football
else:  # a copy beside a notebook
    from football import load_football

__all__ = ["load_2D_dataset", "sigmoid", "relu", "initialize_parameters",
           "forward_propagation", "backward_propagation", "compute_cost",
           "update_parameters", "predict", "predict_dec",
           "plot_decision_boundary"]

#: The region shown by the plots: (x_min, x_max, y_min, y_max).
LIMITS = (-0.85, 0.75, -0.9, 0.9)


def load_2D_dataset(data_dir=None):
    """The football data: 211 training and 200 test positions.

    Parameters
    ----------
    data_dir : str or Path, optional
        Folder of ``football.h5``; see ``football.load_football``.

    Returns
    -------
    train_X : numpy.ndarray, shape (2, 211)
        Positions on the pitch, one per column.
    train_Y : numpy.ndarray, shape (1, 211)
        1 where a player of our team reached the ball, else 0.
    test_X : numpy.ndarray, shape (2, 200)
    test_Y : numpy.ndarray, shape (1, 200)
    """
    arrays = load_football(data_dir)
    return (arrays["X"].T, arrays["y"].T, arrays["Xval"].T,
            arrays["yval"].T)


def sigmoid(x):
    """The logistic function ``1 / (1 + exp(-x))``, elementwise."""
    return 1 / (1 + np.exp(-x))


def relu(x):
    """The rectified linear unit ``max(0, x)``, elementwise."""
    return np.maximum(0, x)


def initialize_parameters(layer_dims):
    """Random weights scaled by ``1 / sqrt(n_{l-1})``, zero biases.

    Calls ``np.random.seed(3)``, then draws ``W{l}`` of shape
    (layer_dims[l], layer_dims[l-1]) with ``np.random.randn`` for
    l = 1, ..., L in order and divides it by ``sqrt(layer_dims[l-1])``.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_x, n_1, ..., n_L]``.

    Returns
    -------
    parameters : dict
        ``W1, b1, ..., WL, bL``; ``b{l}`` has shape (layer_dims[l], 1).
    """
    np.random.seed(3)
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


def plot_decision_boundary(predict_labels, X, y, ax=None, title=None,
                           limits=LIMITS, step=0.005):
    """Shade the plane by predicted label and draw the points on top.

    Parameters
    ----------
    predict_labels : callable
        Takes an array of shape (2, k) of points and returns k labels.
    X : ndarray, shape (2, m)
    y : ndarray, shape (1, m)
        Labels 0 (red) or 1 (blue).
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure.
    title : str, optional
    limits : tuple
        ``(x_min, x_max, y_min, y_max)`` of the shaded region.
    step : float
        Grid spacing.

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4.5))
    x_min, x_max, y_min, y_max = limits
    xx, yy = np.meshgrid(np.arange(x_min, x_max, step),
                         np.arange(y_min, y_max, step))
    grid = np.vstack([xx.ravel(), yy.ravel()])
    labels = np.asarray(predict_labels(grid), dtype=float).reshape(xx.shape)
    colours = ["#D55E00", "#0072B2"]
    ax.contourf(xx, yy, labels, levels=[-0.5, 0.5, 1.5], colors=colours,
                alpha=0.25)
    for label, colour in enumerate(colours):
        mask = np.ravel(y) == label
        ax.scatter(X[0, mask], X[1, mask], s=12, color=colour,
                   edgecolors="white", linewidths=0.3, label=f"y = {label}")
    ax.set(xlim=(x_min, x_max), ylim=(y_min, y_max), xlabel="$x_1$",
           ylabel="$x_2$", aspect="equal")
    if title:
        ax.set_title(title)
    return ax
