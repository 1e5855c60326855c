"""Reference solutions for ``c2w1_initialization``.

Three ways to choose the starting weights of a deep network: all zeros,
large random values and He initialization. ``layers_dims`` lists the layer
sizes ``[n_x, n_1, ..., n_L]``; layer ``l`` gets ``W{l}`` of shape
``(n_l, n_{l-1})`` and ``b{l}`` of shape ``(n_l, 1)``.
"""
import numpy as np

__all__ = ["initialize_parameters_zeros", "initialize_parameters_random",
           "initialize_parameters_he"]


def initialize_parameters_zeros(layers_dims):
    """Set every weight and every bias to zero.

    Parameters
    ----------
    layers_dims : list of int
        ``[n_x, n_1, ..., n_L]``, the size of each layer, input first.

    Returns
    -------
    parameters : dict
        For l = 1, ..., L: ``"W" + str(l)`` of shape
        (layers_dims[l], layers_dims[l-1]) and ``"b" + str(l)`` of shape
        (layers_dims[l], 1), all zeros (float).
    """
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.zeros((layers_dims[l],
                                             layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_random(layers_dims):
    """Draw large random weights (standard normal times 10); zero biases.

    Call ``np.random.seed(3)`` first, then, for l = 1, ..., L in order,
    draw ``W{l}`` with ``np.random.randn(layers_dims[l],
    layers_dims[l-1])`` and multiply it by 10.

    Parameters
    ----------
    layers_dims : list of int
        ``[n_x, n_1, ..., n_L]``.

    Returns
    -------
    parameters : dict
        ``"W" + str(l)`` of shape (layers_dims[l], layers_dims[l-1]) and
        ``"b" + str(l)`` of shape (layers_dims[l], 1), zeros, for
        l = 1, ..., L.
    """
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l],
                                                   layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_he(layers_dims):
    """He initialization: standard normal weights times sqrt(2 / n_{l-1}).

    Call ``np.random.seed(3)`` first, then, for l = 1, ..., L in order,
    draw ``W{l}`` with ``np.random.randn(layers_dims[l],
    layers_dims[l-1])`` and multiply it by
    ``np.sqrt(2 / layers_dims[l-1])``.

    Parameters
    ----------
    layers_dims : list of int
        ``[n_x, n_1, ..., n_L]``.

    Returns
    -------
    parameters : dict
        ``"W" + str(l)`` of shape (layers_dims[l], layers_dims[l-1]) and
        ``"b" + str(l)`` of shape (layers_dims[l], 1), zeros, for
        l = 1, ..., L.
    """
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        scale = np.sqrt(2 / layers_dims[l - 1])
        parameters["W" + str(l)] = np.random.randn(layers_dims[l],
                                                   layers_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
