"""Shared numeric helpers of the tests: finite differences."""
import numpy as np


def numerical_gradient(cost, array, eps=1e-6):
    """Central differences of a scalar cost with respect to ``array``.

    Parameters
    ----------
    cost : callable
        ``cost()`` -> float, reading ``array`` (which is changed in place
        one entry at a time and restored).
    array : numpy.ndarray of float, any shape
    eps : float
        The step.

    Returns
    -------
    numpy.ndarray, the shape of ``array``
        ``(cost(x + eps) - cost(x - eps)) / (2 eps)`` per entry.
    """
    gradient = np.zeros(array.shape)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + eps
        plus = cost()
        array[index] = saved - eps
        minus = cost()
        array[index] = saved
        gradient[index] = (plus - minus) / (2 * eps)
    return gradient
