"""The one-hidden-layer reference against hand values and the catalogue."""
import math
import re

import numpy as np
import pytest

from autograder.data.planar_utils import load_planar_dataset
from autograder.reference import c1w3_planar_classification as nn
from tests.numerics import numerical_gradient

#: The catalogue's costs of nn_model(X, Y, 4, 10000) on the flower.
CATALOGUE_COSTS = {0: 0.693048, 1000: 0.288083, 2000: 0.254385,
                   3000: 0.233864, 4000: 0.226792, 5000: 0.222644,
                   6000: 0.219731, 7000: 0.217504, 8000: 0.219471,
                   9000: 0.218612}


@pytest.fixture(scope="module")
def flower():
    return load_planar_dataset()


@pytest.fixture(scope="module")
def trained(flower):
    """The catalogue's run: parameters and the printed costs."""
    import contextlib
    import io

    X, Y = flower
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        parameters = nn.nn_model(X, Y, n_h=4, num_iterations=10000,
                                 print_cost=True)
    costs = {int(i): float(c) for i, c in re.findall(
        r"Cost after iteration (\d+): ([0-9.]+)", printed.getvalue())}
    return parameters, costs


def _problem(seed=0, n_x=3, n_h=4, m=5):
    generator = np.random.default_rng(seed)
    parameters = {"W1": generator.standard_normal((n_h, n_x)),
                  "b1": generator.standard_normal((n_h, 1)),
                  "W2": generator.standard_normal((1, n_h)),
                  "b2": generator.standard_normal((1, 1))}
    X = generator.standard_normal((n_x, m))
    Y = (generator.random((1, m)) > 0.5).astype(float)
    return parameters, X, Y


def test_layer_sizes_of_the_flower_are_2_4_1(flower):
    """Are the flower's layer sizes (2, 4, 1), as ints in a tuple?"""
    sizes = nn.layer_sizes(*flower)
    assert sizes == (2, 4, 1) and isinstance(sizes, tuple)


def test_initialize_parameters_matches_the_catalogue():
    """Does initialize_parameters(2, 4, 1) give the catalogue's weights?"""
    parameters = nn.initialize_parameters(2, 4, 1)
    np.testing.assert_allclose(parameters["W1"], [
        [-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
        [-0.01793436, -0.00841747], [0.00502881, -0.01245288]], atol=1e-8)
    np.testing.assert_allclose(parameters["W2"], [
        [-0.01057952, -0.00909008, 0.00551454, 0.02292208]], atol=1e-8)
    assert np.array_equal(parameters["b1"], np.zeros((4, 1)))
    assert np.array_equal(parameters["b2"], np.zeros((1, 1)))


def test_initialize_parameters_ignores_the_global_state():
    """Does the seed inside make two calls identical whatever came before?"""
    first = nn.initialize_parameters(3, 5, 2)
    np.random.seed(123)
    np.random.randn(7)
    second = nn.initialize_parameters(3, 5, 2)
    for key in first:
        assert np.array_equal(first[key], second[key])


def test_forward_with_zero_weights_outputs_sigmoid_of_b2():
    """With W1 = W2 = 0, is A1 = tanh(b1) and A2 = sigmoid(b2) for all x?"""
    parameters = {"W1": np.zeros((2, 3)), "b1": np.array([[0.5], [-1.0]]),
                  "W2": np.zeros((1, 2)), "b2": np.array([[2.0]])}
    X = np.arange(12.0).reshape(3, 4)
    A2, cache = nn.forward_propagation(X, parameters)
    assert set(cache) == {"Z1", "A1", "Z2", "A2"}
    np.testing.assert_allclose(cache["A1"], np.tanh([[0.5] * 4, [-1.0] * 4]))
    np.testing.assert_allclose(A2, np.full((1, 4), 1 / (1 + math.exp(-2))))
    assert A2 is cache["A2"]


def test_forward_of_one_example_by_hand():
    """Does a 1-1-1 network compute sigmoid(w2 tanh(w1 x + b1) + b2)?"""
    parameters = {"W1": np.array([[2.0]]), "b1": np.array([[-1.0]]),
                  "W2": np.array([[3.0]]), "b2": np.array([[0.5]])}
    A2, _ = nn.forward_propagation(np.array([[1.5]]), parameters)
    expected = 1 / (1 + math.exp(-(3 * math.tanh(2 * 1.5 - 1) + 0.5)))
    assert A2.shape == (1, 1) and A2[0, 0] == pytest.approx(expected)


def test_compute_cost_of_one_half_is_ln_2():
    """Is the cost ln 2 when every probability is 0.5, as a Python float?"""
    cost = nn.compute_cost(np.full((1, 6), 0.5),
                           np.array([[0, 1, 1, 0, 1, 0]]), None)
    assert type(cost) is float
    assert cost == pytest.approx(math.log(2), abs=1e-15)


def test_compute_cost_by_hand():
    """Is J = -(ln 0.8 + ln 0.9 + ln 0.6) / 3 for this small case?"""
    A2 = np.array([[0.8, 0.1, 0.4]])
    Y = np.array([[1.0, 0.0, 0.0]])
    expected = -(math.log(0.8) + math.log(0.9) + math.log(0.6)) / 3
    assert nn.compute_cost(A2, Y, {}) == pytest.approx(expected, rel=1e-12)


def _cost_of(parameters, X, Y):
    A2, _ = nn.forward_propagation(X, parameters)
    return nn.compute_cost(A2, Y, parameters)


@pytest.mark.parametrize("seed, n_x, n_h, m", [(0, 3, 4, 5), (1, 2, 1, 1),
                                               (2, 4, 3, 7)])
def test_backward_matches_finite_differences(seed, n_x, n_h, m):
    """Do the gradients equal two-sided finite differences of the cost?"""
    parameters, X, Y = _problem(seed, n_x, n_h, m)
    _, cache = nn.forward_propagation(X, parameters)
    grads = nn.backward_propagation(parameters, cache, X, Y)
    for key, value in parameters.items():
        numeric = numerical_gradient(
            lambda: _cost_of(parameters, X, Y), value)
        assert grads["d" + key].shape == value.shape
        np.testing.assert_allclose(grads["d" + key], numeric, rtol=1e-6,
                                   atol=1e-9, err_msg=f"d{key}")


def test_backward_of_a_constant_network_has_zero_weight_gradients():
    """With W1 = W2 = 0, are dW1, db1 and dW2 zero and db2 = mean(A2 - Y)?

    This is the symmetry problem: from all-zero weights, tanh hidden units
    get no gradient at all.
    """
    parameters = {"W1": np.zeros((3, 2)), "b1": np.zeros((3, 1)),
                  "W2": np.zeros((1, 3)), "b2": np.zeros((1, 1))}
    X = np.array([[1.0, -2.0, 0.5, 3.0], [2.0, 0.5, -1.5, 1.0]])
    Y = np.array([[1.0, 1.0, 1.0, 0.0]])
    _, cache = nn.forward_propagation(X, parameters)
    grads = nn.backward_propagation(parameters, cache, X, Y)
    for key in ("dW1", "db1", "dW2"):
        assert not grads[key].any(), key
    np.testing.assert_allclose(grads["db2"], [[0.5 - 0.75]])


def test_update_parameters_by_hand():
    """Is every parameter p - 1.2 dp by default, and p - 0.5 dp on request?"""
    parameters = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[0.5]]),
                  "W2": np.array([[-1.0]]), "b2": np.array([[0.0]])}
    grads = {"dW1": np.array([[0.5, -1.0]]), "db1": np.array([[1.0]]),
             "dW2": np.array([[2.0]]), "db2": np.array([[-0.25]])}
    default = nn.update_parameters(parameters, grads)
    np.testing.assert_allclose(default["W1"], [[0.4, 3.2]])
    np.testing.assert_allclose(default["b1"], [[-0.7]])
    np.testing.assert_allclose(default["W2"], [[-3.4]])
    np.testing.assert_allclose(default["b2"], [[0.3]])
    half = nn.update_parameters(parameters, grads, learning_rate=0.5)
    np.testing.assert_allclose(half["W1"], [[0.75, 2.5]])
    assert parameters["W1"].tolist() == [[1.0, 2.0]]


def test_predict_is_boolean_and_strict():
    """Are predictions booleans (1, m), False where A2 is exactly 0.5?"""
    parameters, X, _ = _problem(3, 2, 3, 6)
    predictions = nn.predict(parameters, X)
    A2, _ = nn.forward_propagation(X, parameters)
    assert predictions.dtype == bool and predictions.shape == (1, 6)
    assert np.array_equal(predictions, A2 > 0.5)
    parameters["W2"][:] = 0
    parameters["b2"][:] = 0
    assert not nn.predict(parameters, X).any()


def test_flower_costs_0_to_7000_match_the_catalogue(trained):
    """Are the printed costs at iterations 0-7000 the catalogue's (1e-6)?"""
    _, costs = trained
    assert sorted(costs) == list(range(0, 10000, 1000))
    for iteration in range(0, 8000, 1000):
        assert costs[iteration] == pytest.approx(
            CATALOGUE_COSTS[iteration], abs=1e-6), iteration


def test_flower_costs_8000_and_9000_within_1e_4(trained):
    """Late in training (catalogue errata 33), are the costs within 1e-4?

    The cost rises between 7000 and 8000 in the catalogue, and here too.
    """
    _, costs = trained
    for iteration in (8000, 9000):
        assert costs[iteration] == pytest.approx(
            CATALOGUE_COSTS[iteration], abs=1e-4), iteration
    assert costs[8000] > costs[7000]


def test_flower_accuracy_is_90_75_percent(flower, trained):
    """Does the trained 4-unit network classify 363 of 400 points right?"""
    X, Y = flower
    parameters, _ = trained
    predictions = nn.predict(parameters, X)
    Y = Y.astype(float)
    correct = (np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T))
    assert correct.item() == 363
    assert 100 * correct.item() / Y.size == pytest.approx(90.75)
