"""Given code for the gradient-checking exercise (Course 2, Week 1).

Gradient checking compares the gradients of a backward pass with a
numerical estimate, one parameter at a time. To perturb "parameter i",
all the parameters of the network are flattened into one column vector
``theta`` and back; this module does that, and supplies the network that
is checked: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID with
layer sizes 4 -> 5 -> 3 -> 1, its cost and its (correct) backward pass,
which come from the sibling ``small_nets.py``. Nothing here is graded.

This file needs NumPy and ``small_nets.py``, so that both can be copied
next to a notebook. Written for this course; MIT licence.
"""
import numpy as np

# isort: off
if __package__:  # imported from the course package
    from .small_nets import (backward_propagation, compute_cost,
                             forward_propagation, relu, sigmoid)
else:  # a copy beside a notebook
    from small_nets import (backward_propagation, compute_cost,
                            forward_propagation, relu, sigmoid)
# isort: on

__all__ = ["SHAPES", "sigmoid", "relu", "dictionary_to_vector",
           "vector_to_dictionary", "gradients_to_vector",
           "forward_propagation_n", "backward_propagation_n"]

#: The parameters of the checked network, in the order they are
#: flattened, with their shapes: 20 + 5 + 15 + 3 + 3 + 1 = 47 numbers.
SHAPES = {"W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1),
          "W3": (1, 3), "b3": (1, 1)}


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
    A3, cache = forward_propagation(X, parameters)
    return compute_cost(A3, Y), cache


#: The gradients of ``forward_propagation_n``'s cost (a correct pass):
#: ``small_nets.backward_propagation(X, Y, cache)``.
backward_propagation_n = backward_propagation
