"""Reference of ``c1w4_deep_nn_application``: the two training loops."""
import math

import numpy as np

from autograder.helpers import dnn_app_utils as app
from autograder.reference import c1w4_deep_nn_application as ref


def _problem(seed=0, n_x=6, m=20):
    """Inputs in [0, 1] and labels from a linear rule, so they can be fit."""
    generator = np.random.default_rng(seed)
    X = generator.uniform(0.0, 1.0, (n_x, m))
    Y = (generator.standard_normal((1, n_x)) @ (X - 0.5) > 0).astype(float)
    return X, Y


def test_two_layer_model_starts_near_ln2():
    """With weights of size 0.01, is the first cost about ln 2?"""
    X, Y = _problem()
    _, costs = ref.two_layer_model(X, Y, (6, 4, 1), num_iterations=1)
    assert len(costs) == 1
    assert abs(costs[0] - math.log(2)) < 1e-3


def test_zero_iterations_return_the_initialization():
    """Do 0 iterations return the given initializations and no cost?"""
    X, Y = _problem()
    parameters, costs = ref.two_layer_model(X, Y, (6, 4, 1),
                                            num_iterations=0)
    expected = app.initialize_parameters(6, 4, 1)
    assert costs == []
    for key in expected:
        np.testing.assert_array_equal(parameters[key], expected[key])
    parameters, costs = ref.L_layer_model(X, Y, [6, 4, 3, 1],
                                          num_iterations=0)
    expected = app.initialize_parameters_deep([6, 4, 3, 1])
    assert costs == [] and sorted(parameters) == sorted(expected)
    for key in expected:
        np.testing.assert_array_equal(parameters[key], expected[key])


def test_costs_are_recorded_every_100_iterations_and_fall():
    """Are there ceil(n / 100) costs, falling on a learnable problem?"""
    X, Y = _problem(1)
    for model, dims in ((ref.two_layer_model, (6, 5, 1)),
                        (ref.L_layer_model, [6, 5, 3, 1])):
        _, costs = model(X, Y, dims, learning_rate=0.5, num_iterations=301)
        assert len(costs) == 4
        assert costs[-1] < costs[0]


def test_printed_costs_match_the_recorded_ones(capsys):
    """Does print_cost print 'Cost after iteration i: cost' per record?"""
    X, Y = _problem(2)
    _, costs = ref.L_layer_model(X, Y, [6, 3, 1], learning_rate=0.3,
                                 num_iterations=201, print_cost=True)
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Cost after iteration 0", "Cost after iteration 100",
        "Cost after iteration 200"]
    assert [float(line.split(": ")[1]) for line in lines] == [
        float(cost) for cost in costs]


def test_two_layer_model_is_an_L_layer_net_with_the_small_start():
    """Does the 2-layer loop equal L_model_forward/backward from
    initialize_parameters, iteration for iteration?"""
    X, Y = _problem(3)
    parameters, costs = ref.two_layer_model(X, Y, (6, 4, 1),
                                            learning_rate=0.2,
                                            num_iterations=150)
    other = app.initialize_parameters(6, 4, 1)
    other_costs = []
    for i in range(150):
        AL, caches = app.L_model_forward(X, other)
        if i % 100 == 0:
            other_costs.append(app.compute_cost(AL, Y))
        other = app.update_parameters(
            other, app.L_model_backward(AL, Y, caches), 0.2)
    np.testing.assert_allclose(costs, other_costs, rtol=1e-12)
    for key in parameters:
        np.testing.assert_allclose(parameters[key], other[key], rtol=1e-9)


def test_predict_thresholds_strictly_and_prints_the_accuracy(capsys):
    """Does predict give 1 only above 0.5 and print the share correct?"""
    parameters = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    X = np.array([[-1.0, 0.0, 2.0]])      # probabilities < 0.5, 0.5, > 0.5
    p = app.predict(X, np.array([[0.0, 1.0, 1.0]]), parameters)
    np.testing.assert_array_equal(p, [[0.0, 0.0, 1.0]])
    assert capsys.readouterr().out.strip() == "Accuracy: " + str(2 / 3)
