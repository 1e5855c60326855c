"""Learners' mistakes in ``c1w2_logistic_regression``."""
import numpy as np

from autograder.reference.c1w2_logistic_regression import (
    initialize_with_zeros,
    optimize,
    predict,
    propagate,
    sigmoid,
)
from tests.learner_mistakes import Mistake, edit


def propagate_hard_coded_m(w, b, X, Y):
    # the demo has 3 examples; the cat set 209: the learner wrote one in
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / 3
    dw = np.dot(X, (A - Y).T) / 3
    db = np.sum(A - Y) / 3
    return {"dw": dw, "db": db}, np.squeeze(np.array(cost))


def optimize_in_place(w, b, X, Y, num_iterations, learning_rate,
                      print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]  # changes the caller's w
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return {"w": w, "b": b}, grads, costs


def predict_reshape_demo(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A > 0.5).astype(float).reshape((1, 209))


def model_global_rate(X_train, Y_train, X_test, Y_test, num_iterations=2000,
                      learning_rate=0.5, print_cost=False):
    # passes the notebook's default 0.005 instead of the argument
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,
                                    0.005, print_cost)
    return _model_dict(params, costs, X_train, Y_train, X_test, Y_test,
                       num_iterations, learning_rate)


def model_train_on_test(X_train, Y_train, X_test, Y_test,
                        num_iterations=2000, learning_rate=0.5,
                        print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_test, Y_test, num_iterations,
                                    learning_rate, print_cost)
    return _model_dict(params, costs, X_train, Y_train, X_test, Y_test,
                       num_iterations, learning_rate)


def _model_dict(params, costs, X_train, Y_train, X_test, Y_test,
                num_iterations, learning_rate):
    w, b = params["w"], params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    print("train accuracy: {} %".format(
        100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
    print("test accuracy: {} %".format(
        100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train, "w": w, "b": b,
            "learning_rate": learning_rate,
            "num_iterations": num_iterations}


MISTAKES = [
    # sigmoid
    Mistake("sigmoid", "exp(x) instead of exp(-x)", ("exp(-x)",),
            edit("np.exp(-x)", "np.exp(x)")),
    Mistake("sigmoid", "1 / 1 + exp(-x) without parentheses",
            ("parenthes",),
            edit("1 / (1 + np.exp(-x))", "1 / 1 + np.exp(-x)")),
    Mistake("sigmoid", "tanh instead of the sigmoid", ("sigmoid",),
            edit("1 / (1 + np.exp(-x))", "np.tanh(x)")),
    Mistake("sigmoid", "exp(-x) / (1 + exp(-x)), i.e. 1 - sigmoid",
            ("1 - ", "sign"),
            edit("1 / (1 + np.exp(-x))", "np.exp(-x) / (1 + np.exp(-x))")),
    # initialize_with_zeros
    Mistake("initialize_with_zeros", "w as a rank-1 array",
            ("(dim, 1)", "rank-1"),
            edit("np.zeros((dim, 1))", "np.zeros(dim)")),
    Mistake("initialize_with_zeros", "w as a row", ("(dim, 1)", "swapped"),
            edit("np.zeros((dim, 1))", "np.zeros((1, dim))")),
    Mistake("initialize_with_zeros", "b as an array", ("b",),
            edit("b = 0", "b = np.zeros((1, 1))")),
    Mistake("initialize_with_zeros", "random w", ("zero",),
            edit("np.zeros((dim, 1))", "np.random.randn(dim, 1) * 0.01")),
    Mistake("initialize_with_zeros", "hard-coded cat size 12288",
            ("dim",), edit("np.zeros((dim, 1))", "np.zeros((12288, 1))")),
    # propagate
    Mistake("propagate", "1/m forgotten in dw and db", ("1/m",),
            edit("dw = np.dot(X, dZ.T) / m", "dw = np.dot(X, dZ.T)",
                 "db = np.sum(dZ) / m", "db = np.sum(dZ)")),
    Mistake("propagate", "minus sign of the cost forgotten", ("sign",),
            edit("cost = -np.sum(", "cost = np.sum(")),
    Mistake("propagate", "hard-coded m = 3 of the demo", ("m",),
            code=propagate_hard_coded_m),
    Mistake("propagate", "w not transposed: np.dot(w, X)", ("transpos",),
            edit("np.dot(w.T, X)", "np.dot(w, X)")),
    Mistake("propagate", "dw without X: dZ summed", ("X",),
            edit("dw = np.dot(X, dZ.T) / m",
                 "dw = np.sum(dZ) / m * np.ones_like(w)")),
    Mistake("propagate", "db with keepdims array and cost as a float",
            ("db",), edit("db = np.sum(dZ) / m",
                          "db = np.sum(dZ, axis=1, keepdims=True) / m")),
    # optimize
    Mistake("optimize", "updates the caller's w in place", ("in place",),
            code=optimize_in_place),
    Mistake("optimize", "plus instead of minus in the update",
            ("minus", "subtract"),
            edit("w = w - learning_rate", "w = w + learning_rate",
                 "b = b - learning_rate", "b = b + learning_rate")),
    Mistake("optimize", "records the cost at every iteration", ("100",),
            edit("if i % 100 == 0:\n            costs.append(cost)\n",
                 "costs.append(cost)\n        if i % 100 == 0:\n")),
    Mistake("optimize", "learning rate forgotten for b",
            ("learning_rate",),
            edit('b = b - learning_rate * grads["db"]',
                 'b = b - grads["db"]')),
    Mistake("optimize", "costs recorded after the update", ("before",),
            edit("grads, cost = propagate(w, b, X, Y)\n",
                 "grads, _ = propagate(w, b, X, Y)\n",
                 'b = b - learning_rate * grads["db"]\n',
                 'b = b - learning_rate * grads["db"]\n'
                 '        cost = propagate(w, b, X, Y)[1]\n')),
    # predict
    Mistake("predict", "sigmoid forgotten (threshold on z)", ("sigmoid",),
            edit("A = sigmoid(np.dot(w.T, X) + b)",
                 "A = np.dot(w.T, X) + b")),
    Mistake("predict", ">= 0.5 instead of > 0.5", ("0.5",),
            edit("A > 0.5", "A >= 0.5")),
    Mistake("predict", "booleans instead of 0.0 and 1.0", ("float",),
            edit("(A > 0.5).astype(float)", "A > 0.5")),
    Mistake("predict", "hard-coded reshape to the cat set's 209",
            ("shape",), code=predict_reshape_demo),
    Mistake("predict", "bias forgotten", ("b",),
            edit("np.dot(w.T, X) + b", "np.dot(w.T, X)")),
    # model
    Mistake("model", "learning rate 0.005 written in, not the argument",
            ("learning_rate",), code=model_global_rate),
    Mistake("model", "trains on the test set", ("train",),
            code=model_train_on_test),
    Mistake("model", "print_cost not passed on", ("print_cost",),
            edit("learning_rate, print_cost)", "learning_rate)")),
    Mistake("model", "train and test predictions swapped", ("test",),
            edit('"Y_prediction_test": Y_prediction_test',
                 '"Y_prediction_test": Y_prediction_train',
                 '"Y_prediction_train": Y_prediction_train',
                 '"Y_prediction_train": Y_prediction_test')),
    Mistake("model", "accuracy printed as a fraction", ("100",),
            edit("np.mean(np.abs(Y_prediction_train - Y_train)) * 100",
                 "np.mean(np.abs(Y_prediction_train - Y_train))")),
]
