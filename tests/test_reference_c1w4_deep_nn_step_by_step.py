"""Reference of ``c1w4_deep_nn_step_by_step``: hand values and gradients."""
import math

import numpy as np
import pytest

from autograder.assignment import Assignment
from autograder.helpers import dnn_app_utils as app
from autograder.helpers import dnn_utils
from autograder.mutants import c1w4_deep_nn_step_by_step as mutants
from autograder.reference import c1w4_deep_nn_step_by_step as ref
from autograder.runner import hidden_failures
from tests.numerics import numerical_gradient

SLUG = "c1w4_deep_nn_step_by_step"


def _random_net(seed, layer_dims, m):
    """Random parameters (non-zero biases), X (n_0, m) and labels Y."""
    generator = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        parameters[f"W{l}"] = generator.standard_normal((n, n_prev))
        parameters[f"b{l}"] = generator.standard_normal((n, 1))
    X = generator.standard_normal((layer_dims[0], m))
    Y = (generator.random((1, m)) > 0.5).astype(float)
    return X, parameters, Y


def _cost(X, parameters, Y):
    return float(ref.compute_cost(ref.L_model_forward(X, parameters)[0], Y))


_numerical = numerical_gradient


# --- Initialization ----------------------------------------------------------

def test_initialize_parameters_matches_the_catalogue():
    """Does initialize_parameters(3, 2, 1) give the catalogue's weights?"""
    parameters = ref.initialize_parameters(3, 2, 1)
    np.testing.assert_allclose(
        parameters["W1"], [[0.01624345, -0.00611756, -0.00528172],
                           [-0.01072969, 0.00865408, -0.02301539]],
        atol=1e-8)
    np.testing.assert_allclose(parameters["W2"],
                               [[0.01744812, -0.00761207]], atol=1e-8)
    assert parameters["b1"].shape == (2, 1) and not parameters["b1"].any()
    assert parameters["b2"].shape == (1, 1) and not parameters["b2"].any()


def test_initialize_parameters_deep_matches_the_catalogue():
    """Does initialize_parameters_deep([5, 4, 3]) give its weights?"""
    parameters = ref.initialize_parameters_deep([5, 4, 3])
    np.testing.assert_allclose(
        parameters["W1"],
        [[0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
         [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
         [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
         [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068]],
        atol=1e-8)
    np.testing.assert_allclose(
        parameters["W2"],
        [[-0.01185047, -0.0020565, 0.01486148, 0.00236716],
         [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
         [-0.00768836, -0.00230031, 0.00745056, 0.01976111]], atol=1e-8)
    assert sorted(parameters) == ["W1", "W2", "b1", "b2"]


def test_application_deep_init_is_seed_1_over_sqrt_n():
    """Is the application's deep init randn (seed 1) / sqrt(n_{l-1})?"""
    parameters = app.initialize_parameters_deep([4, 3, 1])
    np.random.seed(1)
    W1 = np.random.randn(3, 4) / 2.0
    W2 = np.random.randn(1, 3) / math.sqrt(3)
    np.testing.assert_array_equal(parameters["W1"], W1)
    np.testing.assert_array_equal(parameters["W2"], W2)


# --- Activations (given) -----------------------------------------------------

def test_relu_backward_passes_no_gradient_at_zero():
    """Is the ReLU derivative 0 at z = 0 and dA left unchanged?"""
    Z = np.array([[-1.0, 0.0, 2.0]])
    dA = np.array([[5.0, 6.0, 7.0]])
    np.testing.assert_array_equal(dnn_utils.relu_backward(dA, Z),
                                  [[0.0, 0.0, 7.0]])
    np.testing.assert_array_equal(dA, [[5.0, 6.0, 7.0]])


def test_sigmoid_backward_at_zero_is_a_quarter_of_dA():
    """Is sigmoid_backward(dA, 0) = dA / 4 (s = 1/2)?"""
    np.testing.assert_allclose(
        dnn_utils.sigmoid_backward(np.array([[2.0]]), np.array([[0.0]])),
        [[0.5]])


# --- Forward -----------------------------------------------------------------

def test_linear_forward_by_hand():
    """Is Z = W A + b for a 1 x 2 layer worked out by hand?"""
    A = np.array([[1.0, 2.0], [3.0, -1.0]])
    W = np.array([[2.0, -1.0]])
    b = np.array([[0.5]])
    Z, cache = ref.linear_forward(A, W, b)
    np.testing.assert_allclose(Z, [[-0.5, 5.5]])
    assert cache[0] is A and cache[1] is W and cache[2] is b


def test_L_model_forward_by_hand():
    """Does a 1-unit ReLU layer then a sigmoid give the hand value?"""
    X = np.array([[1.0, -1.0]])
    parameters = {"W1": np.array([[2.0]]), "b1": np.array([[0.0]]),
                  "W2": np.array([[1.0]]), "b2": np.array([[-1.0]])}
    AL, caches = ref.L_model_forward(X, parameters)
    # ReLU: [2, 0]; output Z: [1, -1]; sigmoid: [0.7310586, 0.2689414]
    np.testing.assert_allclose(AL, [[1 / (1 + math.exp(-1)),
                                     1 / (1 + math.exp(1))]])
    assert len(caches) == 2
    np.testing.assert_array_equal(caches[0][1], [[2.0, -2.0]])
    np.testing.assert_array_equal(caches[1][0][0], [[2.0, 0.0]])


def test_compute_cost_by_hand():
    """Is the cost of AL = [0.5, 0.5] ln 2, and of [0.8, 0.4] by hand?"""
    assert ref.compute_cost(np.array([[0.5, 0.5]]),
                            np.array([[1.0, 0.0]])) == pytest.approx(
        math.log(2))
    cost = ref.compute_cost(np.array([[0.8, 0.4]]), np.array([[1.0, 0.0]]))
    assert cost == pytest.approx(-(math.log(0.8) + math.log(0.6)) / 2)
    assert np.ndim(cost) == 0


# --- Backward ----------------------------------------------------------------

def test_linear_backward_by_hand():
    """Do dA_prev, dW, db match a 1 x 2 layer worked out by hand?"""
    A_prev = np.array([[1.0, 2.0], [3.0, -1.0]])
    W = np.array([[2.0, -1.0]])
    dZ = np.array([[1.0, -1.0]])
    dA_prev, dW, db = ref.linear_backward(dZ, (A_prev, W, np.zeros((1, 1))))
    np.testing.assert_allclose(dW, [[(1 - 2) / 2, (3 + 1) / 2]])
    np.testing.assert_allclose(db, [[0.0]])
    np.testing.assert_allclose(dA_prev, [[2.0, -2.0], [-1.0, 1.0]])


@pytest.mark.parametrize("seed, layer_dims, m", [
    (0, [3, 1], 4), (1, [4, 5, 1], 3), (2, [3, 4, 3, 1], 5),
    (3, [5, 3, 2, 4, 1], 2), (4, [2, 6, 1], 1)])
def test_L_model_backward_matches_finite_differences(seed, layer_dims, m):
    """Does every dW{l}, db{l} equal the cost's central differences, and
    every dA{l} m times the derivative of the cost w.r.t. A{l}?"""
    X, parameters, Y = _random_net(seed, layer_dims, m)
    AL, caches = ref.L_model_forward(X, parameters)
    grads = ref.L_model_backward(AL, Y, caches)
    L = len(layer_dims) - 1
    assert sorted(grads) == sorted(
        [f"dA{l}" for l in range(L)] + [f"dW{l}" for l in range(1, L + 1)]
        + [f"db{l}" for l in range(1, L + 1)])
    for key, value in parameters.items():
        numeric = _numerical(lambda: _cost(X, parameters, Y), value)
        np.testing.assert_allclose(grads["d" + key], numeric, rtol=1e-5,
                                   atol=1e-8, err_msg=key)
    numeric_dX = _numerical(lambda: _cost(X, parameters, Y), X)
    np.testing.assert_allclose(grads["dA0"], m * numeric_dX, rtol=1e-5,
                               atol=1e-8)


def test_finite_differences_detect_a_wrong_gradient():
    """Would the finite-difference test catch a dAL with the wrong sign?"""
    X, parameters, Y = _random_net(5, [3, 4, 1], 4)
    AL, caches = ref.L_model_forward(X, parameters)
    wrong = mutants.L_backward_sign_flipped(AL, Y, caches)
    numeric = _numerical(lambda: _cost(X, parameters, Y), parameters["W1"])
    assert not np.allclose(wrong["dW1"], numeric, rtol=1e-5, atol=1e-8)


def test_hidden_cases_accept_a_finite_difference_backward_pass():
    """Do the hidden cases of L_model_backward pass an implementation
    that uses no chain rule at all, only central differences?"""
    assert hidden_failures(Assignment.named(SLUG), "L_model_backward",
                           mutants.L_backward_finite_differences) == []


def test_hidden_cases_reject_a_coarse_finite_difference():
    """Are the tolerances tight: does a step of 0.3 fail the hidden cases?"""
    def coarse(AL, Y, caches):
        return mutants.L_backward_finite_differences(AL, Y, caches, eps=0.3)

    assert hidden_failures(Assignment.named(SLUG), "L_model_backward", coarse)


def test_update_parameters_by_hand():
    """Is W - 0.5 dW and b - 0.5 db computed, leaving dA keys aside?"""
    parameters = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[0.5]])}
    grads = {"dW1": np.array([[2.0, -2.0]]), "db1": np.array([[1.0]]),
             "dA0": np.ones((2, 3))}
    updated = ref.update_parameters(parameters, grads, 0.5)
    np.testing.assert_allclose(updated["W1"], [[0.0, 3.0]])
    np.testing.assert_allclose(updated["b1"], [[0.0]])
    assert sorted(updated) == ["W1", "b1"]


def test_one_step_of_descent_lowers_the_cost():
    """Does a small step along the gradients lower the cost of a net?"""
    X, parameters, Y = _random_net(6, [4, 3, 2, 1], 8)
    AL, caches = ref.L_model_forward(X, parameters)
    grads = ref.L_model_backward(AL, Y, caches)
    stepped = ref.update_parameters(parameters, grads, 0.01)
    assert _cost(X, stepped, Y) < _cost(X, parameters, Y)
