"""Reference solutions for ``c2w1_gradient_checking``.

Gradient checking compares the gradient computed by a backward pass with
the two-sided difference quotient ``(J(theta + eps) - J(theta - eps)) /
(2 eps)``, first for a one-parameter function ``J(theta) = theta x``, then
for every one of the 47 parameters of a small three-layer network (its
helpers are in ``gc_utils``).
"""
import numpy as np

from autograder.helpers.gc_utils import (
    dictionary_to_vector,
    forward_propagation_n,
    gradients_to_vector,
    vector_to_dictionary,
)

__all__ = ["forward_propagation", "backward_propagation", "gradient_check",
           "gradient_check_n"]


def forward_propagation(x, theta):
    """The one-parameter "network" ``J(theta) = theta * x``.

    Parameters
    ----------
    x : float
        The input, a real number.
    theta : float
        The parameter, a real number.

    Returns
    -------
    J : float
        ``theta * x``.
    """
    J = theta * x
    return J


def backward_propagation(x, theta):
    """The derivative of ``J(theta) = theta * x`` with respect to theta.

    Parameters
    ----------
    x : float
        The input, a real number.
    theta : float
        The parameter, a real number.

    Returns
    -------
    dtheta : float
        dJ/dtheta, which is ``x``.
    """
    dtheta = x
    return dtheta


def gradient_check(x, theta, epsilon=1e-7):
    """Compare ``backward_propagation`` with a two-sided difference.

    Compute ``gradapprox = (J(theta + epsilon) - J(theta - epsilon)) /
    (2 epsilon)`` with ``forward_propagation``, ``grad`` with
    ``backward_propagation``, and their relative difference
    ``||grad - gradapprox|| / (||grad|| + ||gradapprox||)`` (use
    ``np.linalg.norm``). Then print, with ``difference`` formatted as
    ``{difference:.1e}``,
    ``Gradient check passed: difference = ... (threshold 1e-07)`` if
    ``difference < 1e-7``, and otherwise
    ``Gradient check failed: difference = ... (threshold 1e-07)``.

    Parameters
    ----------
    x : float
        The input, a real number.
    theta : float
        The parameter, a real number.
    epsilon : float
        The small shift of theta.

    Returns
    -------
    difference : float
        The relative difference between the two gradients.
    """
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    if difference < 1e-7:
        print(f"Gradient check passed: difference = {difference:.1e} "
              f"(threshold 1e-07)")
    else:
        print(f"Gradient check failed: difference = {difference:.1e} "
              f"(threshold 1e-07)")
    return difference


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7):
    """Check every gradient of the three-layer network numerically.

    Flatten ``parameters`` into ``theta`` (47, 1) with
    ``dictionary_to_vector`` and ``gradients`` into ``grad`` (47, 1) with
    ``gradients_to_vector``. For each i, shift a copy of ``theta`` by
    ``+epsilon`` in entry ``[i][0]`` and compute the cost ``J_plus[i]``
    with ``forward_propagation_n(X, Y, vector_to_dictionary(...))``; do
    the same with ``-epsilon`` for ``J_minus[i]``, and set ``gradapprox[i]
    = (J_plus[i] - J_minus[i]) / (2 epsilon)``. The relative difference is
    ``||grad - gradapprox|| / (||grad|| + ||gradapprox||)``. Print, with
    ``difference`` formatted as ``{difference:.1e}``,
    ``Backward propagation has a mistake: difference = ... (threshold
    2e-07)`` if ``difference > 2e-7``, and otherwise ``Backward
    propagation agrees with the numerical gradient: difference = ...
    (threshold 2e-07)``.

    Parameters
    ----------
    parameters : dict
        ``W1`` (5, 4), ``b1`` (5, 1), ``W2`` (3, 5), ``b2`` (3, 1),
        ``W3`` (1, 3), ``b3`` (1, 1); not modified.
    gradients : dict
        The backward pass's output: ``dW1``, ``db1``, ..., ``db3`` with
        the same shapes (other keys are ignored).
    X : numpy.ndarray
        Shape (4, m), the inputs.
    Y : numpy.ndarray
        Shape (1, m), the labels.
    epsilon : float
        The small shift of each parameter.

    Returns
    -------
    difference : float
        The relative difference between ``grad`` and ``gradapprox``.
    """
    theta, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = theta.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(theta)
        theta_plus[i][0] = theta_plus[i][0] + epsilon
        J_plus[i], _ = forward_propagation_n(
            X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(theta)
        theta_minus[i][0] = theta_minus[i][0] - epsilon
        J_minus[i], _ = forward_propagation_n(
            X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    if difference > 2e-7:
        print(f"Backward propagation has a mistake: difference = "
              f"{difference:.1e} (threshold 2e-07)")
    else:
        print(f"Backward propagation agrees with the numerical gradient: "
              f"difference = {difference:.1e} (threshold 2e-07)")
    return difference
