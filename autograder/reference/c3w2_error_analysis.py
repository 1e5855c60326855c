"""Reference solutions for ``c3w2_error_analysis``.

Error analysis over tagged dev-set mistakes (the share of the mistakes in
each category and the ceiling on what fixing it can gain), the four-way
diagnosis of a system trained and tested on different distributions
(avoidable bias, variance, data mismatch, overfitting to the dev set), and
transfer learning by fine-tuning the last layer of a pre-trained two-layer
network. Examples are columns; labels are rows of shape (1, m).
"""
import numpy as np

from autograder.data.strategy_utils import TACTICS

__all__ = ["tag_matrix", "error_analysis", "diagnose_errors",
           "hidden_features", "fine_tune_last_layer"]


def tag_matrix(mistake_tags, categories):
    """Turn the tags of each mistake into a table of True / False.

    Parameters
    ----------
    mistake_tags : list of list of str
        One list per mistaken example (n_mistakes lists), holding the
        tags written down for it, e.g. ``["small cat", "grainy"]``; it may
        be empty.
    categories : list of str
        The n_categories categories of the analysis, in column order. Tags
        that are not among them are ignored.

    Returns
    -------
    tags : numpy.ndarray
        Shape (n_mistakes, n_categories), dtype bool: ``tags[i, j]`` is
        True when mistake i carries category j.
    """
    tags = np.zeros((len(mistake_tags), len(categories)), dtype=bool)
    for i, written in enumerate(mistake_tags):
        for j, category in enumerate(categories):
            tags[i, j] = category in written
    return tags


def error_analysis(tags, m_dev):
    """Tally tagged dev-set mistakes and the ceiling of each category.

    Parameters
    ----------
    tags : numpy.ndarray
        Shape (n_mistakes, n_categories), bool (or 0 / 1): one row per
        misclassified dev example, one column per category. A mistake may
        carry several categories, or none.
    m_dev : int
        Number of examples in the dev set (right and wrong).

    Returns
    -------
    report : dict
        ``"count"``: numpy.ndarray (n_categories,), ints, the mistakes in
        each category;
        ``"share"``: numpy.ndarray (n_categories,), floats,
        ``count / n_mistakes`` (all 0.0 when there is no mistake);
        ``"ceiling"``: numpy.ndarray (n_categories,), floats,
        ``count / m_dev``, the largest drop in dev error that fixing every
        mistake of the category could bring;
        ``"dev_error"``: float, ``n_mistakes / m_dev``.
    """
    n_mistakes = tags.shape[0]
    count = np.sum(tags, axis=0).astype(int)
    if n_mistakes == 0:
        share = np.zeros(tags.shape[1])
    else:
        share = count / n_mistakes
    report = {"count": count, "share": share, "ceiling": count / m_dev,
              "dev_error": n_mistakes / m_dev}
    return report


def diagnose_errors(human_error, train_error, train_dev_error, dev_error,
                    test_error):
    """Split the test error into the four gaps of mismatched distributions.

    Parameters
    ----------
    human_error : float
        Human-level error, the proxy for Bayes error.
    train_error : float
        Error on the training set.
    train_dev_error : float
        Error on the training-dev set: examples from the training
        distribution that the model was not trained on.
    dev_error, test_error : float
        Errors on the dev and the test set (the target distribution).

    Returns
    -------
    diagnosis : dict
        ``"avoidable_bias"``: ``train_error - human_error``;
        ``"variance"``: ``train_dev_error - train_error``;
        ``"data_mismatch"``: ``dev_error - train_dev_error``;
        ``"dev_overfitting"``: ``test_error - dev_error``;
        ``"focus"``: the largest of the four gaps, named
        ``"avoidable bias"``, ``"variance"``, ``"data mismatch"`` or
        ``"dev overfitting"`` (on a tie, the first in this order);
        ``"next_step"``: ``TACTICS[focus]``, the text from
        ``strategy_utils``.
    """
    gaps = {"avoidable bias": train_error - human_error,
            "variance": train_dev_error - train_error,
            "data mismatch": dev_error - train_dev_error,
            "dev overfitting": test_error - dev_error}
    focus = max(gaps, key=gaps.get)
    diagnosis = {"avoidable_bias": gaps["avoidable bias"],
                 "variance": gaps["variance"],
                 "data_mismatch": gaps["data mismatch"],
                 "dev_overfitting": gaps["dev overfitting"],
                 "focus": focus, "next_step": TACTICS[focus]}
    return diagnosis


def hidden_features(parameters, X):
    """The hidden layer of a two-layer network: the features it learned.

    Parameters
    ----------
    parameters : dict
        ``"W1"`` (n_h, n_x) and ``"b1"`` (n_h, 1), plus ``"W2"`` and
        ``"b2"``, which are not used.
    X : numpy.ndarray
        Shape (n_x, m).

    Returns
    -------
    A1 : numpy.ndarray
        Shape (n_h, m), ``relu(W1 X + b1)`` with ``relu(z) = max(0, z)``.
    """
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.maximum(0, Z1)
    return A1


def fine_tune_last_layer(parameters, X, Y, num_iterations, learning_rate):
    """Retrain only the output layer; the hidden layer stays frozen.

    Parameters
    ----------
    parameters : dict
        A pre-trained two-layer network: ``"W1"`` (n_h, n_x), ``"b1"``
        (n_h, 1), ``"W2"`` (1, n_h), ``"b2"`` (1, 1). Not modified.
    X : numpy.ndarray
        Shape (n_x, m), the new task's training examples.
    Y : numpy.ndarray
        Shape (1, m), their labels, 0 or 1.
    num_iterations : int
        Number of gradient-descent steps.
    learning_rate : float
        The step size alpha.

    Returns
    -------
    tuned : dict
        ``"W1"`` and ``"b1"`` unchanged (equal to the given ones),
        ``"W2"`` (1, n_h) and ``"b2"`` (1, 1) after gradient descent that
        starts from the given W2 and b2. With ``A1 = hidden_features``
        of X (computed once), each step computes ``A2 = sigmoid(W2 A1 +
        b2)``, ``dW2 = (A2 - Y) A1^T / m`` and ``db2 = sum(A2 - Y) / m``,
        then ``W2 = W2 - learning_rate * dW2`` and ``b2 = b2 -
        learning_rate * db2``.
    costs : list of float
        The cross-entropy cost ``-1/m * sum(Y log A2 + (1 - Y) log(1 -
        A2))`` before the update at every iteration i with ``i % 100 ==
        0``.
    """
    m = X.shape[1]
    A1 = hidden_features(parameters, X)
    W2, b2 = parameters["W2"], parameters["b2"]
    costs = []
    for i in range(num_iterations):
        A2 = 1 / (1 + np.exp(-(np.dot(W2, A1) + b2)))
        if i % 100 == 0:
            cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
            costs.append(float(cost))
        dZ2 = A2 - Y
        dW2 = np.dot(dZ2, A1.T) / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        W2 = W2 - learning_rate * dW2
        b2 = b2 - learning_rate * db2
    tuned = {"W1": parameters["W1"], "b1": parameters["b1"], "W2": W2,
             "b2": b2}
    return tuned, costs
