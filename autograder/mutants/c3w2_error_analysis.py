"""Mutants and correct alternatives for ``c3w2_error_analysis``."""
import copy

import numpy as np

from autograder.data.strategy_utils import TACTICS
from autograder.reference.c3w2_error_analysis import (
    hidden_features,
    tag_matrix,
)
from autograder.spec import Mutant

# --- tag_matrix --------------------------------------------------------------

def tags_transposed(mistake_tags, categories):
    return tag_matrix(mistake_tags, categories).T


def tags_by_substring(mistake_tags, categories):
    tags = np.zeros((len(mistake_tags), len(categories)), dtype=bool)
    for i, written in enumerate(mistake_tags):
        text = ", ".join(written)
        for j, category in enumerate(categories):
            tags[i, j] = category in text
    return tags


def tags_first_only(mistake_tags, categories):
    tags = np.zeros((len(mistake_tags), len(categories)), dtype=bool)
    for i, written in enumerate(mistake_tags):
        if written and written[0] in categories:
            tags[i, categories.index(written[0])] = True
    return tags


def tags_sorted_columns(mistake_tags, categories):
    return tag_matrix(mistake_tags, sorted(categories))


def tags_counts_per_category(mistake_tags, categories):
    return tag_matrix(mistake_tags, categories).sum(axis=0)


def tags_comprehension(mistake_tags, categories):
    rows = [[category in set(written) for category in categories]
            for written in mistake_tags]
    return np.array(rows, dtype=bool).reshape(len(mistake_tags),
                                              len(categories))


def tags_by_index(mistake_tags, categories):
    column = {category: j for j, category in enumerate(categories)}
    tags = np.full((len(mistake_tags), len(categories)), False)
    for i, written in enumerate(mistake_tags):
        for tag in written:
            if tag in column:
                tags[i, column[tag]] = True
    return tags


# --- error_analysis ----------------------------------------------------------

def _report(count, share, ceiling, dev_error):
    return {"count": count, "share": share, "ceiling": ceiling,
            "dev_error": dev_error}


def tally_share_of_dev_set(tags, m_dev):
    n = tags.shape[0]
    count = tags.sum(axis=0).astype(int)
    return _report(count, count / m_dev, count / m_dev, n / m_dev)


def tally_ceiling_of_mistakes(tags, m_dev):
    n = tags.shape[0]
    count = tags.sum(axis=0).astype(int)
    share = count / n if n else np.zeros(tags.shape[1])
    return _report(count, share, share, n / m_dev)


def tally_per_mistake(tags, m_dev):
    n = tags.shape[0]
    count = tags.sum(axis=1).astype(int)
    share = count / n if n else np.zeros(0)
    return _report(count, share, count / m_dev, n / m_dev)


def tally_nan_without_mistakes(tags, m_dev):
    n = tags.shape[0]
    count = tags.sum(axis=0).astype(int)
    with np.errstate(all="ignore"):
        share = count / np.float64(n)
    return _report(count, share, count / m_dev, n / m_dev)


def tally_dev_error_from_tags(tags, m_dev):
    n = tags.shape[0]
    count = tags.sum(axis=0).astype(int)
    share = count / n if n else np.zeros(tags.shape[1])
    return _report(count, share, count / m_dev, count.sum() / m_dev)


def tally_accuracy(tags, m_dev):
    n = tags.shape[0]
    count = tags.sum(axis=0).astype(int)
    share = count / n if n else np.zeros(tags.shape[1])
    return _report(count, share, count / m_dev, 1 - n / m_dev)


def tally_via_dev_error(tags, m_dev):
    n_mistakes, n_categories = tags.shape
    count = np.array([int(sum(bool(v) for v in tags[:, j]))
                      for j in range(n_categories)])
    dev_error = n_mistakes / m_dev
    share = (count / n_mistakes if n_mistakes
             else np.zeros(n_categories))
    return _report(count, share, share * dev_error, dev_error)


# --- diagnose_errors ---------------------------------------------------------

_ORDER = ("avoidable bias", "variance", "data mismatch", "dev overfitting")


def _diagnosis(gaps, pick=None):
    focus = (pick or (lambda g: max(g, key=g.get)))(gaps)
    return {"avoidable_bias": gaps["avoidable bias"],
            "variance": gaps["variance"],
            "data_mismatch": gaps["data mismatch"],
            "dev_overfitting": gaps["dev overfitting"],
            "focus": focus, "next_step": TACTICS[focus]}


def _gaps(human, train, train_dev, dev, test):
    return dict(zip(_ORDER, (train - human, train_dev - train,
                             dev - train_dev, test - dev)))


def diagnose_variance_to_dev(human_error, train_error, train_dev_error,
                             dev_error, test_error):
    gaps = _gaps(human_error, train_error, train_dev_error, dev_error,
                 test_error)
    gaps["variance"] = dev_error - train_error
    return _diagnosis(gaps)


def diagnose_mismatch_from_train(human_error, train_error, train_dev_error,
                                 dev_error, test_error):
    gaps = _gaps(human_error, train_error, train_dev_error, dev_error,
                 test_error)
    gaps["data mismatch"] = dev_error - train_error
    return _diagnosis(gaps)


def diagnose_last_on_tie(human_error, train_error, train_dev_error,
                         dev_error, test_error):
    gaps = _gaps(human_error, train_error, train_dev_error, dev_error,
                 test_error)
    return _diagnosis(gaps, lambda g: max(reversed(list(g)), key=g.get))


def diagnose_largest_absolute(human_error, train_error, train_dev_error,
                              dev_error, test_error):
    gaps = _gaps(human_error, train_error, train_dev_error, dev_error,
                 test_error)
    return _diagnosis(gaps, lambda g: max(g, key=lambda k: abs(g[k])))


def diagnose_smallest(human_error, train_error, train_dev_error, dev_error,
                      test_error):
    gaps = _gaps(human_error, train_error, train_dev_error, dev_error,
                 test_error)
    return _diagnosis(gaps, lambda g: min(g, key=g.get))


def diagnose_overfitting_reversed(human_error, train_error, train_dev_error,
                                  dev_error, test_error):
    gaps = _gaps(human_error, train_error, train_dev_error, dev_error,
                 test_error)
    gaps["dev overfitting"] = dev_error - test_error
    return _diagnosis(gaps)


def diagnose_with_argmax(human_error, train_error, train_dev_error,
                         dev_error, test_error):
    errors = np.array([human_error, train_error, train_dev_error,
                       dev_error, test_error], dtype=float)
    gaps = np.diff(errors)
    focus = _ORDER[int(np.argmax(gaps))]
    return {"avoidable_bias": gaps[0], "variance": gaps[1],
            "data_mismatch": gaps[2], "dev_overfitting": gaps[3],
            "focus": focus, "next_step": TACTICS[focus]}


# --- hidden_features ---------------------------------------------------------

def features_sigmoid(parameters, X):
    return 1 / (1 + np.exp(-(parameters["W1"] @ X + parameters["b1"])))


def features_without_bias(parameters, X):
    return np.maximum(0, parameters["W1"] @ X)


def features_output_layer(parameters, X):
    A1 = np.maximum(0, parameters["W1"] @ X + parameters["b1"])
    return 1 / (1 + np.exp(-(parameters["W2"] @ A1 + parameters["b2"])))


def features_transposed(parameters, X):
    return np.maximum(0, X.T @ parameters["W1"].T + parameters["b1"].T)


def features_linear(parameters, X):
    return parameters["W1"] @ X + parameters["b1"]


def features_with_where(parameters, X):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    return np.where(Z1 > 0, Z1, 0.0)


# --- fine_tune_last_layer ----------------------------------------------------

def _cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


def _tune(parameters, X, Y, num_iterations, learning_rate, start=None,
          scale=None, record_after=False, every=100, train_first=False):
    m = X.shape[1]
    W1, b1 = parameters["W1"].copy(), parameters["b1"].copy()
    W2, b2 = start if start is not None else (parameters["W2"],
                                              parameters["b2"])
    costs = []
    for i in range(num_iterations):
        A1 = np.maximum(0, W1 @ X + b1)
        A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
        dZ2 = A2 - Y
        dW2 = dZ2 @ A1.T / (scale or m)
        db2 = np.sum(dZ2, axis=1, keepdims=True) / (scale or m)
        if train_first:
            dZ1 = (W2.T @ dZ2) * (A1 > 0)
            W1 = W1 - learning_rate * dZ1 @ X.T / m
            b1 = b1 - learning_rate * np.sum(dZ1, axis=1, keepdims=True) / m
        W2 = W2 - learning_rate * dW2
        b2 = b2 - learning_rate * db2
        if i % every == 0:
            if record_after:
                A2 = 1 / (1 + np.exp(-(W2 @ np.maximum(0, W1 @ X + b1)
                                       + b2)))
            costs.append(_cost(A2, Y))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, costs


def tune_every_layer(parameters, X, Y, num_iterations, learning_rate):
    return _tune(parameters, X, Y, num_iterations, learning_rate,
                 train_first=True)


def tune_from_zeros(parameters, X, Y, num_iterations, learning_rate):
    start = (np.zeros_like(parameters["W2"]), np.zeros_like(parameters["b2"]))
    return _tune(parameters, X, Y, num_iterations, learning_rate, start)


def tune_without_1_over_m(parameters, X, Y, num_iterations, learning_rate):
    return _tune(parameters, X, Y, num_iterations, learning_rate, scale=1)


def tune_cost_after_update(parameters, X, Y, num_iterations, learning_rate):
    return _tune(parameters, X, Y, num_iterations, learning_rate,
                 record_after=True)


def tune_cost_every_iteration(parameters, X, Y, num_iterations,
                              learning_rate):
    return _tune(parameters, X, Y, num_iterations, learning_rate, every=1)


def tune_in_place(parameters, X, Y, num_iterations, learning_rate):
    m = X.shape[1]
    A1 = hidden_features(parameters, X)
    costs = []
    for i in range(num_iterations):
        A2 = 1 / (1 + np.exp(-(parameters["W2"] @ A1 + parameters["b2"])))
        if i % 100 == 0:
            costs.append(_cost(A2, Y))
        parameters["W2"] -= learning_rate * (A2 - Y) @ A1.T / m
        parameters["b2"] -= learning_rate * np.sum(A2 - Y) / m
    return parameters, costs


def tune_recomputing_features(parameters, X, Y, num_iterations,
                              learning_rate):
    """Correct: recomputes the frozen features at every step."""
    tuned = copy.deepcopy(parameters)
    m = X.shape[1]
    costs = []
    for i in range(num_iterations):
        A1 = np.maximum(0, tuned["W1"] @ X + tuned["b1"])
        A2 = 1 / (1 + np.exp(-(tuned["W2"] @ A1 + tuned["b2"])))
        if i % 100 == 0:
            costs.append(_cost(A2, Y))
        tuned["W2"] = tuned["W2"] - learning_rate * (A2 - Y) @ A1.T / m
        tuned["b2"] = tuned["b2"] - learning_rate * np.mean(A2 - Y)
    return tuned, costs


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("diagnose_errors", "variance measured up to the dev error")

MUTANTS = {
    "tag_matrix": [
        Mutant("categories as rows", tags_transposed,
               "one row per mistake and one column per category: shape "
               "(n_mistakes, n_categories)"),
        Mutant("substring match", tags_by_substring,
               "compare whole tags: \"cat\" is not the same tag as "
               "\"small cat\" (test membership in the list, not in a "
               "joined string)"),
        Mutant("only the first tag of each mistake", tags_first_only,
               "a mistake can carry several tags: mark every one"),
        Mutant("columns in sorted order", tags_sorted_columns,
               "keep the columns in the order of `categories`"),
        Mutant("counts instead of the table", tags_counts_per_category),
    ],
    "error_analysis": [
        Mutant("share of the dev set", tally_share_of_dev_set,
               "share is a fraction of the *mistakes*: count / "
               "n_mistakes"),
        Mutant("ceiling as a share of the mistakes",
               tally_ceiling_of_mistakes,
               "the ceiling is a drop in dev error, so it is a fraction of "
               "the dev set: count / m_dev"),
        Mutant("counts per mistake", tally_per_mistake,
               "count each category over the mistakes: sum over axis 0"),
        # No hint: with every value NaN the comparator stops at its own
        # np.nanargmax before hints are matched.
        Mutant("nan when there is no mistake", tally_nan_without_mistakes),
        Mutant("dev error from the number of tags",
               tally_dev_error_from_tags,
               "a mistake can carry several tags or none: the dev error "
               "is the number of mistakes (rows) divided by m_dev"),
        Mutant("accuracy instead of dev error", tally_accuracy),
    ],
    "diagnose_errors": [
        Mutant("variance measured up to the dev error",
               diagnose_variance_to_dev,
               "variance is the gap between training-dev and training "
               "error: the training-dev set has the training "
               "distribution, so the gap shows generalization alone"),
        Mutant("data mismatch measured from the training error",
               diagnose_mismatch_from_train,
               "data mismatch is dev_error - train_dev_error"),
        Mutant("last gap wins a tie", diagnose_last_on_tie,
               "on a tie, name the first gap in the order avoidable bias, "
               "variance, data mismatch, dev overfitting"),
        Mutant("largest absolute gap", diagnose_largest_absolute),
        Mutant("smallest gap", diagnose_smallest,
               "the focus is the *largest* gap"),
        Mutant("dev overfitting as dev - test",
               diagnose_overfitting_reversed,
               "dev overfitting is test_error - dev_error"),
    ],
    "hidden_features": [
        Mutant("sigmoid instead of ReLU", features_sigmoid,
               "the hidden layer uses ReLU: np.maximum(0, Z1)"),
        Mutant("forgets b1", features_without_bias,
               "the hidden layer computes W1 X + b1: include b1"),
        Mutant("returns the output layer", features_output_layer,
               "return the hidden activations A1, shape (n_h, m), not "
               "the network's output"),
        Mutant("(m, n_h) instead of (n_h, m)", features_transposed),
        Mutant("no activation", features_linear,
               "apply ReLU to Z1"),
    ],
    "fine_tune_last_layer": [
        Mutant("trains the hidden layer too", tune_every_layer,
               "only W2 and b2 change; W1 and b1 stay frozen"),
        Mutant("starts the output layer from zeros", tune_from_zeros,
               "start gradient descent from the given W2 and b2"),
        Mutant("gradients without 1/m", tune_without_1_over_m,
               "dW2 and db2 are averages over the m examples: did you "
               "forget the 1/m?"),
        Mutant("cost recorded after the update", tune_cost_after_update,
               "record the cost computed before the update of "
               "iteration i"),
        Mutant("cost recorded every iteration", tune_cost_every_iteration,
               "record the cost only when i % 100 == 0"),
        Mutant("updates the caller's parameters in place", tune_in_place),
    ],
}

ALTERNATIVES = {
    "tag_matrix": [tags_comprehension, tags_by_index],
    "error_analysis": [tally_via_dev_error],
    "diagnose_errors": [diagnose_with_argmax],
    "hidden_features": [features_with_where],
    "fine_tune_last_layer": [tune_recomputing_features],
}
