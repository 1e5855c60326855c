"""Learners' mistakes in ``c1w3_planar_classification``."""

from autograder.reference.c1w3_planar_classification import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    update_parameters,
)
from tests.learner_mistakes import Mistake, edit


def layer_sizes_demo(X, Y):
    # the planar set has 2 features and 1 output: written in
    return (2, 4, 1)


def nn_model_global_n_h(X, Y, n_h, num_iterations=10000, print_cost=False):
    # the notebook's n_h = 4 instead of the argument
    parameters = initialize_parameters(X.shape[0], 4, Y.shape[0])
    return _train(X, Y, parameters, num_iterations, print_cost)


def nn_model_fixed_rate(X, Y, n_h, num_iterations=10000, print_cost=False):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    return _train(X, Y, parameters, num_iterations, print_cost, rate=0.5)


def _train(X, Y, parameters, num_iterations, print_cost, rate=1.2):
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, rate)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters


MISTAKES = [
    # layer_sizes
    Mistake("layer_sizes", "sizes of the demo data written in", ("shape",),
            code=layer_sizes_demo),
    Mistake("layer_sizes", "n_x from the number of examples", ("shape[0]",),
            edit("n_x = X.shape[0]", "n_x = X.shape[1]")),
    Mistake("layer_sizes", "n_y from the number of examples", ("shape[0]",),
            edit("n_y = Y.shape[0]", "n_y = Y.shape[1]")),
    Mistake("layer_sizes", "returns a list", ("tuple",),
            edit("return (n_x, n_h, n_y)", "return [n_x, n_h, n_y]")),
    # initialize_parameters
    Mistake("initialize_parameters", "seed forgotten", ("seed",),
            edit("np.random.seed(2)\n    ", "")),
    Mistake("initialize_parameters", "W1 transposed",
            ("(n_h, n_x)", "swapped"),
            edit("np.random.randn(n_h, n_x)", "np.random.randn(n_x, n_h)")),
    Mistake("initialize_parameters", "weights not scaled by 0.01",
            ("0.01",), edit(" * 0.01", "")),
    Mistake("initialize_parameters", "rank-1 biases", ("(n_h, 1)", "rank-1"),
            edit("np.zeros((n_h, 1))", "np.zeros(n_h)",
                 "np.zeros((n_y, 1))", "np.zeros(n_y)")),
    # forward_propagation
    Mistake("forward_propagation", "sigmoid in the hidden layer", ("tanh",),
            edit("A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)")),
    Mistake("forward_propagation", "Z2 from Z1 instead of A1", ("A1",),
            edit("np.dot(W2, A1)", "np.dot(W2, Z1)")),
    Mistake("forward_propagation", "cache keeps Z2 under A2", ("A2",),
            edit('"A2": A2}', '"A2": Z2}')),
    Mistake("forward_propagation", "tanh on the output too", ("sigmoid",),
            edit("A2 = sigmoid(Z2)", "A2 = np.tanh(Z2)")),
    # compute_cost
    Mistake("compute_cost", "minus sign forgotten", ("sign",),
            edit("cost = -np.sum(logprobs) / m",
                 "cost = np.sum(logprobs) / m")),
    Mistake("compute_cost", "m from the wrong axis", ("m",),
            edit("m = Y.shape[1]", "m = Y.shape[0]")),
    Mistake("compute_cost", "log(1 - A2) paired with Y", ("1 - Y",),
            edit("np.multiply(np.log(1 - A2), 1 - Y)",
                 "np.multiply(np.log(1 - A2), Y)")),
    Mistake("compute_cost", "returns a 0-d array, not a float", ("float",),
            edit("cost = -np.sum(logprobs) / m",
                 "cost = -np.sum(logprobs, axis=1, keepdims=True) / m",
                 "cost = float(np.squeeze(cost))", "cost = np.squeeze(cost)")),
    Mistake("compute_cost", "1/m forgotten",
            ("1/m",), edit("cost = -np.sum(logprobs) / m",
                           "cost = -np.sum(logprobs)")),
    # backward_propagation
    Mistake("backward_propagation", "1/m forgotten in dW1 and db1",
            ("1/m",), edit("dW1 = np.dot(dZ1, X.T) / m",
                           "dW1 = np.dot(dZ1, X.T)",
                           "db1 = np.sum(dZ1, axis=1, keepdims=True) / m",
                           "db1 = np.sum(dZ1, axis=1, keepdims=True)")),
    Mistake("backward_propagation", "tanh derivative 1 - A1 (no square)",
            ("1 - A1",), edit("(1 - np.power(A1, 2))", "(1 - A1)")),
    Mistake("backward_propagation", "db2 summed over the wrong axis",
            ("axis",), edit("db2 = np.sum(dZ2, axis=1, keepdims=True)",
                            "db2 = np.sum(dZ2, axis=0, keepdims=True)")),
    Mistake("backward_propagation", "keepdims forgotten for db1",
            ("keepdims",),
            edit("db1 = np.sum(dZ1, axis=1, keepdims=True)",
                 "db1 = np.sum(dZ1, axis=1)")),
    Mistake("backward_propagation", "hard-coded m = 400 of the planar set",
            ("m",), edit("m = X.shape[1]", "m = 400")),
    # update_parameters
    Mistake("update_parameters", "new values left in locals, old dict "
            "returned", ("return",),
            edit('parameters = {"W1": W1', 'updated = {"W1": W1')),
    Mistake("update_parameters", "plus instead of minus",
            ("minus", "subtract"),
            edit('parameters["W1"] - learning_rate',
                 'parameters["W1"] + learning_rate',
                 'parameters["W2"] - learning_rate',
                 'parameters["W2"] + learning_rate')),
    Mistake("update_parameters", "learning rate forgotten for the biases",
            ("learning_rate",),
            edit('parameters["b1"] - learning_rate * grads["db1"]',
                 'parameters["b1"] - grads["db1"]',
                 'parameters["b2"] - learning_rate * grads["db2"]',
                 'parameters["b2"] - grads["db2"]')),
    Mistake("update_parameters", "b1 updated with db2 (copy and paste)",
            ("db1",), edit('grads["db1"]', 'grads["db2"]')),
    # nn_model
    Mistake("nn_model", "the notebook's n_h = 4 instead of the argument",
            ("n_h",), code=nn_model_global_n_h),
    Mistake("nn_model", "learning rate 0.5 instead of the default 1.2",
            ("learning",), code=nn_model_fixed_rate),
    Mistake("nn_model", "one iteration fewer", ("num_iterations",),
            edit("range(num_iterations)", "range(num_iterations - 1)")),
    Mistake("nn_model", "prints every 100 iterations", ("1000",),
            edit("i % 1000 == 0", "i % 100 == 0")),
    # predict
    Mistake("predict", "threshold on Z2 via A2 >= 0.5", ("0.5",),
            edit("predictions = A2 > 0.5",
                 "predictions = np.round(A2 + 1e-3)")),
    Mistake("predict", "rounds A2 to floats", ("bool",),
            edit("predictions = A2 > 0.5", "predictions = np.round(A2)")),
    Mistake("predict", "uses the cache's A1", ("A2",),
            edit("predictions = A2 > 0.5",
                 "predictions = cache['A1'][:1] > 0.5")),
    Mistake("predict", "threshold 0 on the probabilities", ("0.5",),
            edit("predictions = A2 > 0.5", "predictions = A2 > 0")),
]
