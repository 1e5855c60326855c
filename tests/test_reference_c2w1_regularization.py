"""Reference solutions, helper and data of ``c2w1_regularization``.

The football data are this course's own, so the original accuracies are
targets, not values to reproduce: the training tests check behaviour
(the baseline overfits, L2 and dropout raise the test accuracy, L2
shrinks the weights).
"""
import ast
import math

import numpy as np
import pytest

from autograder.data import football
from autograder.helpers import course_data, reg_utils
from autograder.reference import c2w1_regularization as ref
from tests.numerics import numerical_gradient

KEYS = ("W1", "W2", "W3")


def _train(X, Y, lambd=0.0, keep_prob=1.0, num_iterations=30000,
           learning_rate=0.3):
    """The notebook's model, with the reference functions."""
    parameters = reg_utils.initialize_parameters([2, 20, 3, 1])
    for _ in range(num_iterations):
        if keep_prob < 1:
            A3, cache = ref.forward_propagation_with_dropout(X, parameters,
                                                             keep_prob)
            grads = ref.backward_propagation_with_dropout(X, Y, cache,
                                                          keep_prob)
        else:
            A3, cache = reg_utils.forward_propagation(X, parameters)
            grads = ref.backward_propagation_with_regularization(
                X, Y, cache, lambd)
        parameters = reg_utils.update_parameters(parameters, grads,
                                                 learning_rate)
    return parameters


def _accuracy(parameters, X, Y):
    return np.mean(reg_utils.predict_dec(parameters, X) == Y)


@pytest.fixture(scope="module")
def football_sets():
    arrays = football.football_arrays()
    return (arrays["X"].T, arrays["y"].T, arrays["Xval"].T,
            arrays["yval"].T)


@pytest.fixture(scope="module")
def trained(football_sets):
    """Baseline, L2 (lambd = 0.7) and dropout (keep_prob = 0.86) models."""
    X, Y, _, _ = football_sets
    return {"none": _train(X, Y), "l2": _train(X, Y, lambd=0.7),
            "dropout": _train(X, Y, keep_prob=0.86)}


def _small_problem():
    rng = np.random.default_rng(3)
    dims = [2, 4, 3, 1]
    parameters = {}
    for l in (1, 2, 3):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = 0.1 * rng.standard_normal((dims[l], 1))
    X = rng.standard_normal((2, 5))
    Y = np.array([[1, 0, 1, 1, 0]])
    return parameters, X, Y


def _regularized_cost(parameters, X, Y, lambd):
    A3, _ = reg_utils.forward_propagation(X, parameters)
    return ref.compute_cost_with_regularization(A3, Y, parameters, lambd)


# --- L2 ----------------------------------------------------------------------

def test_penalty_by_hand():
    """With W's of ones (sizes 4, 2, 1) and m = 2, is the penalty 7/4 lambd?"""
    parameters = {"W1": np.ones((2, 2)), "W2": np.ones((1, 2)),
                  "W3": np.ones((1, 1)), "b1": np.full((2, 1), 5.0),
                  "b2": np.full((1, 1), 5.0), "b3": np.full((1, 1), 5.0)}
    A3, Y = np.array([[0.5, 0.5]]), np.array([[1, 0]])
    cost = ref.compute_cost_with_regularization(A3, Y, parameters, 1.0)
    assert cost == pytest.approx(math.log(2) + 7 / 4)
    assert ref.compute_cost_with_regularization(
        A3, Y, parameters, 0.0) == pytest.approx(math.log(2))


def test_l2_gradients_match_finite_differences():
    """Is every dW and db the derivative of the regularized cost?"""
    parameters, X, Y = _small_problem()
    _, cache = reg_utils.forward_propagation(X, parameters)
    grads = ref.backward_propagation_with_regularization(X, Y, cache, 0.7)
    for key, value in parameters.items():
        numeric = numerical_gradient(
            lambda: _regularized_cost(parameters, X, Y, 0.7), value)
        np.testing.assert_allclose(grads["d" + key], numeric, rtol=0,
                                   atol=1e-7, err_msg=f"d{key}")


def test_l2_adds_exactly_lambd_over_m_times_W():
    """Do dW differ from plain backprop by lambd/m W, and db not at all?"""
    parameters, X, Y = _small_problem()
    _, cache = reg_utils.forward_propagation(X, parameters)
    plain = reg_utils.backward_propagation(X, Y, cache)
    grads = ref.backward_propagation_with_regularization(X, Y, cache, 0.7)
    assert list(grads) == list(plain)
    for key in plain:
        extra = 0.7 / 5 * parameters[key[1:]] if key.startswith("dW") else 0
        np.testing.assert_allclose(grads[key], plain[key] + extra)


# --- dropout -----------------------------------------------------------------

def test_dropout_masks_come_from_seed_1_in_order():
    """Are D1 then D2 the first draws of np.random.seed(1), cut at 0.7?"""
    parameters, X, _ = _small_problem()
    _, cache = ref.forward_propagation_with_dropout(X, parameters, 0.7)
    np.random.seed(1)
    D1 = (np.random.rand(4, 5) < 0.7).astype(int)
    D2 = (np.random.rand(3, 5) < 0.7).astype(int)
    np.testing.assert_array_equal(cache[1], D1)
    np.testing.assert_array_equal(cache[6], D2)
    assert 0 < D1.mean() < 1


def test_dropout_activations_are_masked_and_scaled():
    """Is A1 = relu(Z1) * D1 / keep_prob, and A3 a (1, m) probability?"""
    parameters, X, _ = _small_problem()
    A3, cache = ref.forward_propagation_with_dropout(X, parameters, 0.7)
    Z1, D1, A1 = cache[:3]
    np.testing.assert_allclose(A1, np.maximum(Z1, 0) * D1 / 0.7)
    assert A3.shape == (1, 5) and np.all((A3 > 0) & (A3 < 1))
    assert len(cache) == 14


def test_keep_prob_1_is_the_plain_forward_pass():
    """With keep_prob = 1, is the output the plain forward pass's?"""
    parameters, X, _ = _small_problem()
    A3, _ = ref.forward_propagation_with_dropout(X, parameters, 1.0)
    plain, _ = reg_utils.forward_propagation(X, parameters)
    np.testing.assert_allclose(A3, plain)


def test_inverted_dropout_keeps_the_mean_activation():
    """Over many examples, is E[A1] unchanged by inverted dropout?"""
    parameters = {"W1": np.ones((50, 1)), "b1": np.zeros((50, 1)),
                  "W2": np.ones((1, 50)), "b2": np.zeros((1, 1)),
                  "W3": np.ones((1, 1)), "b3": np.zeros((1, 1))}
    X = np.ones((1, 4000))
    _, cache = ref.forward_propagation_with_dropout(X, parameters, 0.8)
    assert cache[2].mean() == pytest.approx(1.0, abs=0.01)


def test_dropout_gradients_match_finite_differences():
    """With the masks fixed, is the backward pass the cost's derivative?"""
    parameters, X, Y = _small_problem()
    _, cache = ref.forward_propagation_with_dropout(X, parameters, 0.7)
    grads = ref.backward_propagation_with_dropout(X, Y, cache, 0.7)
    def cost():
        A3, _ = ref.forward_propagation_with_dropout(X, parameters, 0.7)
        return reg_utils.compute_cost(A3, Y)

    for key, value in parameters.items():
        np.testing.assert_allclose(grads["d" + key],
                                   numerical_gradient(cost, value), rtol=0,
                                   atol=1e-7, err_msg=f"d{key}")


# --- training on the football data: behaviour, not exact numbers -------------

def test_baseline_overfits(trained, football_sets):
    """Is the baseline's training accuracy clearly above its test accuracy?"""
    X, Y, X_test, Y_test = football_sets
    train = _accuracy(trained["none"], X, Y)
    test = _accuracy(trained["none"], X_test, Y_test)
    assert train > 0.95 and train - test > 0.02


@pytest.mark.parametrize("name", ["l2", "dropout"])
def test_regularization_raises_test_accuracy(trained, football_sets, name):
    """Do L2 and dropout each beat the baseline on the test set, by 1 point?"""
    X, Y, X_test, Y_test = football_sets
    baseline = _accuracy(trained["none"], X_test, Y_test)
    assert _accuracy(trained[name], X_test, Y_test) >= baseline + 0.01
    assert _accuracy(trained[name], X, Y) <= _accuracy(trained["none"], X, Y)


def test_l2_shrinks_every_weight_matrix(trained):
    """Is each W of the L2 model smaller (Frobenius) than the baseline's?"""
    for key in KEYS:
        assert (np.linalg.norm(trained["l2"][key])
                < 0.8 * np.linalg.norm(trained["none"][key])), key


def test_dropout_shrinks_the_weights_overall(trained):
    """Is the dropout model's total weight norm below the baseline's?"""
    def total(parameters):
        return math.sqrt(sum(np.sum(parameters[k] ** 2) for k in KEYS))
    assert total(trained["dropout"]) < total(trained["none"])


# --- the data and the helper -------------------------------------------------

def test_football_sizes_balance_and_pitch():
    """Are there 211 + 200 points on the pitch, both classes about half?"""
    arrays = football.football_arrays()
    assert arrays["X"].shape == (211, 2) and arrays["y"].shape == (211, 1)
    assert arrays["Xval"].shape == (200, 2)
    assert arrays["yval"].shape == (200, 1)
    for X, y in ((arrays["X"], arrays["y"]), (arrays["Xval"],
                                              arrays["yval"])):
        assert X[:, 0].min() >= -0.75 and X[:, 0].max() <= 0.65
        assert X[:, 1].min() >= -0.8 and X[:, 1].max() <= 0.8
        assert set(np.unique(y)) == {0, 1} and 0.4 < y.mean() < 0.6


def test_football_has_5_to_10_percent_noisy_labels():
    """Do 5-10 % of the labels disagree with the noise-free boundary?"""
    arrays = football.football_arrays()
    for X, y in ((arrays["X"], arrays["y"]), (arrays["Xval"],
                                              arrays["yval"])):
        clean = X[:, 1] > football.boundary(X[:, 0])
        assert 0.05 <= np.mean(clean != y[:, 0]) <= 0.10


def test_loader_transposes_to_one_example_per_column(tmp_path,
                                                     monkeypatch):
    """In an empty folder, does load_2D_dataset write, check and transpose?"""
    monkeypatch.chdir(tmp_path)
    train_X, train_Y, test_X, test_Y = reg_utils.load_2D_dataset()
    assert (tmp_path / "datasets" / "football.h5").is_file()
    assert [a.shape for a in (train_X, train_Y, test_X, test_Y)] == [
        (2, 211), (1, 211), (2, 200), (1, 200)]
    np.testing.assert_array_equal(train_X,
                                  football.football_arrays()["X"].T)


def test_loader_rejects_a_changed_file(tmp_path):
    """Does one changed label fail the checksum, naming the file?"""
    arrays = football.football_arrays()
    arrays["y"][0] = 1 - arrays["y"][0]
    course_data.write_h5(tmp_path / "football.h5", arrays)
    with pytest.raises(course_data.DatasetError,
                       match=r"football\.h5: checksum mismatch.*'y'"):
        football.load_football(tmp_path)


def test_helpers_import_nothing_from_the_course():
    """Can football.py and reg_utils.py be copied beside a notebook?"""
    for module, allowed in ((football, {"numpy", "course_data", "."}),
                            (reg_utils, {"football", "small_nets",
                                         "course_data", "."})):
        tree = ast.parse(open(module.__file__).read())
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                names.add("." if node.level else node.module.split(".")[0])
        assert names <= allowed, module.__name__


def test_initialize_parameters_scales_by_fan_in():
    """Is W1 the seed-3 normals divided by sqrt(2), with zero biases?"""
    parameters = reg_utils.initialize_parameters([2, 20, 3, 1])
    np.random.seed(3)
    np.testing.assert_allclose(parameters["W1"],
                               np.random.randn(20, 2) / math.sqrt(2))
    assert parameters["W3"].shape == (1, 3) and not parameters["b2"].any()
