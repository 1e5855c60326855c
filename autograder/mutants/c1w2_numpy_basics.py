"""Mutants and correct alternatives for ``c1w2_numpy_basics``."""
import math

import numpy as np

from autograder.reference.c1w2_numpy_basics import sigmoid
from autograder.spec import Mutant

# --- sigmoid ---------------------------------------------------------------

def sigmoid_math_exp(x):
    return 1 / (1 + math.exp(-x))


def sigmoid_sign_flipped(x):
    return 1 / (1 + np.exp(x))


def sigmoid_minus_in_denominator(x):
    return 1 / (1 - np.exp(-x))


def sigmoid_tanh(x):
    return 0.5 * (1 + np.tanh(x / 2))


# --- sigmoid_derivative ----------------------------------------------------

def derivative_of_x(x):
    return x * (1 - x)


def derivative_is_sigmoid(x):
    return sigmoid(x)


def derivative_plus(x):
    s = sigmoid(x)
    return s * (1 + s)


def derivative_from_exp(x):
    return np.exp(-x) / (1 + np.exp(-x)) ** 2


# --- image2vector ----------------------------------------------------------

def image_rank1(image):
    return image.reshape(-1)


def image_row(image):
    return image.reshape(1, -1)


def image_channels_first(image):
    return image.transpose(2, 0, 1).reshape(-1, 1)


def image_flatten_column(image):
    return image.flatten()[:, np.newaxis]


# --- normalize_rows --------------------------------------------------------

def rows_axis0(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)


def rows_squared_norm(x):
    return x / np.sum(x ** 2, axis=1, keepdims=True)


def rows_in_place(x):
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def rows_no_keepdims(x):
    return x / np.linalg.norm(x, axis=1)


def rows_loop(x):
    result = np.empty_like(x, dtype=float)
    for i in range(x.shape[0]):
        result[i] = x[i] / math.sqrt(sum(v * v for v in x[i]))
    return result


# --- softmax ---------------------------------------------------------------

def softmax_axis0(x):
    return np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True)


def softmax_total(x):
    return np.exp(x) / np.sum(np.exp(x))


def softmax_no_exp(x):
    return x / np.sum(x, axis=1, keepdims=True)


def softmax_stable(x):
    shifted = np.exp(x - np.max(x, axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


# --- L1 and L2 -------------------------------------------------------------

def l1_no_abs(yhat, y):
    return np.sum(y - yhat)


def l1_mean(yhat, y):
    return np.mean(np.abs(y - yhat))


def l1_no_sum(yhat, y):
    return np.abs(y - yhat)


def l1_loop(yhat, y):
    return sum(abs(a - b) for a, b in zip(yhat, y))


def l2_square_of_sum(yhat, y):
    return np.sum(y - yhat) ** 2


def l2_norm(yhat, y):
    return np.sqrt(np.sum((y - yhat) ** 2))


def l2_mean(yhat, y):
    return np.mean((y - yhat) ** 2)


def l2_dot(yhat, y):
    return np.dot(y - yhat, y - yhat)


# --- further learner mistakes (precedence, formula pieces) -------------------

def sigmoid_no_parentheses(x):
    return 1 / 1 + np.exp(-x)


def sigmoid_tanh_instead(x):
    return np.tanh(x)


def rows_global_norm(x):
    return x / np.linalg.norm(x)


def softmax_divides_x(x):
    return x / np.sum(np.exp(x), axis=1, keepdims=True)


def l1_squares(yhat, y):
    return np.sum((y - yhat) ** 2)


def l2_no_square(yhat, y):
    return np.sum(y - yhat)


def l2_difference_of_squares(yhat, y):
    return np.sum(y ** 2 - yhat ** 2)


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("L2", "square of the sum")

MUTANTS = {
    "sigmoid": [
        Mutant("math.exp instead of np.exp", sigmoid_math_exp,
               "math.exp only takes single numbers; use np.exp, which "
               "works element by element on arrays"),
        Mutant("exp(x) instead of exp(-x)", sigmoid_sign_flipped,
               "check the sign of the exponent: sigmoid(x) = 1 / (1 + "
               "exp(-x))"),
        Mutant("1 - exp(-x) in the denominator",
               sigmoid_minus_in_denominator,
               "the denominator is 1 + exp(-x), not 1 - exp(-x)"),
        Mutant("1 / 1 + exp(-x)", sigmoid_no_parentheses,
               "/ binds tighter than +: 1 / 1 + np.exp(-x) is 1 + "
               "np.exp(-x); put the denominator in parentheses"),
        Mutant("tanh", sigmoid_tanh_instead,
               "np.tanh is another S-shaped function, between -1 and 1; "
               "the sigmoid lies between 0 and 1: 1 / (1 + exp(-x))"),
    ],
    "sigmoid_derivative": [
        Mutant("formula applied to x", derivative_of_x,
               "apply s * (1 - s) to s = sigmoid(x), not to x itself"),
        Mutant("returns the sigmoid", derivative_is_sigmoid,
               "you returned sigmoid(x); the derivative is s * (1 - s)"),
        Mutant("s * (1 + s)", derivative_plus,
               "the derivative is s * (1 - s), with a minus"),
    ],
    "image2vector": [
        Mutant("rank-1 result", image_rank1),
        Mutant("a row instead of a column", image_row),
        Mutant("channels unrolled first", image_channels_first,
               "the pixels are in the wrong order: reshape the image "
               "directly, without transposing it first"),
    ],
    "normalize_rows": [
        Mutant("norm of the columns", rows_axis0,
               "you divided by the norm of each column; compute the norm "
               "of each row with axis=1"),
        Mutant("squared norm", rows_squared_norm,
               "divide by the norm, the square root of the sum of squares"),
        Mutant("modifies x in place", rows_in_place),
        Mutant("norm without keepdims", rows_no_keepdims,
               "the norms have shape (n,) and broadcast along the wrong "
               "axis; use keepdims=True to keep shape (n, 1)"),
        Mutant("norm of the whole matrix", rows_global_norm,
               "divide each row by its own norm (axis=1, keepdims=True), "
               "not by the norm of the whole matrix"),
    ],
    "softmax": [
        Mutant("sums the columns", softmax_axis0,
               "each row must sum to 1: sum over axis=1, not axis=0"),
        Mutant("divides by the total sum", softmax_total,
               "divide each row by its own sum (axis=1, keepdims=True), "
               "not by the sum of the whole matrix"),
        Mutant("forgets the exponential", softmax_no_exp,
               "take np.exp of x before normalizing"),
        Mutant("divides x, not exp(x)", softmax_divides_x,
               "divide the exponentials np.exp(x) by their row sums, not "
               "x itself"),
    ],
    "L1": [
        Mutant("no absolute value", l1_no_abs,
               "positive and negative errors cancel out: take np.abs of "
               "the differences"),
        Mutant("mean instead of sum", l1_mean,
               "the L1 loss is the sum of the absolute differences, not "
               "their mean"),
        Mutant("no sum", l1_no_sum,
               "sum the absolute differences to get a single number"),
        Mutant("squares instead of absolute values", l1_squares,
               "that is the L2 loss: L1 sums the absolute differences, "
               "np.abs"),
    ],
    "L2": [
        Mutant("square of the sum", l2_square_of_sum,
               "square each difference first, then sum"),
        Mutant("Euclidean norm", l2_norm,
               "the L2 loss here is the sum of squares, with no square "
               "root"),
        Mutant("mean instead of sum", l2_mean,
               "sum the squared differences; do not average them"),
        Mutant("no square", l2_no_square,
               "square each difference before summing, or positive and "
               "negative errors cancel out"),
        Mutant("difference of squares", l2_difference_of_squares,
               "y ** 2 - yhat ** 2 is not (y - yhat) ** 2: square the "
               "difference"),
    ],
}

ALTERNATIVES = {
    "sigmoid": [sigmoid_tanh],
    "sigmoid_derivative": [derivative_from_exp],
    "image2vector": [image_flatten_column],
    "normalize_rows": [rows_loop],
    "softmax": [softmax_stable],
    "L1": [l1_loop],
    "L2": [l2_dot],
}
