"""Reference solutions of ``c3w2_error_analysis``, against values by hand."""
import numpy as np
import pytest

from autograder.data.strategy_utils import TACTICS
from autograder.reference import c3w2_error_analysis as ref


def _net():
    return {"W1": np.array([[1.0, -1.0], [0.5, 2.0], [-1.0, 0.0]]),
            "b1": np.array([[0.0], [-0.5], [0.5]]),
            "W2": np.array([[0.5, -0.5, 1.0]]),
            "b2": np.array([[0.1]])}


X = np.array([[1.0, -2.0, 0.5, 0.0], [2.0, 0.5, -1.0, -0.5]])
Y = np.array([[1.0, 0.0, 1.0, 0.0]])


def test_tag_matrix_by_hand():
    """Are whole tags matched, unknown ones ignored, empty rows allowed?"""
    tags = ref.tag_matrix([["dog", "blurry"], ["small cat"], [],
                           ["odd"]], ["dog", "cat", "blurry"])
    np.testing.assert_array_equal(tags, [[True, False, True],
                                         [False, False, False],
                                         [False, False, False],
                                         [False, False, False]])
    assert tags.dtype == bool


def test_tag_matrix_without_mistakes_has_zero_rows():
    """Is the table of no mistake an empty (0, n_categories) array?"""
    assert ref.tag_matrix([], ["a", "b"]).shape == (0, 2)


def test_error_analysis_by_hand():
    """5 mistakes in 20: counts 3, 1, 2; shares /5; ceilings /20?"""
    tags = np.array([[1, 0, 1], [1, 0, 0], [0, 0, 1], [0, 0, 0],
                     [1, 1, 0]], dtype=bool)
    report = ref.error_analysis(tags, 20)
    np.testing.assert_array_equal(report["count"], [3, 1, 2])
    np.testing.assert_allclose(report["share"], [0.6, 0.2, 0.4])
    np.testing.assert_allclose(report["ceiling"], [0.15, 0.05, 0.1])
    assert report["dev_error"] == pytest.approx(0.25)


def test_ceiling_is_share_times_dev_error():
    """Is the ceiling the share of the mistakes times the dev error?"""
    tags = np.random.default_rng(0).random((30, 4)) < 0.3
    report = ref.error_analysis(tags, 250)
    np.testing.assert_allclose(report["ceiling"],
                               report["share"] * report["dev_error"])


def test_error_analysis_without_mistakes():
    """With no mistake, are the shares 0 (not nan) and the error 0?"""
    report = ref.error_analysis(np.zeros((0, 2), dtype=bool), 10)
    np.testing.assert_array_equal(report["share"], [0.0, 0.0])
    assert report["dev_error"] == 0.0


def test_diagnose_errors_by_hand():
    """Human 1, train 2, train-dev 3, dev 10, test 11: mismatch 7 wins?"""
    d = ref.diagnose_errors(1, 2, 3, 10, 11)
    assert (d["avoidable_bias"], d["variance"], d["data_mismatch"],
            d["dev_overfitting"]) == (1, 1, 7, 1)
    assert d["focus"] == "data mismatch"
    assert d["next_step"] == TACTICS["data mismatch"]


def test_diagnose_errors_variance_and_ties():
    """Variance 8 wins; a bias / mismatch tie goes to avoidable bias?"""
    assert ref.diagnose_errors(1, 1, 9, 10, 11)["focus"] == "variance"
    assert ref.diagnose_errors(1, 6, 7, 12, 12)["focus"] == "avoidable bias"
    assert ref.diagnose_errors(1, 2, 3, 4, 9)["focus"] == "dev overfitting"


def test_hidden_features_by_hand():
    """Is relu(W1 X + b1) the hand-computed (3, 4) array?"""
    np.testing.assert_allclose(ref.hidden_features(_net(), X),
                               [[0.0, 0.0, 1.5, 0.5],
                                [4.0, 0.0, 0.0, 0.0],
                                [0.0, 2.5, 0.0, 0.5]])


def _cost(W2, b2, A1):
    A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
    return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))


def test_one_fine_tuning_step_is_a_gradient_step():
    """Does one step move W2 by -rate * the finite-difference gradient?"""
    net = _net()
    A1 = ref.hidden_features(net, X)
    tuned, costs = ref.fine_tune_last_layer(net, X, Y, 1, 0.5)
    eps = 1e-6
    grad = np.zeros_like(net["W2"])
    for j in range(grad.shape[1]):
        step = np.zeros_like(grad)
        step[0, j] = eps
        grad[0, j] = (_cost(net["W2"] + step, net["b2"], A1)
                      - _cost(net["W2"] - step, net["b2"], A1)) / (2 * eps)
        db = (_cost(net["W2"], net["b2"] + eps, A1)
              - _cost(net["W2"], net["b2"] - eps, A1)) / (2 * eps)
    np.testing.assert_allclose(tuned["W2"], net["W2"] - 0.5 * grad,
                               atol=1e-8)
    np.testing.assert_allclose(tuned["b2"], net["b2"] - 0.5 * db, atol=1e-8)
    assert costs == [pytest.approx(_cost(net["W2"], net["b2"], A1))]


def test_fine_tuning_freezes_the_hidden_layer_and_lowers_the_cost():
    """Are W1, b1 and the input untouched while the cost falls?"""
    net = _net()
    before = {key: value.copy() for key, value in net.items()}
    tuned, costs = ref.fine_tune_last_layer(net, X, Y, 301, 0.5)
    np.testing.assert_array_equal(tuned["W1"], before["W1"])
    np.testing.assert_array_equal(tuned["b1"], before["b1"])
    for key in net:
        np.testing.assert_array_equal(net[key], before[key])
    assert len(costs) == 4
    assert all(later < earlier for earlier, later in zip(costs, costs[1:]))
    assert not np.allclose(tuned["W2"], before["W2"])
