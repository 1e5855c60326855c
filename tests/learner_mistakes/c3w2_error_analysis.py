"""Learners' mistakes in ``c3w2_error_analysis``."""
import numpy as np

from tests.learner_mistakes import Mistake, edit


def fine_tune_in_place(parameters, X, Y, num_iterations, learning_rate):
    # trains the caller's W2 and b2 in place
    m = X.shape[1]
    A1 = np.maximum(0, np.dot(parameters["W1"], X) + parameters["b1"])
    W2, b2 = parameters["W2"], parameters["b2"]
    costs = []
    for i in range(num_iterations):
        A2 = 1 / (1 + np.exp(-(np.dot(W2, A1) + b2)))
        if i % 100 == 0:
            costs.append(float(-np.sum(Y * np.log(A2)
                                       + (1 - Y) * np.log(1 - A2)) / m))
        W2 -= learning_rate * np.dot(A2 - Y, A1.T) / m
        b2 -= learning_rate * np.sum(A2 - Y, axis=1, keepdims=True) / m
    return parameters, costs


MISTAKES = [
    # tag_matrix
    Mistake("tag_matrix", "exact match instead of containment", ("in",),
            edit("tags[i, j] = category in written",
                 "tags[i, j] = category == written")),
    Mistake("tag_matrix", "categories as rows", ("transpos", "swapped"),
            edit("np.zeros((len(mistake_tags), len(categories))",
                 "np.zeros((len(categories), len(mistake_tags))",
                 "tags[i, j]", "tags[j, i]")),
    Mistake("tag_matrix", "integer matrix", ("bool",),
            edit("dtype=bool", "dtype=int")),
    Mistake("tag_matrix", "case-sensitive tags lowered on one side",
            ("category",), edit("category in written",
                                "category in written.upper()")),
    # error_analysis
    Mistake("error_analysis", "count over the wrong axis", ("axis",),
            edit("np.sum(tags, axis=0)", "np.sum(tags, axis=1)")),
    Mistake("error_analysis", "share of the dev set instead of the "
            "mistakes", ("mistakes",), edit("share = count / n_mistakes",
                                            "share = count / m_dev")),
    Mistake("error_analysis", "no guard for zero mistakes", ("0",),
            edit("if n_mistakes == 0:", "if False:")),
    Mistake("error_analysis", "ceiling as the share", ("m_dev",),
            edit('"ceiling": count / m_dev', '"ceiling": share')),
    # diagnose_errors
    Mistake("diagnose_errors", "variance from dev - train",
            ("train_dev", "training-dev"),
            edit('"variance": train_dev_error - train_error',
                 '"variance": dev_error - train_error')),
    Mistake("diagnose_errors", "gaps with the wrong sign", ("sign",),
            edit("train_error - human_error", "human_error - train_error",
                 "train_dev_error - train_error",
                 "train_error - train_dev_error")),
    Mistake("diagnose_errors", "focus is the smallest gap", ("max", "largest"),
            edit("max(gaps, key=gaps.get)", "min(gaps, key=gaps.get)")),
    Mistake("diagnose_errors", "dev overfitting from test - train_dev",
            ("dev_error",), edit('"dev overfitting": test_error - dev_error',
                                 '"dev overfitting": test_error - '
                                 'train_dev_error')),
    # hidden_features
    Mistake("hidden_features", "bias forgotten", ("b1",),
            edit(' + parameters["b1"]', "")),
    Mistake("hidden_features", "sigmoid instead of ReLU", ("ReLU",),
            edit("A1 = np.maximum(0, Z1)", "A1 = 1 / (1 + np.exp(-Z1))")),
    Mistake("hidden_features", "np.max instead of np.maximum", ("maximum",),
            edit("np.maximum(0, Z1)", "np.max(Z1, 0, keepdims=True)")),
    Mistake("hidden_features", "returns Z1", ("ReLU",),
            edit("return A1", "return Z1")),
    # fine_tune_last_layer
    Mistake("fine_tune_last_layer", "changes the caller's parameters in "
            "place", ("in place",), code=fine_tune_in_place),
    Mistake("fine_tune_last_layer", "1/m forgotten in dW2 and db2",
            ("1/m",), edit("np.dot(dZ2, A1.T) / m", "np.dot(dZ2, A1.T)",
                           "keepdims=True) / m", "keepdims=True)")),
    Mistake("fine_tune_last_layer", "cost every iteration", ("100",),
            edit("if i % 100 == 0:", "if True:")),
    Mistake("fine_tune_last_layer", "cost recorded after the update",
            ("before",), edit("if i % 100 == 0:", "if i % 100 == 1:")),
    Mistake("fine_tune_last_layer", "W1 trained too", ("W1",),
            edit('tuned = {"W1": parameters["W1"]',
                 'tuned = {"W1": parameters["W1"] * 0.99')),
]
