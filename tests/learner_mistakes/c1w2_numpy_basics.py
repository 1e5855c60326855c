"""Learners' mistakes in ``c1w2_numpy_basics``."""
import math

import numpy as np

from tests.learner_mistakes import Mistake, edit


def sigmoid_of_a_list(x):
    # math.exp works on the demo's single number, not on arrays
    return 1 / (1 + math.exp(-x))


def image2vector_hard_coded(image):
    # the demo image is (3, 3, 2): its 18 pixels written in
    return image.reshape(18, 1)


def normalize_rows_in_place(x):
    # divides the caller's array in place to save memory
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def softmax_in_place(x):
    np.exp(x, out=x)
    x /= np.sum(x, axis=1, keepdims=True)
    return x


MISTAKES = [
    # sigmoid
    Mistake("sigmoid", "math.exp instead of np.exp", ("np.exp",),
            code=sigmoid_of_a_list),
    Mistake("sigmoid", "exp(x) instead of exp(-x)", ("exp(-x)",),
            edit("np.exp(-x)", "np.exp(x)")),
    Mistake("sigmoid", "1 / 1 + exp(-x) without parentheses",
            ("parenthes",), edit("1 / (1 + np.exp(-x))",
                                 "1 / 1 + np.exp(-x)")),
    Mistake("sigmoid", "1 - exp(-x) in the denominator", ("1 + ",),
            edit("(1 + np.exp(-x))", "(1 - np.exp(-x))")),
    # sigmoid_derivative
    Mistake("sigmoid_derivative", "s * (1 + s)", ("1 - s",),
            edit("s * (1 - s)", "s * (1 + s)")),
    Mistake("sigmoid_derivative", "derivative of x, not of sigmoid(x)",
            ("sigmoid(x)",), edit("ds = s * (1 - s)", "ds = x * (1 - x)")),
    Mistake("sigmoid_derivative", "returns s, forgetting the product",
            ("s * (1 - s)",), edit("return ds", "return s")),
    Mistake("sigmoid_derivative", "s ** 2 instead of s * (1 - s)",
            ("1 - s",), edit("s * (1 - s)", "s - s ** 2 * 2")),
    # image2vector
    Mistake("image2vector", "hard-coded demo size 18", ("shape",),
            code=image2vector_hard_coded),
    Mistake("image2vector", "a row instead of a column", ("column",),
            edit(", 1)", ")", "image.reshape(", "image.reshape(1, ")),
    Mistake("image2vector", "two dimensions only, depth forgotten",
            ("depth",), edit(" * image.shape[2]", "")),
    Mistake("image2vector", "column-major order (order='F')",
            ("order",), edit(", 1)", ", 1, order='F')")),
    # normalize_rows
    Mistake("normalize_rows", "norm over columns (axis=0)", ("axis",),
            edit("axis=1", "axis=0")),
    Mistake("normalize_rows", "keepdims forgotten", ("keepdims",),
            edit(", keepdims=True", "")),
    Mistake("normalize_rows", "divides the input in place", ("in place",),
            code=normalize_rows_in_place),
    Mistake("normalize_rows", "squared norm (no square root)",
            ("sqrt", "square root"),
            edit("x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)",
                 "x_norm = np.sum(x ** 2, axis=1, keepdims=True)")),
    Mistake("normalize_rows", "global norm of the whole matrix", ("row",),
            edit("ord=2, axis=1, keepdims=True", "")),
    # softmax
    Mistake("softmax", "sum over columns (axis=0)", ("axis",),
            edit("axis=1", "axis=0")),
    Mistake("softmax", "sum over the whole matrix", ("row",),
            edit("np.sum(x_exp, axis=1, keepdims=True)", "np.sum(x_exp)")),
    Mistake("softmax", "divides x instead of exp(x)", ("exp",),
            edit("s = x_exp / x_sum", "s = x / x_sum")),
    Mistake("softmax", "overwrites the input in place", ("in place",),
            code=softmax_in_place),
    Mistake("softmax", "keepdims forgotten", ("keepdims",),
            edit(", keepdims=True", "")),
    # L1
    Mistake("L1", "absolute value forgotten", ("abs",),
            edit("np.abs(y - yhat)", "(y - yhat)")),
    Mistake("L1", "mean instead of sum", ("sum",),
            edit("np.sum(", "np.mean(")),
    Mistake("L1", "squares instead of absolute values", ("abs",),
            edit("np.abs(y - yhat)", "(y - yhat) ** 2")),
    Mistake("L1", "absolute value of the sum", ("abs",),
            edit("np.sum(np.abs(y - yhat))", "np.abs(np.sum(y - yhat))")),
    # L2
    Mistake("L2", "square forgotten", ("square",),
            edit(" ** 2", "")),
    Mistake("L2", "square root of the sum (a norm)",
            ("sqrt", "no square root"),
            edit("loss = np.sum((y - yhat) ** 2)",
                 "loss = np.sqrt(np.sum((y - yhat) ** 2))")),
    Mistake("L2", "y ** 2 - yhat ** 2 for (y - yhat) ** 2", ("square",),
            edit("(y - yhat) ** 2", "(y ** 2 - yhat ** 2)")),
    Mistake("L2", "mean instead of sum", ("sum",),
            edit("np.sum(", "np.mean(")),
]
