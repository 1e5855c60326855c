"""Reference solutions of ``c3w1_ml_strategy``, against values by hand.

The catalogue fixes the formulas (precision, recall, F1 as the harmonic
mean, erratum 28), the 98 / 1 / 1 split of a million examples, and the
definitions avoidable bias = training - human error and variance = dev -
training error.
"""
import numpy as np
import pytest

from autograder.data.strategy_utils import TACTICS
from autograder.reference import c3w1_ml_strategy as ref

# Predictions and labels of eight examples: TP 3, FP 1, FN 2, TN 2.
Y_HAT = np.array([[1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0]])
Y = np.array([[1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0]])


def test_confusion_counts_by_hand():
    """Are the four cells counted as by hand, as Python ints?"""
    counts = ref.confusion_counts(Y_HAT, Y)
    assert counts == {"TP": 3, "FP": 1, "FN": 2, "TN": 2}
    assert all(type(value) is int for value in counts.values())


def test_precision_recall_by_hand():
    """Is P = 3 / 4 and R = 3 / 5 on the eight examples?"""
    assert ref.precision(Y_HAT, Y) == pytest.approx(0.75)
    assert ref.recall(Y_HAT, Y) == pytest.approx(0.6)


def test_f1_is_the_harmonic_mean_not_the_average():
    """Is F1 = 2PR / (P + R) = 2/3 here, not (P + R) / 2 = 0.675?"""
    f1 = ref.f1_score(Y_HAT, Y)
    assert f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert f1 == pytest.approx(2 / 3)
    assert f1 != pytest.approx((0.75 + 0.6) / 2)


def test_f1_stays_near_the_smaller_of_p_and_r():
    """With P = 1 and R = 0.2, is F1 = 1/3 (the average would be 0.6)?"""
    Y_hat = np.array([[1.0, 0.0, 0.0, 0.0, 0.0]])
    labels = np.ones((1, 5))
    assert ref.precision(Y_hat, labels) == 1.0
    assert ref.recall(Y_hat, labels) == pytest.approx(0.2)
    assert ref.f1_score(Y_hat, labels) == pytest.approx(1 / 3)


def test_zero_divisions_give_zero():
    """Are P, R and F1 0.0 (not nan) when their denominators vanish?"""
    none = np.zeros((1, 4))
    some = np.array([[0.0, 1.0, 1.0, 0.0]])
    assert ref.precision(none, some) == 0.0
    assert ref.recall(some, none) == 0.0
    assert ref.f1_score(none, some) == 0.0
    assert ref.f1_score(none, none) == 0.0


def test_choose_classifier_respects_every_threshold():
    """Is the best F1 under both limits model 3, not the faster 0?"""
    optimizing = np.array([0.90, 0.92, 0.95, 0.93])
    satisficing = np.array([[80.0, 95.0, 1500.0, 100.0],
                            [2.0, 9.0, 1.0, 4.0]])
    assert ref.choose_classifier(optimizing, satisficing,
                                 np.array([100.0, 5.0])) == 3
    assert ref.choose_classifier(optimizing, satisficing,
                                 np.array([99.0, 5.0])) == 0
    assert ref.choose_classifier(optimizing, satisficing,
                                 np.array([50.0, 5.0])) is None


def test_choose_classifier_tie_goes_to_the_first():
    """Of two acceptable models with equal scores, is the first chosen?"""
    best = ref.choose_classifier(np.array([0.5, 0.9, 0.9]),
                                 np.array([[1.0, 1.0, 1.0]]),
                                 np.array([1.0]))
    assert best == 1 and type(best) is int


def test_split_sizes_of_a_million_examples():
    """Does 98 / 1 / 1 of 1,000,000 give 10,000 dev and 10,000 test?"""
    m = 1_000_000
    X = np.arange(m, dtype=float).reshape(1, m)
    parts = ref.split_dataset(X, X.copy(), 0.01, 0.01, seed=0)
    assert [p.shape[1] for p in parts[::2]] == [980_000, 10_000, 10_000]


def test_split_is_a_seeded_permutation_applied_to_both():
    """Are all columns used once, X and Y kept together, the seed obeyed?"""
    X = np.arange(46.0).reshape(2, 23)
    Y = X[:1] * 10
    first = ref.split_dataset(X, Y, 0.2, 0.1, seed=5)
    again = ref.split_dataset(X, Y, 0.2, 0.1, seed=5)
    other = ref.split_dataset(X, Y, 0.2, 0.1, seed=6)
    assert [p.shape[1] for p in first[::2]] == [16, 5, 2]
    joined = np.concatenate(first[::2], axis=1)
    assert sorted(joined[0]) == list(range(23))
    np.testing.assert_array_equal(np.concatenate(first[1::2], axis=1),
                                  joined[:1] * 10)
    order = np.random.default_rng(5).permutation(23)
    np.testing.assert_array_equal(joined[0], order)
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[0], other[0])
    np.testing.assert_array_equal(X, np.arange(46.0).reshape(2, 23))


def test_diagnosis_by_hand_in_percent():
    """Human 1, train 8, dev 10: avoidable bias 7 beats variance 2?"""
    d = ref.bias_variance_diagnosis(1, 8, 10)
    assert d["avoidable_bias"] == 7 and d["variance"] == 2
    assert d["focus"] == "avoidable bias"
    assert d["next_step"] == TACTICS["avoidable bias"]


def test_diagnosis_with_a_better_human_level():
    """Human 7.5, train 8, dev 10: is variance (2) now the larger gap?"""
    d = ref.bias_variance_diagnosis(7.5, 8, 10)
    assert d["avoidable_bias"] == pytest.approx(0.5)
    assert d["focus"] == "variance"


def test_diagnosis_uses_the_best_human_level():
    """With levels 3, 1, 0.5 and train 0.7, is the avoidable bias 0.2?"""
    d = ref.bias_variance_diagnosis([3.0, 1.0, 0.5], 0.7, 0.8)
    assert d["avoidable_bias"] == pytest.approx(0.2)
    assert d["variance"] == pytest.approx(0.1)
    assert d["focus"] == "avoidable bias"


def test_diagnosis_below_human_level_is_negative():
    """Beyond human level, is the avoidable bias negative, focus variance?"""
    d = ref.bias_variance_diagnosis(0.05, 0.02, 0.1)
    assert d["avoidable_bias"] == pytest.approx(-0.03)
    assert d["focus"] == "variance"
