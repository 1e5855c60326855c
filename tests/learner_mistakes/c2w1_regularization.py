"""Learners' mistakes in ``c2w1_regularization``."""
from tests.learner_mistakes import Mistake, edit

MISTAKES = [
    # compute_cost_with_regularization
    Mistake("compute_cost_with_regularization", "lambda / m without the 2",
            ("2",), edit("lambd / (2 * m)", "lambd / m")),
    Mistake("compute_cost_with_regularization", "lambd / 2 * m precedence",
            ("parenthes",), edit("lambd / (2 * m)", "lambd / 2 * m")),
    Mistake("compute_cost_with_regularization", "W3 left out", ("W3",),
            edit('("W1", "W2", "W3")', '("W1", "W2")')),
    Mistake("compute_cost_with_regularization", "squares not summed "
            "(norms instead)", ("square",),
            edit("np.sum(parameters[key] ** 2)",
                 "np.linalg.norm(parameters[key])")),
    Mistake("compute_cost_with_regularization", "biases regularized too",
            ("b",), edit('("W1", "W2", "W3")',
                         '("W1", "W2", "W3", "b1", "b2", "b3")')),
    # backward_propagation_with_regularization
    Mistake("backward_propagation_with_regularization", "lambda / m "
            "forgotten: lambd * W", ("lambd / m",),
            edit("decay = lambd / m", "decay = lambd")),
    Mistake("backward_propagation_with_regularization", "regularization "
            "also on db3", ("db",), edit("db3 = dZ3.sum(axis=1, keepdims="
                                         "True) / m",
                                         "db3 = dZ3.sum(axis=1, keepdims="
                                         "True) / m + decay * b3")),
    Mistake("backward_propagation_with_regularization", "regularization "
            "term forgotten for dW1", ("dW1",),
            edit("dW1 = dZ1 @ X.T / m + decay * W1", "dW1 = dZ1 @ X.T / m")),
    Mistake("backward_propagation_with_regularization", "2 lambda / m "
            "(derivative of the doubled term)", ("2",),
            edit("decay = lambd / m", "decay = 2 * lambd / m")),
    Mistake("backward_propagation_with_regularization", "ReLU derivative "
            "from A2 >= 0", ("0",), edit("dZ2 = dA2 * (A2 > 0)",
                                         "dZ2 = dA2 * (A2 >= 0)")),
    # forward_propagation_with_dropout
    Mistake("forward_propagation_with_dropout", "not divided by keep_prob",
            ("keep_prob",), edit("relu(Z1) * D1 / keep_prob",
                                 "relu(Z1) * D1",
                                 "relu(Z2) * D2 / keep_prob",
                                 "relu(Z2) * D2")),
    Mistake("forward_propagation_with_dropout", "keeps where rand > keep_"
            "prob", ("<",), edit("np.random.rand(*Z1.shape) < keep_prob",
                                 "np.random.rand(*Z1.shape) > keep_prob")),
    Mistake("forward_propagation_with_dropout", "one mask for both layers "
            "(D2 = D1 drawn once)", ("D2",),
            edit("D2 = (np.random.rand(*Z2.shape) < keep_prob).astype(int)",
                 "D2 = D1[:Z2.shape[0]]")),
    Mistake("forward_propagation_with_dropout", "dropout on the output "
            "layer too", ("output", "hidden layers only"),
            edit("A3 = sigmoid(Z3)", "A3 = sigmoid(Z3) * (np.random.rand("
                 "*Z3.shape) < keep_prob) / keep_prob")),
    Mistake("forward_propagation_with_dropout", "np.random.randn for the "
            "mask", ("rand",), edit("np.random.rand(*Z1.shape)",
                                    "np.random.randn(*Z1.shape)",
                                    "np.random.rand(*Z2.shape)",
                                    "np.random.randn(*Z2.shape)")),
    # backward_propagation_with_dropout
    Mistake("backward_propagation_with_dropout", "masks not applied in "
            "the backward pass", ("D1",),
            edit("W3.T @ dZ3 * D2 / keep_prob", "W3.T @ dZ3 / keep_prob",
                 "W2.T @ dZ2 * D1 / keep_prob", "W2.T @ dZ2 / keep_prob")),
    Mistake("backward_propagation_with_dropout", "not divided by keep_prob",
            ("keep_prob",), edit("W3.T @ dZ3 * D2 / keep_prob",
                                 "W3.T @ dZ3 * D2",
                                 "W2.T @ dZ2 * D1 / keep_prob",
                                 "W2.T @ dZ2 * D1")),
    Mistake("backward_propagation_with_dropout", "masks swapped",
            ("D2",), edit("W3.T @ dZ3 * D2", "W3.T @ dZ3 * D1",
                          "W2.T @ dZ2 * D1", "W2.T @ dZ2 * D2")),
    Mistake("backward_propagation_with_dropout", "multiplied by keep_prob",
            ("keep_prob",), edit("dZ3 * D2 / keep_prob",
                                 "dZ3 * D2 * keep_prob")),
]
