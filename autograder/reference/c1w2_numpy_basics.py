"""Reference solutions for ``c1w2_numpy_basics`` (Python basics with NumPy)."""
import numpy as np


def sigmoid(x):
    """Compute the sigmoid of x, element by element.

    Parameters
    ----------
    x : numpy.ndarray or float
        Any shape.

    Returns
    -------
    s : numpy.ndarray or float
        ``1 / (1 + exp(-x))``, same shape as ``x``.
    """
    s = 1 / (1 + np.exp(-x))
    return s


def sigmoid_derivative(x):
    """Compute the derivative of the sigmoid at x, element by element.

    Parameters
    ----------
    x : numpy.ndarray
        Any shape.

    Returns
    -------
    ds : numpy.ndarray
        ``s * (1 - s)`` where ``s = sigmoid(x)``; same shape as ``x``.
    """
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds


def image2vector(image):
    """Unroll an image into a column vector.

    Parameters
    ----------
    image : numpy.ndarray
        Shape (height, width, depth).

    Returns
    -------
    v : numpy.ndarray
        Shape (height * width * depth, 1), the pixels in row-major order.
    """
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    return v


def normalize_rows(x):
    """Divide each row of x by its Euclidean (L2) norm.

    Parameters
    ----------
    x : numpy.ndarray
        Shape (n, m), with no all-zero row.

    Returns
    -------
    x_normalized : numpy.ndarray
        Shape (n, m); every row has norm 1. The input is not modified.
    """
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    x_normalized = x / x_norm
    return x_normalized


def softmax(x):
    """Compute the softmax of each row of x.

    Parameters
    ----------
    x : numpy.ndarray
        Shape (n, m): n rows of m scores.

    Returns
    -------
    s : numpy.ndarray
        Shape (n, m); each row is positive and sums to 1.
    """
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s


def L1(yhat, y):
    """Compute the L1 loss: the sum of absolute differences.

    Parameters
    ----------
    yhat : numpy.ndarray
        Shape (m,), the predicted labels.
    y : numpy.ndarray
        Shape (m,), the true labels.

    Returns
    -------
    loss : float
        ``sum(|y - yhat|)``.
    """
    loss = np.sum(np.abs(y - yhat))
    return loss


def L2(yhat, y):
    """Compute the L2 loss: the sum of squared differences.

    Parameters
    ----------
    yhat : numpy.ndarray
        Shape (m,), the predicted labels.
    y : numpy.ndarray
        Shape (m,), the true labels.

    Returns
    -------
    loss : float
        ``sum((y - yhat) ** 2)``.
    """
    loss = np.sum((y - yhat) ** 2)
    return loss
