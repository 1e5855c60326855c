"""Reference solutions for ``c1w4_deep_nn_step_by_step``.

Where the graded functions are defined:

- ``autograder/helpers/dnn_app_utils.py``: ``initialize_parameters``,
  ``linear_forward``, ``linear_activation_forward``, ``L_model_forward``,
  ``compute_cost``, ``linear_backward``, ``linear_activation_backward``,
  ``L_model_backward``, ``update_parameters`` (imported below);
- this file: ``initialize_parameters_deep``.

The given activations ``sigmoid``, ``relu``, ``sigmoid_backward`` and
``relu_backward`` are defined in ``autograder/helpers/dnn_utils.py``.

A deep network with L layers, built from small functions: initialization,
the forward pass of one layer and of the whole network (with caches), the
cost, the backward pass of one layer and of the whole network, and the
gradient-descent update. Examples are stacked as columns.

The building blocks are given code in the application exercise
(``c1w4_deep_nn_application``), so their single source is the helper
module :mod:`autograder.helpers.dnn_app_utils`; this module re-exports
them. Only ``initialize_parameters_deep`` differs: this exercise seeds
with 3 and scales the weights by 0.01, the application seeds with 1 and
divides by ``sqrt(n_{l-1})``.
"""
import numpy as np

from autograder.helpers.dnn_app_utils import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    update_parameters,
)
from autograder.helpers.dnn_utils import (
    relu,
    relu_backward,
    sigmoid,
    sigmoid_backward,
)

__all__ = ["initialize_parameters", "initialize_parameters_deep",
           "linear_forward", "linear_activation_forward", "L_model_forward",
           "compute_cost", "linear_backward", "linear_activation_backward",
           "L_model_backward", "update_parameters", "sigmoid", "relu",
           "sigmoid_backward", "relu_backward"]


def initialize_parameters_deep(layer_dims):
    """Small random weights and zero biases for an L-layer network.

    Seeds NumPy's global generator with ``np.random.seed(3)``; then, for
    l = 1, ..., L in order, draws ``W{l}`` from ``np.random.randn``,
    scales it by 0.01, and sets ``b{l}`` to zeros.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_0, n_1, ..., n_L]``, the size of every layer, input first.

    Returns
    -------
    parameters : dict
        ``"W{l}"`` of shape (n_l, n_{l-1}) and ``"b{l}"`` of shape
        (n_l, 1), for l = 1, ..., L.
    """
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims) - 1
    for l in range(1, L + 1):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l],
                                              layer_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters
