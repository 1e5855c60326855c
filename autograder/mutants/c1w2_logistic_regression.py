"""Mutants and correct alternatives for ``c1w2_logistic_regression``."""
import copy

import numpy as np

from autograder.mutants import c1w2_numpy_basics as basics
from autograder.reference.c1w2_logistic_regression import (
    initialize_with_zeros,
    optimize,
    predict,
    propagate,
    sigmoid,
)
from autograder.spec import Mutant

# --- initialize_with_zeros -------------------------------------------------

def init_rank1(dim):
    return np.zeros(dim), 0


def init_row(dim):
    return np.zeros((1, dim)), 0


def init_bias_array(dim):
    return np.zeros((dim, 1)), np.zeros((1, 1))


def init_random(dim):
    return 0.01 * np.random.default_rng(0).standard_normal((dim, 1)), 0


def init_float_bias(dim):
    return np.zeros([dim, 1], dtype=float), 0.0


# --- propagate -------------------------------------------------------------

def _forward(w, b, X):
    return sigmoid(w.T @ X + b)


def _cost(A, Y):
    m = Y.shape[1]
    return np.squeeze(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)


def propagate_no_1_over_m_in_dw(w, b, X, Y):
    A = _forward(w, b, X)
    m = X.shape[1]
    return ({"dw": X @ (A - Y).T, "db": np.sum(A - Y) / m}, _cost(A, Y))



def propagate_dw_without_X(w, b, X, Y):
    A = _forward(w, b, X)
    m = X.shape[1]
    dw = np.sum(A - Y) / m * np.ones_like(w)
    return {"dw": dw, "db": np.sum(A - Y) / m}, _cost(A, Y)


def optimize_bias_without_rate(w, b, X, Y, num_iterations, learning_rate,
                               print_cost=False):
    w = w.copy()
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return {"w": w, "b": b}, grads, costs


def propagate_transposed_dw(w, b, X, Y):
    A = _forward(w, b, X)
    m = X.shape[1]
    return ({"dw": (A - Y) @ X.T / m, "db": np.sum(A - Y) / m}, _cost(A, Y))


def propagate_no_minus_in_cost(w, b, X, Y):
    A = _forward(w, b, X)
    m = X.shape[1]
    grads = {"dw": X @ (A - Y).T / m, "db": np.sum(A - Y) / m}
    return grads, -_cost(A, Y)


def propagate_db_not_averaged(w, b, X, Y):
    A = _forward(w, b, X)
    m = X.shape[1]
    return ({"dw": X @ (A - Y).T / m, "db": np.sum(A - Y)}, _cost(A, Y))


def propagate_y_minus_a(w, b, X, Y):
    A = _forward(w, b, X)
    m = X.shape[1]
    return ({"dw": X @ (Y - A).T / m, "db": np.sum(Y - A) / m}, _cost(A, Y))


def propagate_cost_not_squeezed(w, b, X, Y):
    A = _forward(w, b, X)
    m = X.shape[1]
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    return {"dw": X @ (A - Y).T / m, "db": np.sum(A - Y) / m}, cost


def propagate_loop(w, b, X, Y):
    n_x, m = X.shape
    cost, dw, db = 0.0, np.zeros((n_x, 1)), 0.0
    for i in range(m):
        a = 1 / (1 + np.exp(-(np.sum(w[:, 0] * X[:, i]) + b)))
        y = Y[0, i]
        cost -= y * np.log(a) + (1 - y) * np.log(1 - a)
        dw[:, 0] += X[:, i] * (a - y)
        db += a - y
    return {"dw": dw / m, "db": db / m}, np.squeeze(cost / m)


# --- optimize --------------------------------------------------------------

def _descend(w, b, X, Y, num_iterations, learning_rate, print_cost,
             sign=-1.0, update_b=True, record_after=False, every=100):
    w = w.copy()
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w + sign * learning_rate * grads["dw"]
        if update_b:
            b = b + sign * learning_rate * grads["db"]
        if i % every == 0:
            if record_after:
                cost = propagate(w, b, X, Y)[1]
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return {"w": w, "b": b}, grads, costs


def optimize_ascent(w, b, X, Y, num_iterations, learning_rate,
                    print_cost=False):
    return _descend(w, b, X, Y, num_iterations, learning_rate, print_cost,
                    sign=1.0)


def optimize_frozen_bias(w, b, X, Y, num_iterations, learning_rate,
                         print_cost=False):
    return _descend(w, b, X, Y, num_iterations, learning_rate, print_cost,
                    update_b=False)


def optimize_cost_after_update(w, b, X, Y, num_iterations, learning_rate,
                               print_cost=False):
    return _descend(w, b, X, Y, num_iterations, learning_rate, print_cost,
                    record_after=True)


def optimize_records_every_iteration(w, b, X, Y, num_iterations,
                                     learning_rate, print_cost=False):
    return _descend(w, b, X, Y, num_iterations, learning_rate, print_cost,
                    every=1)


def optimize_in_place(w, b, X, Y, num_iterations, learning_rate,
                      print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return {"w": w, "b": b}, grads, costs


def optimize_on_a_deep_copy(w, b, X, Y, num_iterations, learning_rate,
                            print_cost=False):
    w, b = copy.deepcopy(w), copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {float(cost):f}")
    return {"w": w, "b": b}, grads, costs


# --- predict ---------------------------------------------------------------

def predict_non_strict(w, b, X):
    A = sigmoid(w.reshape(X.shape[0], 1).T @ X + b)
    return (A >= 0.5).astype(float)


def predict_probabilities(w, b, X):
    return sigmoid(w.reshape(X.shape[0], 1).T @ X + b)


def predict_rank1(w, b, X):
    A = sigmoid(w.reshape(X.shape[0], 1).T @ X + b)
    return (A[0] > 0.5).astype(float)


def predict_without_bias(w, b, X):
    A = sigmoid(w.reshape(X.shape[0], 1).T @ X)
    return (A > 0.5).astype(float)


def predict_loop(w, b, X):
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    prediction = np.zeros((1, X.shape[1]))
    for i in range(X.shape[1]):
        if A[0, i] > 0.5:
            prediction[0, i] = 1
    return prediction


# --- model -----------------------------------------------------------------

def _model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate,
           print_cost, swap=False, rate=None, percent=100, init=None):
    w, b = (init or initialize_with_zeros)(X_train.shape[0])
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations,
                                rate or learning_rate, print_cost)
    train = predict(params["w"], params["b"], X_train)
    test = predict(params["w"], params["b"], X_test)
    if swap:
        train, test = test, train
    print("train accuracy: {} %".format(
        percent - np.mean(np.abs(train - Y_train)) * percent))
    print("test accuracy: {} %".format(
        percent - np.mean(np.abs(test - Y_test)) * percent))
    return {"costs": costs, "Y_prediction_test": test,
            "Y_prediction_train": train, "w": params["w"],
            "b": params["b"], "learning_rate": learning_rate,
            "num_iterations": num_iterations}


def model_swapped_predictions(X_train, Y_train, X_test, Y_test,
                              num_iterations=2000, learning_rate=0.5,
                              print_cost=False):
    return _model(X_train, Y_train, X_test, Y_test, num_iterations,
                  learning_rate, print_cost, swap=True)


def model_default_rate(X_train, Y_train, X_test, Y_test,
                       num_iterations=2000, learning_rate=0.5,
                       print_cost=False):
    return _model(X_train, Y_train, X_test, Y_test, num_iterations,
                  learning_rate, print_cost, rate=0.5)


def model_fraction_accuracy(X_train, Y_train, X_test, Y_test,
                            num_iterations=2000, learning_rate=0.5,
                            print_cost=False):
    return _model(X_train, Y_train, X_test, Y_test, num_iterations,
                  learning_rate, print_cost, percent=1)


def model_random_init(X_train, Y_train, X_test, Y_test,
                      num_iterations=2000, learning_rate=0.5,
                      print_cost=False):
    return _model(X_train, Y_train, X_test, Y_test, num_iterations,
                  learning_rate, print_cost, init=init_random)


def model_accuracy_by_equality(X_train, Y_train, X_test, Y_test,
                               num_iterations=2000, learning_rate=0.5,
                               print_cost=False):
    w, b = np.zeros((X_train.shape[0], 1)), 0
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations,
                                learning_rate, print_cost)
    train = predict(params["w"], params["b"], X_train)
    test = predict(params["w"], params["b"], X_test)
    for name, guess, truth in (("train", train, Y_train),
                               ("test", test, Y_test)):
        print(f"{name} accuracy: {np.mean(guess == truth) * 100} %")
    return {"costs": costs, "Y_prediction_test": test,
            "Y_prediction_train": train, "w": params["w"],
            "b": params["b"], "learning_rate": learning_rate,
            "num_iterations": num_iterations}


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("model", "ignores learning_rate")

MUTANTS = {
    "sigmoid": basics.MUTANTS["sigmoid"],
    "initialize_with_zeros": [
        Mutant("rank-1 weights", init_rank1),
        Mutant("weights as a row", init_row),
        Mutant("bias as an array", init_bias_array,
               "b is a single number (0), not an array"),
        Mutant("random weights", init_random,
               "logistic regression starts from zeros: use np.zeros"),
    ],
    "propagate": [
        Mutant("dw without 1/m", propagate_no_1_over_m_in_dw,
               "dw is an average over the m examples: did you forget "
               "the 1/m?"),
        Mutant("dw transposed", propagate_transposed_dw),
        Mutant("cost without the minus sign", propagate_no_minus_in_cost,
               "the cost has a minus sign in front: -1/m * sum(...)"),
        Mutant("db without 1/m", propagate_db_not_averaged,
               "db is an average over the m examples: did you forget "
               "the 1/m?"),
        Mutant("Y - A instead of A - Y", propagate_y_minus_a,
               "the gradients have the wrong sign: dZ = A - Y"),
        Mutant("cost left as a (1, 1) array", propagate_cost_not_squeezed,
               "the cost is a single number: use np.squeeze on it"),
        Mutant("dw without X", propagate_dw_without_X,
               "each weight's gradient weighs dZ by its own input feature: "
               "dw = 1/m * X (A - Y).T, not the sum of dZ alone"),
    ],
    "optimize": [
        Mutant("gradient ascent", optimize_ascent,
               "gradient descent subtracts: w = w - learning_rate * dw"),
        Mutant("bias never updated", optimize_frozen_bias,
               "update b as well: b = b - learning_rate * db"),
        Mutant("learning rate only on w", optimize_bias_without_rate,
               "b takes a step of learning_rate times db too"),
        Mutant("cost recorded after the update", optimize_cost_after_update,
               "record the cost computed before the update of iteration i"),
        Mutant("cost recorded every iteration",
               optimize_records_every_iteration,
               "record the cost only when i % 100 == 0"),
        Mutant("updates the caller's w in place", optimize_in_place),
    ],
    "predict": [
        Mutant(">= 0.5 instead of > 0.5", predict_non_strict,
               "a probability of exactly 0.5 must give 0: use a strict "
               "A > 0.5"),
        Mutant("returns probabilities", predict_probabilities,
               "convert the probabilities A into 0/1 predictions"),
        Mutant("rank-1 predictions", predict_rank1),
        Mutant("forgets the bias", predict_without_bias,
               "the probability is sigmoid(w.T X + b): include b"),
    ],
    "model": [
        Mutant("train and test predictions swapped",
               model_swapped_predictions,
               "Y_prediction_train must come from X_train and "
               "Y_prediction_test from X_test"),
        Mutant("ignores learning_rate", model_default_rate,
               "pass the learning_rate argument on to optimize"),
        Mutant("accuracy as a fraction", model_fraction_accuracy,
               "print the accuracy in percent: 100 - mean(|Y_hat - Y|) "
               "* 100"),
        Mutant("random initialization", model_random_init),
    ],
}

ALTERNATIVES = {
    "sigmoid": basics.ALTERNATIVES["sigmoid"],
    "initialize_with_zeros": [init_float_bias],
    "propagate": [propagate_loop],
    "optimize": [optimize_on_a_deep_copy],
    "predict": [predict_loop],
    "model": [model_accuracy_by_equality],
}
