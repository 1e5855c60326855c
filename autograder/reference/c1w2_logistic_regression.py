"""Reference solutions for ``c1w2_logistic_regression``.

Logistic regression written as the smallest neural network: one unit,
a sigmoid activation, the cross-entropy cost and batch gradient descent.
Examples are stacked as columns: ``X`` has shape (n_x, m).
"""
import numpy as np

from autograder.reference.c1w2_numpy_basics import sigmoid

__all__ = ["sigmoid", "initialize_with_zeros", "propagate", "optimize",
           "predict", "model"]


def initialize_with_zeros(dim):
    """Create the weights and the bias of logistic regression, all zero.

    Parameters
    ----------
    dim : int
        Number of features n_x.

    Returns
    -------
    w : numpy.ndarray
        Shape (dim, 1), zeros of dtype float.
    b : int
        The bias, 0.
    """
    w = np.zeros((dim, 1))
    b = 0
    return w, b


def propagate(w, b, X, Y):
    """Run one forward and one backward pass of logistic regression.

    Parameters
    ----------
    w : numpy.ndarray
        Shape (n_x, 1), the weights.
    b : float
        The bias.
    X : numpy.ndarray
        Shape (n_x, m), one example per column.
    Y : numpy.ndarray
        Shape (1, m), the labels, 0 or 1.

    Returns
    -------
    grads : dict
        ``"dw"``: numpy.ndarray of shape (n_x, 1), dJ/dw;
        ``"db"``: float, dJ/db.
    cost : numpy.ndarray
        0-d array, the cross-entropy cost
        ``-1/m * sum(Y log A + (1 - Y) log(1 - A))``.
    """
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    """Learn w and b by batch gradient descent.

    Parameters
    ----------
    w : numpy.ndarray
        Shape (n_x, 1), the initial weights (not modified).
    b : float
        The initial bias.
    X : numpy.ndarray
        Shape (n_x, m).
    Y : numpy.ndarray
        Shape (1, m), labels 0 or 1.
    num_iterations : int
        Number of gradient-descent steps.
    learning_rate : float
        The step size alpha.
    print_cost : bool
        If True, print ``Cost after iteration i: cost`` (6 decimals) every
        100 iterations.

    Returns
    -------
    params : dict
        ``"w"`` (n_x, 1) and ``"b"`` (float) after training.
    grads : dict
        ``"dw"`` (n_x, 1) and ``"db"`` (float) of the last iteration.
    costs : list
        The cost before the update at every iteration ``i`` with
        ``i % 100 == 0``; ``ceil(num_iterations / 100)`` values.
    """
    w = w.copy()
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    return params, grads, costs


def predict(w, b, X):
    """Predict labels 0 or 1 with learned logistic-regression parameters.

    Parameters
    ----------
    w : numpy.ndarray
        Shape (n_x, 1), or any shape with n_x values.
    b : float
        The bias.
    X : numpy.ndarray
        Shape (n_x, m).

    Returns
    -------
    Y_prediction : numpy.ndarray
        Shape (1, m), floats: 1.0 where the probability ``A > 0.5``
        (strictly), else 0.0.
    """
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A > 0.5).astype(float)
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,
          learning_rate=0.5, print_cost=False):
    """Train logistic regression from zeros and report its accuracy.

    Parameters
    ----------
    X_train : numpy.ndarray
        Shape (n_x, m_train).
    Y_train : numpy.ndarray
        Shape (1, m_train), labels 0 or 1.
    X_test : numpy.ndarray
        Shape (n_x, m_test).
    Y_test : numpy.ndarray
        Shape (1, m_test).
    num_iterations : int
        Number of gradient-descent steps.
    learning_rate : float
        The step size alpha.
    print_cost : bool
        Passed to :func:`optimize`.

    Returns
    -------
    d : dict
        ``"costs"`` (list), ``"Y_prediction_test"`` (1, m_test),
        ``"Y_prediction_train"`` (1, m_train), ``"w"`` (n_x, 1), ``"b"``,
        ``"learning_rate"`` and ``"num_iterations"``. Also prints
        ``train accuracy: {} %`` and ``test accuracy: {} %``.
    """
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,
                                    learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    train_accuracy = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
    test_accuracy = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
    print("train accuracy: {} %".format(train_accuracy))
    print("test accuracy: {} %".format(test_accuracy))
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
