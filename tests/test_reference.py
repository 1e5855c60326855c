"""Unit tests of the reference solutions against hand-computed values."""
import math

import numpy as np
import pytest

from autograder.reference import c1w2_logistic_regression as lr
from autograder.reference import c1w2_numpy_basics as basics
from tests.numerics import numerical_gradient


def test_sigmoid_matches_the_catalogue():
    """Does sigmoid([1, 2, 3]) give the catalogue's values?"""
    np.testing.assert_allclose(basics.sigmoid(np.array([1, 2, 3])),
                               [0.73105858, 0.88079708, 0.95257413],
                               atol=1e-8)


def test_sigmoid_of_zero_is_one_half():
    """Is sigmoid(0) exactly 0.5 (hand value)?"""
    assert basics.sigmoid(0.0) == 0.5


def test_sigmoid_derivative_matches_the_catalogue():
    """Does sigmoid_derivative([1, 2, 3]) give the catalogue's values?"""
    np.testing.assert_allclose(
        basics.sigmoid_derivative(np.array([1.0, 2.0, 3.0])),
        [0.19661193, 0.10499359, 0.04517666], atol=1e-8)


def test_sigmoid_derivative_peaks_at_a_quarter():
    """Is the derivative 0.25 at 0, its maximum?"""
    assert basics.sigmoid_derivative(np.array([0.0]))[0] == 0.25


def test_image2vector_keeps_row_major_order():
    """Does a (2, 2, 2) image unroll to a (8, 1) column in C order?"""
    image = np.arange(8).reshape(2, 2, 2)
    np.testing.assert_array_equal(basics.image2vector(image),
                                  np.arange(8).reshape(8, 1))


def test_normalize_rows_matches_the_catalogue():
    """Does normalize_rows give the catalogue's values?"""
    x = np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]])
    np.testing.assert_allclose(
        basics.normalize_rows(x),
        [[0, 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]], atol=1e-8)
    np.testing.assert_array_equal(x, [[0, 3, 4], [1, 6, 4]])


def test_softmax_matches_the_catalogue():
    """Does the row softmax give the catalogue's values, rows summing to 1?"""
    s = basics.softmax(np.array([[9.0, 2, 5, 0, 0], [7.0, 5, 0, 0, 0]]))
    np.testing.assert_allclose(
        s[0], [9.80897665e-01, 8.94462891e-04, 1.79657674e-02,
               1.21052389e-04, 1.21052389e-04], rtol=1e-7)
    np.testing.assert_allclose(
        s[1], [8.78679856e-01, 1.18916387e-01, 8.01252314e-04,
               8.01252314e-04, 8.01252314e-04], rtol=1e-7)
    np.testing.assert_allclose(s.sum(axis=1), [1.0, 1.0])


def test_losses_match_the_catalogue():
    """Are L1 = 1.1 and L2 = 0.43 on the catalogue's vectors?"""
    yhat = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
    assert basics.L1(yhat, y) == pytest.approx(1.1)
    assert basics.L2(yhat, y) == pytest.approx(0.43)


def test_initialize_with_zeros_shapes_and_types():
    """Is w a (dim, 1) float zero column and b the int 0?"""
    w, b = lr.initialize_with_zeros(3)
    assert w.shape == (3, 1) and w.dtype == float and not w.any()
    assert b == 0 and isinstance(b, int)


def test_propagate_by_hand():
    """Does propagate match a cost and gradients worked out by hand?

    With w = 0 and b = 0 every probability is 1/2, so the cost is ln 2,
    dw = X (1/2 - Y)^T / m and db = 1/2 - mean(Y).
    """
    X = np.array([[1.0, 2.0], [3.0, -1.0]])
    Y = np.array([[1.0, 0.0]])
    grads, cost = lr.propagate(np.zeros((2, 1)), 0.0, X, Y)
    assert cost == pytest.approx(math.log(2))
    np.testing.assert_allclose(grads["dw"], [[(-0.5 + 1.0) / 2],
                                             [(-1.5 - 0.5) / 2]])
    assert grads["db"] == pytest.approx(0.0)
    assert np.ndim(cost) == 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_propagate_gradients_match_finite_differences(seed):
    """Do dw and db agree with centred finite differences of the cost?"""
    rng = np.random.default_rng(seed)
    n_x, m = 4, 6
    w = rng.standard_normal((n_x, 1))
    b = float(rng.standard_normal())
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    grads, _ = lr.propagate(w, b, X, Y)
    b_array = np.array(b)

    def cost():
        return float(lr.propagate(w, float(b_array), X, Y)[1])

    numeric_dw = numerical_gradient(cost, w)
    numeric_db = numerical_gradient(cost, b_array)
    np.testing.assert_allclose(grads["dw"], numeric_dw, rtol=1e-6,
                               atol=1e-9)
    assert grads["db"] == pytest.approx(numeric_db, rel=1e-6)


def test_optimize_records_cost_every_hundred_before_update(capsys):
    """Does optimize keep ceil(n/100) costs, the first being ln 2?"""
    X = np.array([[1.0, -1.0, 2.0]])
    Y = np.array([[1.0, 0.0, 1.0]])
    w = np.zeros((1, 1))
    params, _, costs = lr.optimize(w, 0, X, Y, 201, 0.1, print_cost=True)
    assert len(costs) == 3
    assert costs[0] == pytest.approx(math.log(2))
    assert costs[0] > costs[1] > costs[2]
    assert not w.any()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Cost after iteration 0: 0.693147"
    assert len(lines) == 3 and params["w"][0, 0] > 0


def test_predict_is_strict_at_one_half():
    """Does a probability of exactly 0.5 predict 0?"""
    X = np.array([[1.0, -1.0]])
    np.testing.assert_array_equal(lr.predict(np.zeros((1, 1)), 0.0, X),
                                  [[0.0, 0.0]])
    np.testing.assert_array_equal(lr.predict(np.array([1.0]), 0.0, X),
                                  [[1.0, 0.0]])


def test_first_db_is_one_half_minus_mean_label():
    """Is the first db equal to 0.5 - mean(y), as the catalogue derives?"""
    rng = np.random.default_rng(3)
    X = rng.standard_normal((5, 9))
    Y = (rng.random((1, 9)) > 0.3).astype(float)
    grads, _ = lr.propagate(np.zeros((5, 1)), 0, X, Y)
    assert grads["db"] == pytest.approx(0.5 - Y.mean())


def test_model_returns_every_key_and_prints_accuracies(capsys):
    """Does model return the catalogue's keys and print two accuracies?"""
    X = np.array([[1.0, 2.0, -1.0, -2.0]])
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])
    d = lr.model(X, Y, X, Y, num_iterations=50, learning_rate=0.1)
    assert set(d) == {"costs", "Y_prediction_test", "Y_prediction_train",
                      "w", "b", "learning_rate", "num_iterations"}
    out = capsys.readouterr().out
    assert out == "train accuracy: 100.0 %\ntest accuracy: 100.0 %\n"
