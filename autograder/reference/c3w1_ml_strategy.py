"""Reference solutions for ``c3w1_ml_strategy``.

The measuring tools of a machine-learning project: confusion counts,
precision, recall and F1 (a single-number metric), choosing a classifier by
one optimizing metric under satisficing constraints, a seeded train / dev /
test split, and the bias / variance diagnosis against human-level error.
Labels and predictions are rows of 0.0 / 1.0 of shape (1, m); examples are
columns of ``X``.
"""
import numpy as np

from autograder.data.strategy_utils import TACTICS

__all__ = ["confusion_counts", "precision", "recall", "f1_score",
           "choose_classifier", "split_dataset", "bias_variance_diagnosis"]


def confusion_counts(Y_hat, Y):
    """Count the four outcomes of a binary classifier.

    Parameters
    ----------
    Y_hat : numpy.ndarray
        Shape (1, m), the predictions, 0 or 1.
    Y : numpy.ndarray
        Shape (1, m), the true labels, 0 or 1.

    Returns
    -------
    counts : dict
        Python ints under the keys ``"TP"`` (predicted 1, label 1),
        ``"FP"`` (predicted 1, label 0), ``"FN"`` (predicted 0, label 1)
        and ``"TN"`` (predicted 0, label 0). They add up to m.
    """
    predicted, actual = Y_hat == 1, Y == 1
    counts = {"TP": int(np.sum(predicted & actual)),
              "FP": int(np.sum(predicted & ~actual)),
              "FN": int(np.sum(~predicted & actual)),
              "TN": int(np.sum(~predicted & ~actual))}
    return counts


def precision(Y_hat, Y):
    """Of the examples predicted positive, the fraction that are positive.

    Parameters
    ----------
    Y_hat : numpy.ndarray
        Shape (1, m), the predictions, 0 or 1.
    Y : numpy.ndarray
        Shape (1, m), the true labels, 0 or 1.

    Returns
    -------
    p : float
        ``TP / (TP + FP)``, computed with :func:`confusion_counts`; 0.0
        when nothing is predicted positive (TP + FP = 0).
    """
    counts = confusion_counts(Y_hat, Y)
    predicted_positive = counts["TP"] + counts["FP"]
    if predicted_positive == 0:
        return 0.0
    p = counts["TP"] / predicted_positive
    return p


def recall(Y_hat, Y):
    """Of the positive examples, the fraction predicted positive.

    Parameters
    ----------
    Y_hat : numpy.ndarray
        Shape (1, m), the predictions, 0 or 1.
    Y : numpy.ndarray
        Shape (1, m), the true labels, 0 or 1.

    Returns
    -------
    r : float
        ``TP / (TP + FN)``, computed with :func:`confusion_counts`; 0.0
        when there is no positive example (TP + FN = 0).
    """
    counts = confusion_counts(Y_hat, Y)
    actual_positive = counts["TP"] + counts["FN"]
    if actual_positive == 0:
        return 0.0
    r = counts["TP"] / actual_positive
    return r


def f1_score(Y_hat, Y):
    """The F1 score: the harmonic mean of precision and recall.

    Parameters
    ----------
    Y_hat : numpy.ndarray
        Shape (1, m), the predictions, 0 or 1.
    Y : numpy.ndarray
        Shape (1, m), the true labels, 0 or 1.

    Returns
    -------
    f1 : float
        ``2 P R / (P + R)`` with P = :func:`precision` and R =
        :func:`recall`; 0.0 when P + R = 0.
    """
    p, r = precision(Y_hat, Y), recall(Y_hat, Y)
    if p + r == 0:
        return 0.0
    f1 = 2 * p * r / (p + r)
    return f1


def choose_classifier(optimizing, satisficing, thresholds):
    """Pick the best classifier among those that meet every constraint.

    Parameters
    ----------
    optimizing : numpy.ndarray
        Shape (n_models,), the optimizing metric of each classifier; higher
        is better (for example the dev-set F1 score).
    satisficing : numpy.ndarray
        Shape (n_constraints, n_models): row k holds satisficing metric k
        of every classifier, where lower is better (running time, memory,
        false-positive rate, ...).
    thresholds : numpy.ndarray
        Shape (n_constraints,): classifier j is acceptable when
        ``satisficing[k, j] <= thresholds[k]`` for every k.

    Returns
    -------
    best : int or None
        The index of the acceptable classifier with the highest optimizing
        metric (the lowest such index if several tie), as a Python int, or
        None if no classifier is acceptable.
    """
    acceptable = np.all(satisficing <= thresholds[:, np.newaxis], axis=0)
    if not np.any(acceptable):
        return None
    scores = np.where(acceptable, optimizing, -np.inf)
    best = int(np.argmax(scores))
    return best


def split_dataset(X, Y, dev_fraction, test_fraction, seed):
    """Shuffle the examples, then cut them into train, dev and test sets.

    Parameters
    ----------
    X : numpy.ndarray
        Shape (n_x, m), one example per column (not modified).
    Y : numpy.ndarray
        Shape (1, m), the labels (not modified).
    dev_fraction, test_fraction : float
        Shares of the m examples that go to the dev and the test set. The
        sizes are ``m_dev = int(round(dev_fraction * m))`` and ``m_test =
        int(round(test_fraction * m))``; the other ``m_train = m - m_dev -
        m_test`` examples are for training.
    seed : int
        Seed of the shuffle: the order is
        ``np.random.default_rng(seed).permutation(m)``.

    Returns
    -------
    X_train, Y_train : numpy.ndarray
        Shapes (n_x, m_train) and (1, m_train): the first m_train examples
        in the shuffled order.
    X_dev, Y_dev : numpy.ndarray
        Shapes (n_x, m_dev) and (1, m_dev): the next m_dev examples.
    X_test, Y_test : numpy.ndarray
        Shapes (n_x, m_test) and (1, m_test): the last m_test examples.
    """
    m = X.shape[1]
    m_dev = int(round(dev_fraction * m))
    m_test = int(round(test_fraction * m))
    m_train = m - m_dev - m_test
    order = np.random.default_rng(seed).permutation(m)
    X_shuffled, Y_shuffled = X[:, order], Y[:, order]
    X_train, Y_train = X_shuffled[:, :m_train], Y_shuffled[:, :m_train]
    X_dev = X_shuffled[:, m_train:m_train + m_dev]
    Y_dev = Y_shuffled[:, m_train:m_train + m_dev]
    X_test = X_shuffled[:, m_train + m_dev:]
    Y_test = Y_shuffled[:, m_train + m_dev:]
    return X_train, Y_train, X_dev, Y_dev, X_test, Y_test


def bias_variance_diagnosis(human_error, train_error, dev_error):
    """Compare training and dev error with human-level error.

    Parameters
    ----------
    human_error : float or sequence of float
        Human-level error, the proxy for Bayes error. When several levels
        are given (a typical person, an expert, a team of experts), the
        lowest one is the proxy.
    train_error : float
        Error on the training set.
    dev_error : float
        Error on the dev set.

    Returns
    -------
    diagnosis : dict
        ``"avoidable_bias"``: float, ``train_error`` minus the proxy
        (negative once the model beats the proxy on its training data);
        ``"variance"``: float, ``dev_error - train_error``;
        ``"focus"``: ``"avoidable bias"`` if the avoidable bias is at
        least as large as the variance, else ``"variance"``;
        ``"next_step"``: ``TACTICS[focus]``, the text from
        ``strategy_utils``.
    """
    bayes_proxy = float(np.min(human_error))
    avoidable_bias = train_error - bayes_proxy
    variance = dev_error - train_error
    focus = "avoidable bias" if avoidable_bias >= variance else "variance"
    diagnosis = {"avoidable_bias": avoidable_bias, "variance": variance,
                 "focus": focus, "next_step": TACTICS[focus]}
    return diagnosis
