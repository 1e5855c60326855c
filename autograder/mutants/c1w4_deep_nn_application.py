"""Mutants and correct alternatives for ``c1w4_deep_nn_application``."""
import numpy as np

from autograder.helpers.dnn_app_utils import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    update_parameters,
)
from autograder.spec import Mutant

# --- two_layer_model --------------------------------------------------------

def _two_layer(X, Y, layers_dims, learning_rate, num_iterations, print_cost,
               start=None, hidden="relu", init=None, rate=None,
               record_after=False, every=100, costs_too=True):
    np.random.seed(1)
    n_x, n_h, n_y = layers_dims
    parameters = (init or initialize_parameters)(n_x, n_h, n_y)
    alpha = learning_rate if rate is None else rate
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"],
                                               parameters["b1"], hidden)
        A2, cache2 = linear_activation_forward(A1, parameters["W2"],
                                               parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = (-(Y / A2 - (1 - Y) / (1 - A2)) if start is None
               else start(A2, Y))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, hidden)
        parameters = update_parameters(
            parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2},
            alpha)
        if i % every == 0:
            if record_after:
                cost = compute_cost(L_model_forward(X, parameters)[0], Y)
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return (parameters, costs) if costs_too else parameters


def two_layer_starts_from_dZ(X, Y, layers_dims, learning_rate=0.0075,
                             num_iterations=3000, print_cost=False):
    return _two_layer(X, Y, layers_dims, learning_rate, num_iterations,
                      print_cost, start=lambda A2, Y: A2 - Y)


def two_layer_sigmoid_hidden(X, Y, layers_dims, learning_rate=0.0075,
                             num_iterations=3000, print_cost=False):
    return _two_layer(X, Y, layers_dims, learning_rate, num_iterations,
                      print_cost, hidden="sigmoid")


def two_layer_deep_init(X, Y, layers_dims, learning_rate=0.0075,
                        num_iterations=3000, print_cost=False):
    return _two_layer(X, Y, layers_dims, learning_rate, num_iterations,
                      print_cost,
                      init=lambda *dims: initialize_parameters_deep(dims))


def two_layer_default_rate(X, Y, layers_dims, learning_rate=0.0075,
                           num_iterations=3000, print_cost=False):
    return _two_layer(X, Y, layers_dims, learning_rate, num_iterations,
                      print_cost, rate=0.0075)


def two_layer_cost_after_update(X, Y, layers_dims, learning_rate=0.0075,
                                num_iterations=3000, print_cost=False):
    return _two_layer(X, Y, layers_dims, learning_rate, num_iterations,
                      print_cost, record_after=True)


def two_layer_cost_every_iteration(X, Y, layers_dims, learning_rate=0.0075,
                                   num_iterations=3000, print_cost=False):
    return _two_layer(X, Y, layers_dims, learning_rate, num_iterations,
                      print_cost, every=1)


def two_layer_dA2_sign_flipped(X, Y, layers_dims, learning_rate=0.0075,
                               num_iterations=3000, print_cost=False):
    return _two_layer(X, Y, layers_dims, learning_rate, num_iterations,
                      print_cost,
                      start=lambda A2, Y: Y / A2 - (1 - Y) / (1 - A2))


def two_layer_sizes_swapped(X, Y, layers_dims, learning_rate=0.0075,
                            num_iterations=3000, print_cost=False):
    n_h, n_x, n_y = layers_dims
    return _two_layer(X, Y, (n_x, n_h, n_y), learning_rate, num_iterations,
                      print_cost)


def two_layer_dA2_into_layer_1(X, Y, layers_dims, learning_rate=0.0075,
                               num_iterations=3000, print_cost=False):
    np.random.seed(1)
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"],
                                               parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"],
                                               parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        _, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA2, cache1, "relu")
        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


def two_layer_parameters_only(X, Y, layers_dims, learning_rate=0.0075,
                              num_iterations=3000, print_cost=False):
    return _two_layer(X, Y, layers_dims, learning_rate, num_iterations,
                      print_cost, costs_too=False)


def two_layer_as_L_layer(X, Y, layers_dims, learning_rate=0.0075,
                         num_iterations=3000, print_cost=False):
    """The 2-layer net is an L-layer net with L = 2; only the init differs."""
    parameters = initialize_parameters(*layers_dims)
    costs = []
    for i in range(num_iterations):
        A2, caches = L_model_forward(X, parameters)
        grads = L_model_backward(A2, Y, caches)
        if i % 100 == 0:
            costs.append(compute_cost(A2, Y))
            if print_cost:
                print("Cost after iteration " + str(i) + ": "
                      + str(float(costs[-1])))
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


# --- L_layer_model ----------------------------------------------------------

def _L_layer(X, Y, layers_dims, learning_rate, num_iterations, print_cost,
             init=None, rate=None, keep_update=True, every=100,
             costs_too=True, first=0, record_after=False):
    np.random.seed(1)
    parameters = (init or initialize_parameters_deep)(layers_dims)
    alpha = learning_rate if rate is None else rate
    costs = []
    for i in range(first, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        updated = update_parameters(parameters, grads, alpha)
        if keep_update:
            parameters = updated
        if record_after:
            cost = compute_cost(L_model_forward(X, parameters)[0], Y)
        if i % every == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return (parameters, costs) if costs_too else parameters


def _small_init(layers_dims):
    """The step-by-step initialization: randn * 0.01."""
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = np.random.randn(layers_dims[l],
                                              layers_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def L_layer_small_init(X, Y, layers_dims, learning_rate=0.0075,
                       num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost, init=_small_init)


def L_layer_default_rate(X, Y, layers_dims, learning_rate=0.0075,
                         num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost, rate=0.0075)


def L_layer_update_discarded(X, Y, layers_dims, learning_rate=0.0075,
                             num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost, keep_update=False)


def L_layer_cost_every_iteration(X, Y, layers_dims, learning_rate=0.0075,
                                 num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost, every=1)


def L_layer_starts_at_one(X, Y, layers_dims, learning_rate=0.0075,
                          num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost, first=1)


def L_layer_always_prints(X, Y, layers_dims, learning_rate=0.0075,
                          num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost=True)


def L_layer_cost_after_update(X, Y, layers_dims, learning_rate=0.0075,
                              num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost, record_after=True)


def L_layer_two_layer_init(X, Y, layers_dims, learning_rate=0.0075,
                           num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost,
                    init=lambda dims: initialize_parameters(
                        dims[0], dims[1], dims[-1]))


def L_layer_parameters_only(X, Y, layers_dims, learning_rate=0.0075,
                            num_iterations=3000, print_cost=False):
    return _L_layer(X, Y, layers_dims, learning_rate, num_iterations,
                    print_cost, costs_too=False)


def L_layer_unrolled(X, Y, layers_dims, learning_rate=0.0075,
                     num_iterations=3000, print_cost=False):
    """Costs gathered first, printed from the list afterwards."""
    parameters = initialize_parameters_deep(list(layers_dims))
    every_cost = []
    for _ in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        every_cost.append(compute_cost(AL, Y))
        parameters = update_parameters(
            parameters, L_model_backward(AL, Y, caches), learning_rate)
    costs = every_cost[::100]
    if print_cost:
        for k, cost in enumerate(costs):
            print("Cost after iteration {}: {}".format(100 * k, cost))
    return parameters, costs


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("L_layer_model", "learning rate ignored")

MUTANTS = {
    "two_layer_model": [
        Mutant("starts from A2 - Y as dA2", two_layer_starts_from_dZ,
               "A2 - Y is dZ2; linear_activation_backward expects "
               "dA2 = -(Y / A2 - (1 - Y) / (1 - A2))"),
        Mutant("sigmoid in the hidden layer", two_layer_sigmoid_hidden,
               "the hidden layer uses \"relu\", the output layer "
               "\"sigmoid\""),
        Mutant("the deep initialization", two_layer_deep_init,
               "start from initialize_parameters(n_x, n_h, n_y)"),
        Mutant("learning rate ignored", two_layer_default_rate,
               "pass the learning_rate argument on to update_parameters"),
        Mutant("cost recorded after the update",
               two_layer_cost_after_update,
               "record the cost computed before the update of iteration i"),
        Mutant("cost recorded every iteration",
               two_layer_cost_every_iteration,
               "record (and print) the cost only when i % 100 == 0"),
        Mutant("dA2 with the sign flipped", two_layer_dA2_sign_flipped,
               "check the sign of dA2: it is minus (Y / A2 - (1 - Y) / "
               "(1 - A2)), the derivative of the cross-entropy cost"),
        Mutant("n_x and n_h swapped", two_layer_sizes_swapped,
               "layers_dims lists the sizes in the order (n_x, n_h, n_y): "
               "unpack them in that order"),
        Mutant("layer 1's backward pass fed dA2", two_layer_dA2_into_layer_1,
               "layer 1's backward pass starts from dA1, the gradient that "
               "layer 2's backward pass returns, not from dA2"),
        Mutant("returns parameters only", two_layer_parameters_only),
    ],
    "L_layer_model": [
        Mutant("small random initialization", L_layer_small_init,
               "use the given initialize_parameters_deep(layers_dims)"),
        Mutant("learning rate ignored", L_layer_default_rate,
               "pass the learning_rate argument on to update_parameters"),
        Mutant("update discarded", L_layer_update_discarded,
               "keep what update_parameters returns: parameters = "
               "update_parameters(...)"),
        Mutant("cost recorded every iteration",
               L_layer_cost_every_iteration,
               "record (and print) the cost only when i % 100 == 0"),
        Mutant("loop starts at 1", L_layer_starts_at_one,
               "run exactly num_iterations iterations, counting i from 0 "
               "so the cost of iteration 0 is recorded"),
        Mutant("prints when print_cost is False", L_layer_always_prints,
               "print the costs only when print_cost is True"),
        Mutant("cost recorded after the update", L_layer_cost_after_update,
               "record the cost computed before the update of iteration i"),
        Mutant("2-layer initialization", L_layer_two_layer_init,
               "initialize with initialize_parameters_deep(layers_dims): "
               "it makes one W, b pair per layer of any depth"),
        Mutant("returns parameters only", L_layer_parameters_only),
    ],
}

ALTERNATIVES = {
    "two_layer_model": [two_layer_as_L_layer],
    "L_layer_model": [L_layer_unrolled],
}
