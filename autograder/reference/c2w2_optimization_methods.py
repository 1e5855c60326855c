"""Reference solutions for ``c2w2_optimization_methods``.

Where the graded functions are defined:

- ``autograder/helpers/optimizers.py``: ``update_parameters_with_gd``,
  ``random_mini_batches``, ``initialize_velocity``,
  ``update_parameters_with_momentum``, ``initialize_adam``,
  ``update_parameters_with_adam`` (imported below).

The network that ``model`` trains (``initialize_parameters``,
``forward_propagation``, ``compute_cost``, ``backward_propagation``) is
given code, defined in ``autograder/helpers/opt_utils.py``.

The six graded functions (mini-batches; the updates of gradient descent,
momentum and Adam; the initial optimizer states) have their single source
in ``autograder/helpers/optimizers.py``, because a later exercise
(``c2w3_softmax_batchnorm``) receives them as a given helper module. They
are re-exported here under the assignment's names.

``model`` is not graded: the notebook gives it, and its cell is this
function's source (a test checks that the two agree).
"""
from autograder.helpers.opt_utils import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
)
from autograder.helpers.optimizers import (
    initialize_adam,
    initialize_velocity,
    random_mini_batches,
    update_parameters_with_adam,
    update_parameters_with_gd,
    update_parameters_with_momentum,
)

__all__ = ["update_parameters_with_gd", "random_mini_batches",
           "initialize_velocity", "update_parameters_with_momentum",
           "initialize_adam", "update_parameters_with_adam", "model"]

def model(X, Y, layers_dims, optimizer, learning_rate=0.0007,
          mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999,
          epsilon=1e-8, num_epochs=10000, print_cost=True):
    """Train the network with mini-batches and the chosen optimizer.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m), the training inputs.
    Y : numpy.ndarray
        Shape (1, m), labels 0 or 1.
    layers_dims : list of int
        ``[n_x, n[1], ..., n[L]]``.
    optimizer : {"gd", "momentum", "adam"}
        How the parameters are updated after each mini-batch.
    learning_rate : float
        The step size alpha.
    mini_batch_size : int
        Examples per mini-batch.
    beta : float
        Momentum's averaging rate.
    beta1, beta2, epsilon : float
        Adam's hyperparameters.
    num_epochs : int
        Passes over the training set.
    print_cost : bool
        Print ``Cost after epoch i: cost`` every 1000 epochs.

    Returns
    -------
    parameters : dict
        The trained ``"W1"``, ``"b1"``, ...
    costs : list of float
        The average cost over the training set, every 100 epochs.
    """
    m = Y.shape[1]
    parameters = initialize_parameters(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)
        t = 0  # Adam steps taken so far
    elif optimizer != "gd":
        raise ValueError(f"unknown optimizer {optimizer!r}")
    costs = []
    seed = 10  # a new shuffle every epoch: seeds 11, 12, ...
    for epoch in range(num_epochs):
        seed = seed + 1
        cost_total = 0.0
        for batch_X, batch_Y in random_mini_batches(X, Y, mini_batch_size,
                                                    seed):
            AL, cache = forward_propagation(batch_X, parameters)
            cost_total += compute_cost(AL, batch_Y)
            grads = backward_propagation(batch_X, batch_Y, cache)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(
                    parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(
                    parameters, grads, v, beta, learning_rate)
            else:
                t = t + 1
                parameters, v, s = update_parameters_with_adam(
                    parameters, grads, v, s, t, learning_rate, beta1,
                    beta2, epsilon)
        cost_avg = cost_total / m
        if epoch % 100 == 0:
            costs.append(cost_avg)
        if print_cost and epoch % 1000 == 0:
            print("Cost after epoch %i: %f" % (epoch, cost_avg))
    return parameters, costs
