"""Activation functions of a deep network, forward and backward.

Given code for the Week 4 exercises (not graded). Each forward function
returns the activation and a cache, the pre-activation ``Z``, which the
matching backward function needs later. Each backward function turns the
gradient with respect to the activation, ``dA``, into the gradient with
respect to the pre-activation, ``dZ``, by the chain rule.

Arrays have one example per column: shape (units, m).

This file is self-contained (it needs only NumPy) so that it can be copied
next to a notebook. Written for this course; MIT licence.
"""
import numpy as np

__all__ = ["sigmoid", "relu", "sigmoid_backward", "relu_backward"]


def sigmoid(Z):
    """The logistic function, entry by entry.

    Parameters
    ----------
    Z : numpy.ndarray
        Pre-activation, any shape.

    Returns
    -------
    A : numpy.ndarray
        ``1 / (1 + exp(-Z))``, same shape as ``Z``.
    cache : numpy.ndarray
        ``Z`` itself, kept for :func:`sigmoid_backward`.
    """
    A = 1.0 / (1.0 + np.exp(-Z))
    return A, Z


def relu(Z):
    """The rectified linear unit, ``max(0, z)``, entry by entry.

    Parameters
    ----------
    Z : numpy.ndarray
        Pre-activation, any shape.

    Returns
    -------
    A : numpy.ndarray
        Same shape as ``Z``; negative entries replaced by 0.
    cache : numpy.ndarray
        ``Z`` itself, kept for :func:`relu_backward`.
    """
    A = np.maximum(0, Z)
    return A, Z


def sigmoid_backward(dA, cache):
    """Gradient through a sigmoid: ``dZ = dA * s * (1 - s)``.

    Parameters
    ----------
    dA : numpy.ndarray
        Gradient of the cost with respect to the activation ``A``.
    cache : numpy.ndarray
        ``Z`` of the forward pass, same shape as ``dA``.

    Returns
    -------
    dZ : numpy.ndarray
        Gradient with respect to ``Z``, same shape as ``Z``, where
        ``s = sigmoid(Z)``.
    """
    Z = cache
    s = 1.0 / (1.0 + np.exp(-Z))
    return dA * s * (1.0 - s)


def relu_backward(dA, cache):
    """Gradient through a ReLU: ``dZ = dA`` where ``Z > 0``, else 0.

    The ReLU has no derivative at 0; this course takes it to be 0 there,
    so an entry with ``Z == 0`` passes no gradient.

    Parameters
    ----------
    dA : numpy.ndarray
        Gradient of the cost with respect to the activation ``A``.
    cache : numpy.ndarray
        ``Z`` of the forward pass, same shape as ``dA``.

    Returns
    -------
    dZ : numpy.ndarray
        Gradient with respect to ``Z``, same shape as ``Z`` (float).
    """
    Z = cache
    dZ = np.array(dA, dtype=float)  # a copy: dA itself is left alone
    dZ[Z <= 0] = 0.0
    return dZ
