"""Reference of ``c2w2_optimization_methods``: hand values, the catalogue."""
import inspect

import nbformat
import numpy as np
import pytest

from autograder import ROOT
from autograder.data import moons_dataset
from autograder.helpers import course_data, opt_utils
from autograder.reference import c2w2_optimization_methods as ref
from tests.numerics import numerical_gradient

SLUG = "c2w2_optimization_methods"


def _two_layers():
    parameters = {"W1": np.array([[1.0, 2.0], [3.0, 4.0]]),
                  "b1": np.array([[0.5], [-0.5]]),
                  "W2": np.array([[1.0, -1.0]]), "b2": np.array([[2.0]])}
    grads = {"dW1": np.array([[0.5, -1.0], [0.0, 2.0]]),
             "db1": np.array([[1.0], [-1.0]]),
             "dW2": np.array([[4.0, 0.0]]), "db2": np.array([[-2.0]])}
    return parameters, grads


def test_gradient_descent_step_by_hand():
    """Does one step with rate 0.1 give the hand-computed parameters?"""
    parameters, grads = _two_layers()
    out = ref.update_parameters_with_gd(parameters, grads, 0.1)
    np.testing.assert_allclose(out["W1"], [[0.95, 2.1], [3.0, 3.8]])
    np.testing.assert_allclose(out["b1"], [[0.4], [-0.4]])
    np.testing.assert_allclose(out["W2"], [[0.6, -1.0]])
    np.testing.assert_allclose(out["b2"], [[2.2]])


def test_gradient_descent_on_a_quadratic_matches_the_closed_form():
    """Does GD on (w - 5)^2 with rate 0.01 reach 5 (1 - 0.98^1000)?"""
    parameters = {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1))}
    for _ in range(1000):
        grads = {"dW1": 2 * (parameters["W1"] - 5), "db1": np.zeros((1, 1))}
        parameters = ref.update_parameters_with_gd(parameters, grads, 0.01)
    assert parameters["W1"][0, 0] == pytest.approx(5 * (1 - 0.98 ** 1000),
                                                   rel=1e-12)
    assert parameters["W1"][0, 0] == pytest.approx(4.99999999, abs=1e-8)


@pytest.mark.parametrize("m, size, full, last", [
    (300, 64, 4, 44), (1080, 32, 33, 24), (209, 64, 3, 17), (128, 64, 2, 0)])
def test_mini_batch_counts_match_the_catalogue(m, size, full, last):
    """Are there m // size full batches plus one of m % size (if any)?"""
    X = np.zeros((2, m))
    Y = np.zeros((1, m))
    sizes = [b[0].shape[1] for b in ref.random_mini_batches(X, Y, size, 1)]
    assert sizes == [size] * full + ([last] if last else [])


def test_mini_batches_keep_examples_and_labels_together():
    """Is every column used once, with its own label, in seeded order?"""
    m = 150
    X = np.vstack([np.arange(m), -np.arange(m)]).astype(float)
    Y = np.arange(m).reshape(1, m) * 10.0
    batches = ref.random_mini_batches(X, Y, 64, seed=7)
    all_X = np.hstack([b[0] for b in batches])
    all_Y = np.hstack([b[1] for b in batches])
    np.random.seed(7)
    np.testing.assert_array_equal(all_X[0], np.random.permutation(m))
    np.testing.assert_array_equal(all_X[1], -all_X[0])
    np.testing.assert_array_equal(all_Y[0], 10 * all_X[0])


def test_mini_batches_shuffle_one_hot_labels_by_column():
    """Does a (C, m) one-hot Y keep its C rows and follow X's columns?"""
    X = np.arange(10.0).reshape(1, 10)
    Y = np.eye(3)[:, np.arange(10) % 3]
    for batch_X, batch_Y in ref.random_mini_batches(X, Y, 4, seed=0):
        assert batch_Y.shape == (3, batch_X.shape[1])
        np.testing.assert_array_equal(np.argmax(batch_Y, axis=0),
                                      batch_X[0].astype(int) % 3)


def test_initial_states_are_zeros_shaped_like_the_parameters():
    """Are the velocity and both Adam averages zeros of the right shapes?"""
    parameters, _ = _two_layers()
    v = ref.initialize_velocity(parameters)
    adam_v, adam_s = ref.initialize_adam(parameters)
    for state in (v, adam_v, adam_s):
        assert sorted(state) == ["dW1", "dW2", "db1", "db2"]
        for key, value in state.items():
            assert value.shape == parameters[key[1:]].shape
            assert not value.any()
    assert adam_v is not adam_s


def test_momentum_step_by_hand():
    """From v = 0 with beta 0.9: is v = 0.1 dW and W - rate * v the step?"""
    parameters, grads = _two_layers()
    v = ref.initialize_velocity(parameters)
    parameters, v = ref.update_parameters_with_momentum(parameters, grads, v,
                                                        0.9, 1.0)
    np.testing.assert_allclose(v["dW1"], [[0.05, -0.1], [0.0, 0.2]])
    np.testing.assert_allclose(parameters["W1"], [[0.95, 2.1], [3.0, 3.8]])
    np.testing.assert_allclose(parameters["b2"], [[2.2]])
    # A second identical gradient: v = 0.9 * 0.1 g + 0.1 g = 0.19 g.
    parameters, v = ref.update_parameters_with_momentum(parameters, grads, v,
                                                        0.9, 1.0)
    np.testing.assert_allclose(v["db2"], [[-0.38]])


def test_adam_first_step_by_hand():
    """At t = 1 from zeros, is the step rate * g / (|g| + eps)?"""
    parameters, grads = _two_layers()
    v, s = ref.initialize_adam(parameters)
    before = {k: a.copy() for k, a in parameters.items()}
    parameters, v, s = ref.update_parameters_with_adam(parameters, grads, v,
                                                       s, 1, 0.1)
    for key, g in grads.items():
        expected = before[key[1:]] - 0.1 * g / (np.abs(g) + 1e-8)
        np.testing.assert_allclose(parameters[key[1:]], expected, rtol=1e-12)
        # v and s keep the *uncorrected* averages.
        np.testing.assert_allclose(v[key], 0.1 * g, rtol=1e-12)
        np.testing.assert_allclose(s[key], 0.001 * g ** 2, rtol=1e-12)


def test_adam_adds_epsilon_outside_the_square_root():
    """With a tiny gradient, is the step g / (sqrt(g^2) + eps), not inside?"""
    parameters = {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1))}
    grads = {"dW1": np.full((1, 1), 1e-4), "db1": np.zeros((1, 1))}
    v, s = ref.initialize_adam(parameters)
    parameters, _, _ = ref.update_parameters_with_adam(
        parameters, grads, v, s, 1, learning_rate=1.0, epsilon=1e-4)
    assert parameters["W1"][0, 0] == pytest.approx(-0.5, rel=1e-12)
    inside = -1e-4 / np.sqrt(1e-8 + 1e-4)
    assert parameters["W1"][0, 0] != pytest.approx(inside, rel=1e-3)
    assert parameters["b1"][0, 0] == 0.0


def test_adam_bias_correction_at_step_three():
    """After three equal gradients, are the corrected averages g and g^2?"""
    parameters = {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1))}
    grads = {"dW1": np.full((1, 1), 3.0), "db1": np.full((1, 1), -2.0)}
    v, s = ref.initialize_adam(parameters)
    for t in (1, 2, 3):
        parameters, v, s = ref.update_parameters_with_adam(
            parameters, grads, v, s, t, learning_rate=0.5, epsilon=0.0)
    # Every step is exactly -0.5 * sign(g) once the bias is corrected.
    assert parameters["W1"][0, 0] == pytest.approx(-1.5, rel=1e-12)
    assert parameters["b1"][0, 0] == pytest.approx(1.5, rel=1e-12)
    assert v["dW1"][0, 0] == pytest.approx(3.0 * (1 - 0.9 ** 3))


def test_opt_utils_loads_the_repository_moons():
    """Does the helper's loader give the data package's moons, checked?"""
    X, Y = opt_utils.load_dataset()
    X_ref, Y_ref = moons_dataset()
    np.testing.assert_array_equal(X, X_ref)
    np.testing.assert_array_equal(Y, Y_ref)


def test_opt_utils_refuses_a_changed_moons_file(tmp_path):
    """Does a file with one moved point raise DatasetError, naming the
    file and the array?"""
    arrays = opt_utils.moons_arrays()
    arrays["X"][0, 0] += 1e-9
    course_data.write_h5(tmp_path / "moons.h5", arrays)
    with pytest.raises(course_data.DatasetError,
                       match=r"moons\.h5: checksum mismatch for array 'X'"):
        opt_utils.load_dataset(tmp_path)


def test_opt_utils_backward_matches_finite_differences():
    """Are the helper network's gradients those of the average cost?"""
    generator = np.random.default_rng(0)
    X = generator.standard_normal((2, 7))
    Y = (generator.random((1, 7)) > 0.5).astype(float)
    parameters = opt_utils.initialize_parameters([2, 5, 2, 1])
    for key in parameters:  # non-zero biases, away from ReLU kinks
        parameters[key] = parameters[key] + 0.1
    AL, cache = opt_utils.forward_propagation(X, parameters)
    grads = opt_utils.backward_propagation(X, Y, cache)

    def cost(params):
        return opt_utils.compute_cost(
            opt_utils.forward_propagation(X, params)[0], Y) / X.shape[1]

    for key, value in parameters.items():
        numeric = numerical_gradient(lambda: cost(parameters), value)
        np.testing.assert_allclose(grads["d" + key], numeric, atol=1e-7)


def test_notebook_gives_the_reference_model():
    """Is the notebook's given `model` cell the reference's source?"""
    notebook = nbformat.read(ROOT / "solutions" / SLUG / f"{SLUG}.ipynb", 4)
    sources = [cell.source for cell in notebook.cells
               if cell.cell_type == "code"]
    assert inspect.getsource(ref.model).strip() in sources


@pytest.mark.slow
def test_moons_accuracies_and_costs_match_the_catalogue(capsys):
    """Do 10000 epochs give 0.79667 / 0.79667 / 0.94 and the catalogue costs?

    The catalogue's exact model: [2, 5, 2, 1], rate 0.0007, batches of 64,
    seeds 11, 12, ... per epoch, He initialization after seed 3. About 15 s.
    """
    X, Y = opt_utils.load_dataset()
    expected = {  # optimizer: (correct of 300, costs at epochs 0, 1000,
                  # 2000 and 9000)
        "gd": (239, [0.702405, 0.668101, 0.635288, 0.468014]),
        "momentum": (239, [0.702413, 0.668167, 0.635388, 0.468160]),
        "adam": (282, [0.702166, 0.167845, 0.141316, 0.129118]),
    }
    for optimizer, (correct, costs) in expected.items():
        parameters, recorded = ref.model(X, Y, [2, 5, 2, 1], optimizer,
                                         print_cost=False)
        predictions = opt_utils.predict(X, Y, parameters)
        assert int(np.sum(predictions == Y)) == correct, optimizer
        np.testing.assert_allclose(
            [recorded[0], recorded[10], recorded[20], recorded[90]], costs,
            atol=1e-6, err_msg=optimizer)
    printed = capsys.readouterr().out
    assert printed.count("Accuracy: 0.7966666666666666") == 2
    assert "Accuracy: 0.94" in printed
