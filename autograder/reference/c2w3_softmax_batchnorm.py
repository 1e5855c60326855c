"""Reference solutions for ``c2w3_softmax_batchnorm``.

The NumPy replacement of the original course's framework assignment: a
softmax classifier with two ReLU hidden layers, trained with mini-batch
Adam on six-class hand signs, plus the forward and backward pass of batch
normalization. Examples are columns; labels are one-hot columns of shape
(C, m).

Gradient convention (as everywhere in the course): ``dW``, ``db``,
``dgamma`` and ``dbeta`` are gradients of the cost J; arrays with one
column per example (``dZ``, ``dA``) hold, in column i, the derivative of
that example's loss, so the factor 1/m is applied once, when the parameter
gradients are formed.

The mini-batch and Adam functions are given (the solved Week 2 functions,
``autograder/helpers/optimizers.py``, copied into the exercise folder as
``optimizers.py``).
"""
import numpy as np

from autograder.helpers.optimizers import (
    initialize_adam,
    random_mini_batches,
    update_parameters_with_adam,
)

__all__ = ["one_hot_matrix", "softmax", "compute_cost", "cost_backward",
           "batchnorm_forward", "batchnorm_backward",
           "initialize_parameters", "forward_propagation",
           "backward_propagation", "predict", "model"]


def one_hot_matrix(labels, C):
    """Turn class labels into one-hot columns.

    Parameters
    ----------
    labels : numpy.ndarray
        Integer labels in ``0, ..., C - 1``, of shape (m,) or (1, m).
    C : int
        The number of classes.

    Returns
    -------
    one_hot : numpy.ndarray
        Shape (C, m), float: ``one_hot[j, i]`` is 1.0 if example i has
        label j, else 0.0.
    """
    labels = np.asarray(labels).reshape(-1)
    one_hot = np.zeros((C, labels.size))
    one_hot[labels, np.arange(labels.size)] = 1.0
    return one_hot


def softmax(Z):
    """Softmax of every column, computed without overflow.

    Subtract each column's largest entry before exponentiating; this does
    not change the result but keeps ``np.exp`` from overflowing.

    Parameters
    ----------
    Z : numpy.ndarray
        Shape (C, m): one column of C scores (logits) per example.

    Returns
    -------
    A : numpy.ndarray
        Shape (C, m): ``A[:, i] = exp(Z[:, i]) / sum(exp(Z[:, i]))``; every
        column is positive and sums to 1.
    """
    shifted = Z - np.max(Z, axis=0, keepdims=True)
    exps = np.exp(shifted)
    A = exps / np.sum(exps, axis=0, keepdims=True)
    return A


def compute_cost(ZL, Y):
    """The softmax cross-entropy cost, computed from the logits.

    ``J = -1/m * sum over i and j of Y[j, i] * log(softmax(ZL)[j, i])``.
    Compute the log of the softmax directly, as
    ``log softmax(z) = (z - max(z)) - log(sum(exp(z - max(z))))`` per column,
    so that no ``log(0)`` appears even for very confident scores.

    Parameters
    ----------
    ZL : numpy.ndarray
        Shape (C, m), the last layer's linear outputs (logits).
    Y : numpy.ndarray
        Shape (C, m), one-hot labels.

    Returns
    -------
    cost : float
        The average cross-entropy over the m examples.
    """
    m = Y.shape[1]
    shifted = ZL - np.max(ZL, axis=0, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=0,
                                        keepdims=True))
    cost = -np.sum(Y * log_probs) / m
    return float(cost)


def cost_backward(ZL, Y):
    """Derivative of each example's softmax cross-entropy loss.

    For one example, the loss ``-sum_j y_j log softmax(z)_j`` has the
    derivative ``softmax(z) - y`` with respect to the logits z.

    Parameters
    ----------
    ZL : numpy.ndarray
        Shape (C, m), logits.
    Y : numpy.ndarray
        Shape (C, m), one-hot labels.

    Returns
    -------
    dZL : numpy.ndarray
        Shape (C, m): ``softmax(ZL) - Y`` (no 1/m: see the module's
        gradient convention).
    """
    dZL = softmax(ZL) - Y
    return dZL


def batchnorm_forward(Z, gamma, beta, epsilon=1e-5):
    """Batch normalization of a mini-batch, training mode.

    Each row (unit) of Z is normalized over the m examples of the batch,
    then scaled and shifted by the learnable gamma and beta::

        mu = mean of Z over the examples (axis 1)          (n, 1)
        var = mean of (Z - mu) ** 2 over the examples      (n, 1)
        Z_norm = (Z - mu) / sqrt(var + epsilon)            (n, m)
        Z_tilde = gamma * Z_norm + beta                    (n, m)

    Parameters
    ----------
    Z : numpy.ndarray
        Shape (n, m), the linear outputs of a layer for a mini-batch.
    gamma : numpy.ndarray
        Shape (n, 1), the scale.
    beta : numpy.ndarray
        Shape (n, 1), the shift.
    epsilon : float
        Added to the variance, for a safe division.

    Returns
    -------
    Z_tilde : numpy.ndarray
        Shape (n, m).
    cache : tuple
        ``(Z_norm, mu, var, gamma, epsilon)``, for the backward pass and
        for the running averages used at test time.
    """
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)
    Z_norm = (Z - mu) / np.sqrt(var + epsilon)
    Z_tilde = gamma * Z_norm + beta
    cache = (Z_norm, mu, var, gamma, epsilon)
    return Z_tilde, cache


def batchnorm_backward(dZ_tilde, cache):
    """Backward pass of batch normalization.

    With the course's convention (column i of ``dZ_tilde`` is the
    derivative of example i's loss, and parameter gradients carry the
    1/m), the gradients are averages over the examples (axis 1)::

        dbeta = mean of dZ_tilde                                 (n, 1)
        dgamma = mean of dZ_tilde * Z_norm                       (n, 1)
        dZ = gamma / sqrt(var + epsilon)
             * (dZ_tilde - dbeta - Z_norm * dgamma)              (n, m)

    The last two terms appear because mu and var depend on every example
    of the batch.

    Parameters
    ----------
    dZ_tilde : numpy.ndarray
        Shape (n, m), the derivative with respect to the output Z_tilde.
    cache : tuple
        ``(Z_norm, mu, var, gamma, epsilon)`` from ``batchnorm_forward``.

    Returns
    -------
    dZ : numpy.ndarray
        Shape (n, m), the derivative with respect to the input Z.
    dgamma : numpy.ndarray
        Shape (n, 1), the gradient of the cost with respect to gamma.
    dbeta : numpy.ndarray
        Shape (n, 1), the gradient of the cost with respect to beta.
    """
    Z_norm, mu, var, gamma, epsilon = cache
    dbeta = np.mean(dZ_tilde, axis=1, keepdims=True)
    dgamma = np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True)
    dZ = gamma / np.sqrt(var + epsilon) * (dZ_tilde - dbeta - Z_norm * dgamma)
    return dZ, dgamma, dbeta


def initialize_parameters(layer_dims, seed=1):
    """Glorot (Xavier) uniform weights and zero biases.

    Call ``np.random.seed(seed)`` once, then for l = 1, ..., L in order::

        limit = sqrt(6 / (n[l-1] + n[l]))
        W{l} = np.random.uniform(-limit, limit, (n[l], n[l-1]))
        b{l} = zeros of shape (n[l], 1)

    Parameters
    ----------
    layer_dims : list of int
        ``[n_x, n[1], ..., n[L]]``, e.g. ``[12288, 25, 12, 6]``.
    seed : int
        Seed of NumPy's global random generator.

    Returns
    -------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    """
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        limit = np.sqrt(6 / (layer_dims[l - 1] + layer_dims[l]))
        parameters["W" + str(l)] = np.random.uniform(
            -limit, limit, (layer_dims[l], layer_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """LINEAR -> RELU for the hidden layers, then a last LINEAR layer.

    For l = 1, ..., L: ``Z = W{l} A_prev + b{l}`` with ``A_prev = X`` for
    l = 1; hidden layers (l < L) apply ``A = max(0, Z)``. The output layer
    stays linear: the softmax is part of the cost.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m).
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.

    Returns
    -------
    ZL : numpy.ndarray
        Shape (n[L], m), the logits.
    caches : list of tuple
        One ``(A_prev, W, b, Z)`` per layer, in the order l = 1, ..., L.
    """
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = np.dot(W, A) + b
        caches.append((A, W, b, Z))
        if l < L:
            A = np.maximum(0, Z)
    ZL = Z
    return ZL, caches


def backward_propagation(ZL, Y, caches):
    """Gradients of the softmax cross-entropy cost for every layer.

    Start from ``dZ = cost_backward(ZL, Y)``; then for l = L, ..., 1::

        dW{l} = 1/m * dZ A_prev.T
        db{l} = 1/m * sum of dZ over the examples (keep the (n, 1) shape)
        dA_prev = W.T dZ
        dZ = dA_prev * (Z_prev > 0)        (ReLU; derivative 0 at 0)

    where ``Z_prev`` is the Z of layer l - 1 (the last two lines are not
    needed once l = 1).

    Parameters
    ----------
    ZL : numpy.ndarray
        Shape (C, m), the logits from ``forward_propagation``.
    Y : numpy.ndarray
        Shape (C, m), one-hot labels.
    caches : list of tuple
        From ``forward_propagation``.

    Returns
    -------
    grads : dict
        ``"dW1"``, ``"db1"``, ..., ``"dWL"``, ``"dbL"``, shaped like the
        parameters.
    """
    m = Y.shape[1]
    L = len(caches)
    grads = {}
    dZ = cost_backward(ZL, Y)
    for l in range(L, 0, -1):
        A_prev, W, b, Z = caches[l - 1]
        grads["dW" + str(l)] = np.dot(dZ, A_prev.T) / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            Z_prev = caches[l - 2][3]
            dZ = np.dot(W.T, dZ) * (Z_prev > 0)
    return grads


def predict(X, parameters):
    """The most likely class of every example.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m).
    parameters : dict
        Trained parameters.

    Returns
    -------
    predictions : numpy.ndarray
        Shape (1, m), int: the row index of the largest logit in each
        column (the softmax does not change which one is largest).
    """
    ZL, _ = forward_propagation(X, parameters)
    predictions = np.argmax(ZL, axis=0).reshape(1, -1)
    return predictions


def model(X_train, Y_train, X_test, Y_test, layer_dims, learning_rate=0.0001,
          num_epochs=1500, minibatch_size=32, print_cost=True):
    """Train the softmax classifier with mini-batch Adam.

    1. ``parameters = initialize_parameters(layer_dims)`` (seed 1) and
       ``v, s = initialize_adam(parameters)``; ``t = 0``; ``seed = 3``.
    2. For every epoch: ``seed = seed + 1``, then for every mini-batch of
       ``random_mini_batches(X_train, Y_train, minibatch_size, seed)``:
       forward pass, cost, backward pass, ``t = t + 1``, and one
       ``update_parameters_with_adam(parameters, grads, v, s, t,
       learning_rate)`` (default betas and epsilon).
    3. The epoch's cost is the average loss over all training examples:
       the sum over mini-batches of ``cost * batch size``, divided by m.
       Append it to ``costs`` every epoch; if ``print_cost``, print
       ``"Cost after epoch %i: %f" % (epoch, cost)`` every 10 epochs
       (epochs 0, 10, 20, ...).
    4. At the end, print ``"Train accuracy: %f"`` and
       ``"Test accuracy: %f"``, the share of correct ``predict`` results
       (a fraction between 0 and 1), whether or not ``print_cost``.

    Parameters
    ----------
    X_train : numpy.ndarray
        Shape (n_x, m_train).
    Y_train : numpy.ndarray
        Shape (C, m_train), one-hot.
    X_test : numpy.ndarray
        Shape (n_x, m_test).
    Y_test : numpy.ndarray
        Shape (C, m_test), one-hot.
    layer_dims : list of int
        ``[n_x, n[1], ..., C]``.
    learning_rate : float
        Adam's step size.
    num_epochs : int
        Passes over the training set.
    minibatch_size : int
        Examples per mini-batch.
    print_cost : bool
        Print the cost every 10 epochs.

    Returns
    -------
    parameters : dict
        The trained parameters.
    costs : list of float
        The cost of every epoch.
    """
    m = X_train.shape[1]
    parameters = initialize_parameters(layer_dims)
    v, s = initialize_adam(parameters)
    t = 0
    seed = 3
    costs = []
    for epoch in range(num_epochs):
        seed = seed + 1
        epoch_cost = 0.0
        for batch_X, batch_Y in random_mini_batches(X_train, Y_train,
                                                    minibatch_size, seed):
            ZL, caches = forward_propagation(batch_X, parameters)
            epoch_cost += compute_cost(ZL, batch_Y) * batch_X.shape[1]
            grads = backward_propagation(ZL, batch_Y, caches)
            t = t + 1
            parameters, v, s = update_parameters_with_adam(
                parameters, grads, v, s, t, learning_rate)
        epoch_cost = epoch_cost / m
        costs.append(epoch_cost)
        if print_cost and epoch % 10 == 0:
            print("Cost after epoch %i: %f" % (epoch, epoch_cost))
    train_labels = np.argmax(Y_train, axis=0).reshape(1, -1)
    test_labels = np.argmax(Y_test, axis=0).reshape(1, -1)
    print("Train accuracy: %f" % np.mean(predict(X_train, parameters)
                                         == train_labels))
    print("Test accuracy: %f" % np.mean(predict(X_test, parameters)
                                        == test_labels))
    return parameters, costs
