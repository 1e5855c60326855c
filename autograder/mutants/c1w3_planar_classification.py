"""Mutants and correct alternatives for ``c1w3_planar_classification``."""
import numpy as np

from autograder.reference.c1w2_numpy_basics import sigmoid
from autograder.reference.c1w3_planar_classification import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    layer_sizes,
    update_parameters,
)
from autograder.spec import Mutant

# --- layer_sizes -------------------------------------------------------------

def sizes_examples_as_features(X, Y):
    return (X.shape[1], 4, Y.shape[1])


def sizes_reversed(X, Y):
    return (Y.shape[0], 4, X.shape[0])


def sizes_hidden_from_data(X, Y):
    return (X.shape[0], X.shape[1], Y.shape[0])


def sizes_as_list(X, Y):
    return [X.shape[0], 4, Y.shape[0]]


def sizes_unpacked(X, Y):
    (n_x, _), (n_y, _) = np.shape(X), np.shape(Y)
    return n_x, 2 * 2, n_y


# --- initialize_parameters ---------------------------------------------------

def _init(n_x, n_h, n_y, seed=2, scale=0.01, w2_first=False, draw=None,
          rank1_bias=False):
    np.random.seed(seed)
    draw = draw or np.random.randn
    if w2_first:
        W2 = draw(n_y, n_h) * scale
        W1 = draw(n_h, n_x) * scale
    else:
        W1 = draw(n_h, n_x) * scale
        W2 = draw(n_y, n_h) * scale
    b1 = np.zeros(n_h) if rank1_bias else np.zeros((n_h, 1))
    b2 = np.zeros(n_y) if rank1_bias else np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def init_no_scaling(n_x, n_h, n_y):
    return _init(n_x, n_h, n_y, scale=1.0)


def init_w2_drawn_first(n_x, n_h, n_y):
    return _init(n_x, n_h, n_y, w2_first=True)


def init_uniform(n_x, n_h, n_y):
    return _init(n_x, n_h, n_y, draw=np.random.rand)


def init_zero_weights(n_x, n_h, n_y):
    return _init(n_x, n_h, n_y, scale=0.0)


def init_rank1_biases(n_x, n_h, n_y):
    return _init(n_x, n_h, n_y, rank1_bias=True)


def init_transposed_w1(n_x, n_h, n_y):
    parameters = _init(n_x, n_h, n_y)
    np.random.seed(2)
    parameters["W1"] = np.random.randn(n_x, n_h) * 0.01
    return parameters


def init_without_seed(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01,
            "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01,
            "b2": np.zeros((n_y, 1))}


def init_own_random_state(n_x, n_h, n_y):
    state = np.random.RandomState(2)
    return {"W1": state.standard_normal((n_h, n_x)) / 100,
            "b1": np.zeros([n_h, 1]),
            "W2": state.standard_normal((n_y, n_h)) / 100,
            "b2": np.zeros([n_y, 1])}


# --- forward_propagation -----------------------------------------------------

def _forward(X, parameters, hidden=np.tanh, output=sigmoid, bias=True):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    Z1 = W1 @ X + (b1 if bias else 0)
    A1 = hidden(Z1)
    Z2 = W2 @ A1 + (b2 if bias else 0)
    A2 = output(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def forward_sigmoid_hidden(X, parameters):
    return _forward(X, parameters, hidden=sigmoid)


def forward_relu_hidden(X, parameters):
    return _forward(X, parameters, hidden=lambda z: np.maximum(0, z))


def forward_tanh_output(X, parameters):
    return _forward(X, parameters, output=np.tanh)


def forward_no_biases(X, parameters):
    return _forward(X, parameters, bias=False)


def forward_z1_passed_on(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ Z1 + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def forward_cache_with_parameters(X, parameters):
    A2, cache = _forward(X, parameters)
    cache.update(parameters)
    return A2, cache


def forward_cache_as_tuple(X, parameters):
    A2, cache = _forward(X, parameters)
    return A2, (cache["Z1"], cache["A1"], cache["Z2"], cache["A2"])


def forward_loop(X, parameters):
    n_h, m = parameters["W1"].shape[0], X.shape[1]
    n_y = parameters["W2"].shape[0]
    Z1, A1 = np.zeros((n_h, m)), np.zeros((n_h, m))
    Z2, A2 = np.zeros((n_y, m)), np.zeros((n_y, m))
    for i in range(m):
        x = X[:, i:i + 1]
        z1 = parameters["W1"] @ x + parameters["b1"]
        a1 = (np.exp(z1) - np.exp(-z1)) / (np.exp(z1) + np.exp(-z1))
        z2 = parameters["W2"] @ a1 + parameters["b2"]
        Z1[:, i:i + 1], A1[:, i:i + 1] = z1, a1
        Z2[:, i:i + 1], A2[:, i:i + 1] = z2, 1 / (1 + np.exp(-z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


# --- compute_cost ------------------------------------------------------------

def cost_no_minus(A2, Y, parameters):
    return -compute_cost(A2, Y, parameters)


def cost_not_averaged(A2, Y, parameters):
    return compute_cost(A2, Y, parameters) * Y.shape[1]


def cost_only_positive_term(A2, Y, parameters):
    return float(-np.sum(Y * np.log(A2)) / Y.shape[1])


def cost_as_array(A2, Y, parameters):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m


def cost_log10(A2, Y, parameters):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)) / m)


def cost_with_dot(A2, Y, parameters):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
    return float(np.squeeze(cost))


def cost_with_mean(A2, Y, parameters):
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))


# --- backward_propagation ----------------------------------------------------

def _backward(parameters, cache, X, Y, derivative=None, scale=None,
              keepdims=True, transpose_w2=True):
    m = X.shape[1]
    scale = 1 / m if scale is None else scale
    A1, A2 = cache["A1"], cache["A2"]
    W2 = parameters["W2"]
    dZ2 = A2 - Y
    dW2 = scale * dZ2 @ A1.T
    db2 = scale * np.sum(dZ2, axis=1, keepdims=keepdims)
    slope = (1 - A1 ** 2) if derivative is None else derivative(cache)
    dZ1 = ((W2.T @ dZ2) if transpose_w2 else (dZ2.T @ W2).T) * slope
    dW1 = scale * dZ1 @ X.T
    db1 = scale * np.sum(dZ1, axis=1, keepdims=keepdims)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def backward_slope_without_square(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y,
                     derivative=lambda cache: 1 - cache["A1"])


def backward_slope_from_z1(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y,
                     derivative=lambda cache: 1 - cache["Z1"] ** 2)


def backward_sigmoid_slope(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y,
                     derivative=lambda cache: cache["A1"] * (1 - cache["A1"]))


def backward_no_1_over_m(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, scale=1.0)


def backward_rank1_biases(parameters, cache, X, Y):
    return _backward(parameters, cache, X, Y, keepdims=False)


def backward_y_minus_a(parameters, cache, X, Y):
    grads = _backward(parameters, cache, X, Y)
    return {key: -value for key, value in grads.items()}


def backward_db1_summed_over_everything(parameters, cache, X, Y):
    grads = _backward(parameters, cache, X, Y)
    dZ1 = (parameters["W2"].T @ (cache["A2"] - Y)) * (1 - cache["A1"] ** 2)
    grads["db1"] = np.sum(dZ1) / X.shape[1]
    return grads


def backward_loop(parameters, cache, X, Y):
    n_x, m = X.shape
    W2 = parameters["W2"]
    grads = {"dW1": np.zeros_like(parameters["W1"]),
             "db1": np.zeros_like(parameters["b1"]),
             "dW2": np.zeros_like(W2),
             "db2": np.zeros_like(parameters["b2"])}
    for i in range(m):
        x, a1 = X[:, i:i + 1], cache["A1"][:, i:i + 1]
        dz2 = cache["A2"][:, i:i + 1] - Y[:, i:i + 1]
        dz1 = (W2.T @ dz2) * (1 - np.tanh(cache["Z1"][:, i:i + 1]) ** 2)
        grads["dW2"] += dz2 @ a1.T
        grads["db2"] += dz2
        grads["dW1"] += dz1 @ x.T
        grads["db1"] += dz1
    return {key: value / m for key, value in grads.items()}


# --- update_parameters -------------------------------------------------------

def _update(parameters, grads, rate, sign=-1.0, keys=("W1", "b1", "W2",
                                                      "b2")):
    new = dict(parameters)
    for key in keys:
        new[key] = parameters[key] + sign * rate * grads["d" + key]
    return new


def update_ascent(parameters, grads, learning_rate=1.2):
    return _update(parameters, grads, learning_rate, sign=1.0)


def update_ignores_rate(parameters, grads, learning_rate=1.2):
    return _update(parameters, grads, 1.2)


def update_weights_only(parameters, grads, learning_rate=1.2):
    return _update(parameters, grads, learning_rate, keys=("W1", "W2"))


def update_returns_grads(parameters, grads, learning_rate=1.2):
    return {key[1:]: value for key, value in grads.items()}


def update_in_place(parameters, grads, learning_rate=1.2):
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters


def update_new_keys_in_place(parameters, grads, learning_rate=1.2):
    for key in list(parameters):
        parameters[key] = parameters[key] - learning_rate * grads["d" + key]
    return parameters


# --- nn_model ----------------------------------------------------------------

def _train(X, Y, n_h, num_iterations, print_cost, every=1000, hidden=None,
           steps=None, init=initialize_parameters, print_after=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = init(n_x, hidden or n_h, n_y)
    for i in range(num_iterations if steps is None else steps):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_after:
            cost = compute_cost(forward_propagation(X, parameters)[0], Y,
                                parameters)
        if print_cost and i % every == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters


def model_hidden_size_from_layer_sizes(X, Y, n_h, num_iterations=10000,
                                       print_cost=False):
    return _train(X, Y, n_h, num_iterations, print_cost,
                  hidden=layer_sizes(X, Y)[1])


def model_prints_every_100(X, Y, n_h, num_iterations=10000,
                           print_cost=False):
    return _train(X, Y, n_h, num_iterations, print_cost, every=100)


def model_one_step_short(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _train(X, Y, n_h, num_iterations, print_cost,
                  steps=max(num_iterations - 1, 0))


def model_zero_init(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _train(X, Y, n_h, num_iterations, print_cost,
                  init=init_zero_weights)


def model_prints_cost_after_update(X, Y, n_h, num_iterations=10000,
                                   print_cost=False):
    return _train(X, Y, n_h, num_iterations, print_cost, print_after=True)


def model_without_layer_sizes(X, Y, n_h, num_iterations=10000,
                              print_cost=False):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: "
                  f"{compute_cost(A2, Y, parameters):f}")
        parameters = update_parameters(parameters, grads, 1.2)
    return parameters


# --- predict -----------------------------------------------------------------

def predict_non_strict(parameters, X):
    return forward_propagation(X, parameters)[0] >= 0.5


def predict_probabilities(parameters, X):
    return forward_propagation(X, parameters)[0]


def predict_rank1(parameters, X):
    return forward_propagation(X, parameters)[0][0] > 0.5


def predict_hidden_layer(parameters, X):
    A1 = forward_propagation(X, parameters)[1]["A1"]
    return np.mean(A1, axis=0, keepdims=True) > 0


def predict_rounded(parameters, X):
    return np.round(forward_propagation(X, parameters)[0]) == 1


def predict_from_z2(parameters, X):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    return (parameters["W2"] @ A1 + parameters["b2"]) > 0


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("predict", "returns probabilities")

# --- further learner mistakes (pairing, axis, copy and paste) ----------------

def cost_Y_in_both_terms(A2, Y, parameters):
    m = Y.shape[1]
    total = np.sum(np.log(A2) * Y + np.log(1 - A2) * Y)
    return float(-total / m)


def backward_db2_over_units(parameters, cache, X, Y):
    grads = backward_propagation(parameters, cache, X, Y)
    m = X.shape[1]
    grads["db2"] = np.sum(cache["A2"] - Y, axis=0, keepdims=True) / m
    return grads


def update_biases_without_rate(parameters, grads, learning_rate=1.2):
    return {"W1": parameters["W1"] - learning_rate * grads["dW1"],
            "b1": parameters["b1"] - grads["db1"],
            "W2": parameters["W2"] - learning_rate * grads["dW2"],
            "b2": parameters["b2"] - grads["db2"]}


def update_b1_with_db2(parameters, grads, learning_rate=1.2):
    new = update_parameters(parameters, grads, learning_rate)
    new["b1"] = parameters["b1"] - learning_rate * grads["db2"]
    return new


def predict_threshold_zero(parameters, X):
    return forward_propagation(X, parameters)[0] > 0


MUTANTS = {
    "layer_sizes": [
        Mutant("uses the number of examples", sizes_examples_as_features,
               "n_x and n_y are numbers of rows: X.shape[0] and "
               "Y.shape[0]; X.shape[1] is the number of examples m"),
        Mutant("input and output sizes swapped", sizes_reversed),
        Mutant("hidden size from the data", sizes_hidden_from_data,
               "the hidden layer has 4 units in this exercise: n_h = 4"),
        Mutant("returns a list", sizes_as_list),
    ],
    "initialize_parameters": [
        Mutant("weights not scaled by 0.01", init_no_scaling,
               "multiply the random weights by 0.01 to keep them small"),
        Mutant("W2 drawn before W1", init_w2_drawn_first,
               "draw W1 first and W2 second, right after "
               "np.random.seed(2)"),
        Mutant("uniform instead of normal", init_uniform,
               "use np.random.randn (normal), not np.random.rand "
               "(uniform)"),
        Mutant("zero weights", init_zero_weights,
               "the weights must be random: zero weights make every "
               "hidden unit compute the same thing"),
        Mutant("rank-1 biases", init_rank1_biases),
        Mutant("W1 of shape (n_x, n_h)", init_transposed_w1),
        Mutant("no seed", init_without_seed,
               "call np.random.seed(2) before drawing the weights"),
    ],
    "forward_propagation": [
        Mutant("sigmoid in the hidden layer", forward_sigmoid_hidden,
               "the hidden layer uses tanh: A1 = np.tanh(Z1)"),
        Mutant("ReLU in the hidden layer", forward_relu_hidden,
               "the hidden layer uses tanh: A1 = np.tanh(Z1)"),
        Mutant("tanh in the output layer", forward_tanh_output,
               "the output layer uses the sigmoid: A2 = sigmoid(Z2)"),
        Mutant("biases left out", forward_no_biases,
               "add the biases: Z1 = W1 X + b1 and Z2 = W2 A1 + b2"),
        Mutant("Z1 instead of A1 in layer 2", forward_z1_passed_on,
               "the second layer takes the activations: Z2 = W2 A1 + b2"),
        Mutant("parameters stored in the cache",
               forward_cache_with_parameters,
               "the cache holds exactly Z1, A1, Z2 and A2"),
        Mutant("cache as a tuple", forward_cache_as_tuple),
    ],
    "compute_cost": [
        Mutant("cost without the minus sign", cost_no_minus,
               "the cost has a minus sign in front: -1/m * sum(...)"),
        Mutant("sum instead of average", cost_not_averaged,
               "the cost is an average over the m examples: did you "
               "forget the 1/m?"),
        Mutant("only the y = 1 term", cost_only_positive_term,
               "include both terms: Y log(A2) and (1 - Y) log(1 - A2)"),
        Mutant("cost left as a (1, 1) array", cost_as_array,
               "return a single number: float(np.squeeze(cost))"),
        Mutant("base-10 logarithm", cost_log10,
               "use the natural logarithm np.log, not np.log10"),
        Mutant("log(1 - A2) times Y", cost_Y_in_both_terms,
               "log(1 - A2) is the loss of the examples labelled 0: "
               "multiply it by 1 - Y, not by Y"),
    ],
    "backward_propagation": [
        Mutant("tanh slope 1 - A1", backward_slope_without_square,
               "the derivative of tanh is 1 - A1 ** 2 (squared)"),
        Mutant("tanh slope from Z1", backward_slope_from_z1,
               "the derivative of tanh is 1 - A1 ** 2, with A1 = tanh(Z1), "
               "not Z1"),
        Mutant("sigmoid slope in the hidden layer", backward_sigmoid_slope,
               "the hidden layer uses tanh, whose derivative is "
               "1 - A1 ** 2"),
        Mutant("gradients without 1/m", backward_no_1_over_m,
               "the gradients are averages over the m examples: did you "
               "forget the 1/m?"),
        Mutant("rank-1 bias gradients", backward_rank1_biases,
               "keep db1 and db2 as columns: np.sum(..., axis=1, "
               "keepdims=True)"),
        Mutant("Y - A2 instead of A2 - Y", backward_y_minus_a,
               "the gradients have the wrong sign: dZ2 = A2 - Y"),
        Mutant("db1 summed over both axes",
               backward_db1_summed_over_everything,
               "sum dZ1 over the examples only: np.sum(dZ1, axis=1, "
               "keepdims=True)"),
        Mutant("db2 summed over the units", backward_db2_over_units,
               "sum dZ2 over the examples, the columns: axis=1, "
               "keepdims=True"),
    ],
    "update_parameters": [
        Mutant("gradient ascent", update_ascent,
               "gradient descent subtracts: W1 = W1 - learning_rate * dW1"),
        Mutant("ignores learning_rate", update_ignores_rate,
               "use the learning_rate argument, not a fixed number"),
        Mutant("biases never updated", update_weights_only,
               "update b1 and b2 as well"),
        Mutant("returns the gradients", update_returns_grads),
        Mutant("learning rate only on the weights",
               update_biases_without_rate,
               "the biases take a step of learning_rate times their "
               "gradient too"),
        Mutant("b1 updated with db2", update_b1_with_db2,
               "each parameter takes its own gradient: b1 goes with db1"),
    ],
    "nn_model": [
        Mutant("hidden size from layer_sizes",
               model_hidden_size_from_layer_sizes,
               "use the n_h argument for the hidden layer; layer_sizes "
               "gives only n_x and n_y here"),
        Mutant("prints every 100 iterations", model_prints_every_100,
               "print the cost only when i % 1000 == 0"),
        Mutant("one step short", model_one_step_short,
               "run exactly num_iterations steps: for i in "
               "range(num_iterations)"),
        Mutant("zero initialization", model_zero_init,
               "start from initialize_parameters(n_x, n_h, n_y)"),
        Mutant("prints the cost after the update",
               model_prints_cost_after_update,
               "print the cost computed before the update of iteration i"),
    ],
    "predict": [
        Mutant(">= 0.5 instead of > 0.5", predict_non_strict,
               "a probability of exactly 0.5 must give False: use a "
               "strict A2 > 0.5"),
        Mutant("returns probabilities", predict_probabilities,
               "turn the probabilities A2 into predictions: A2 > 0.5"),
        Mutant("rank-1 predictions", predict_rank1),
        Mutant("thresholds the hidden layer", predict_hidden_layer,
               "predict from the output A2 of forward_propagation"),
        Mutant("threshold 0", predict_threshold_zero,
               "A2 is a probability, always above 0: compare it with "
               "0.5"),
    ],
}

ALTERNATIVES = {
    "layer_sizes": [sizes_unpacked],
    "initialize_parameters": [init_own_random_state],
    "forward_propagation": [forward_loop],
    "compute_cost": [cost_with_dot, cost_with_mean],
    "backward_propagation": [backward_loop],
    "update_parameters": [update_in_place, update_new_keys_in_place],
    "nn_model": [model_without_layer_sizes],
    "predict": [predict_rounded, predict_from_z2],
}
