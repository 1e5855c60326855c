"""Mutants and correct alternatives for ``c3w1_ml_strategy``."""
import numpy as np

from autograder.data.strategy_utils import TACTICS
from autograder.reference.c3w1_ml_strategy import (
    confusion_counts,
    precision,
    recall,
)
from autograder.spec import Mutant

# --- confusion_counts --------------------------------------------------------

def counts_fp_fn_swapped(Y_hat, Y):
    counts = confusion_counts(Y_hat, Y)
    counts["FP"], counts["FN"] = counts["FN"], counts["FP"]
    return counts


def counts_as_fractions(Y_hat, Y):
    m = Y.shape[1]
    return {key: value / m for key, value in
            confusion_counts(Y_hat, Y).items()}


def counts_tn_by_subtraction(Y_hat, Y):
    counts = confusion_counts(Y_hat, Y)
    counts["TN"] = Y.shape[1] - counts["TP"]
    return counts


def counts_correct_and_wrong(Y_hat, Y):
    right = int(np.sum(Y_hat == Y))
    wrong = int(np.sum(Y_hat != Y))
    return {"TP": right, "FP": wrong, "FN": wrong, "TN": right}


def counts_by_products(Y_hat, Y):
    return {"TP": int(np.sum(Y_hat * Y)),
            "FP": int(np.sum(Y_hat * (1 - Y))),
            "FN": int(np.sum((1 - Y_hat) * Y)),
            "TN": int(np.sum((1 - Y_hat) * (1 - Y)))}


def counts_loop(Y_hat, Y):
    counts = {"TP": 0, "FP": 0, "FN": 0, "TN": 0}
    for guess, truth in zip(Y_hat.ravel(), Y.ravel()):
        key = ("T" if guess == truth else "F") + ("P" if guess == 1 else "N")
        counts[key] += 1
    return counts


# --- precision, recall, f1_score ---------------------------------------------

def _ratio(numerator, denominator):
    return numerator / denominator if denominator else 0.0


def precision_is_recall(Y_hat, Y):
    c = confusion_counts(Y_hat, Y)
    return _ratio(c["TP"], c["TP"] + c["FN"])


def precision_nan_when_no_positive(Y_hat, Y):
    c = confusion_counts(Y_hat, Y)
    with np.errstate(all="ignore"):
        return float(np.float64(c["TP"]) / (c["TP"] + c["FP"]))


def precision_over_m(Y_hat, Y):
    return confusion_counts(Y_hat, Y)["TP"] / Y.shape[1]


def precision_is_accuracy(Y_hat, Y):
    return float(np.mean(Y_hat == Y))


def precision_from_arrays(Y_hat, Y):
    predicted = Y_hat.astype(bool)
    if not predicted.any():
        return 0.0
    return float(np.mean(Y[predicted] == 1))


def recall_is_precision(Y_hat, Y):
    c = confusion_counts(Y_hat, Y)
    return _ratio(c["TP"], c["TP"] + c["FP"])


def recall_nan_when_no_positive(Y_hat, Y):
    c = confusion_counts(Y_hat, Y)
    with np.errstate(all="ignore"):
        return float(np.float64(c["TP"]) / (c["TP"] + c["FN"]))


def recall_counts_fp(Y_hat, Y):
    c = confusion_counts(Y_hat, Y)
    return _ratio(c["TP"], c["TP"] + c["FN"] + c["FP"])


def recall_of_negatives(Y_hat, Y):
    c = confusion_counts(Y_hat, Y)
    return _ratio(c["TN"], c["TN"] + c["FP"])


def recall_from_arrays(Y_hat, Y):
    positive = Y == 1
    if not positive.any():
        return 0.0
    return float(np.mean(Y_hat[positive] == 1))


def f1_arithmetic_mean(Y_hat, Y):
    return (precision(Y_hat, Y) + recall(Y_hat, Y)) / 2


def f1_geometric_mean(Y_hat, Y):
    return float(np.sqrt(precision(Y_hat, Y) * recall(Y_hat, Y)))


def f1_without_the_2(Y_hat, Y):
    p, r = precision(Y_hat, Y), recall(Y_hat, Y)
    return _ratio(p * r, p + r)


def f1_nan_when_both_zero(Y_hat, Y):
    p, r = precision(Y_hat, Y), recall(Y_hat, Y)
    with np.errstate(all="ignore"):
        return float(2 * np.float64(p) * r / (p + r))


def f1_from_counts(Y_hat, Y):
    c = confusion_counts(Y_hat, Y)
    return _ratio(2 * c["TP"], 2 * c["TP"] + c["FP"] + c["FN"])


def f1_harmonic_of_inverses(Y_hat, Y):
    p, r = precision(Y_hat, Y), recall(Y_hat, Y)
    if p == 0 or r == 0:
        return 0.0
    return 2 / (1 / p + 1 / r)


# --- choose_classifier -------------------------------------------------------

def _acceptable(satisficing, thresholds, strict=False):
    limit = thresholds[:, np.newaxis]
    ok = satisficing < limit if strict else satisficing <= limit
    return np.all(ok, axis=0)


def choose_ignoring_constraints(optimizing, satisficing, thresholds):
    return int(np.argmax(optimizing))


def choose_strict(optimizing, satisficing, thresholds):
    ok = _acceptable(satisficing, thresholds, strict=True)
    if not ok.any():
        return None
    return int(np.argmax(np.where(ok, optimizing, -np.inf)))


def choose_first_acceptable(optimizing, satisficing, thresholds):
    ok = _acceptable(satisficing, thresholds)
    return int(np.argmax(ok)) if ok.any() else None


def choose_minus_one(optimizing, satisficing, thresholds):
    ok = _acceptable(satisficing, thresholds)
    if not ok.any():
        return -1
    return int(np.argmax(np.where(ok, optimizing, -np.inf)))


def choose_any_constraint(optimizing, satisficing, thresholds):
    ok = np.any(satisficing <= thresholds[:, np.newaxis], axis=0)
    if not ok.any():
        return None
    return int(np.argmax(np.where(ok, optimizing, -np.inf)))


def choose_index_among_acceptable(optimizing, satisficing, thresholds):
    ok = _acceptable(satisficing, thresholds)
    if not ok.any():
        return None
    return int(np.argmax(optimizing[ok]))


def choose_loop(optimizing, satisficing, thresholds):
    best = None
    for j in range(len(optimizing)):
        if all(satisficing[k, j] <= thresholds[k]
               for k in range(len(thresholds))):
            if best is None or optimizing[j] > optimizing[best]:
                best = j
    return best


# --- split_dataset -----------------------------------------------------------

def _cut(X, Y, order, m_dev, m_test, dev_first=False):
    m = X.shape[1]
    m_train = m - m_dev - m_test
    X, Y = X[:, order], Y[:, order]
    train = (X[:, :m_train], Y[:, :m_train])
    middle = (X[:, m_train:m_train + m_dev], Y[:, m_train:m_train + m_dev])
    last = (X[:, m_train + m_dev:], Y[:, m_train + m_dev:])
    if dev_first:
        middle = (X[:, m_train:m_train + m_test],
                  Y[:, m_train:m_train + m_test])
        last = (X[:, m_train + m_test:], Y[:, m_train + m_test:])
        return train + last + middle
    return train + middle + last


def _sizes(m, dev_fraction, test_fraction):
    return int(round(dev_fraction * m)), int(round(test_fraction * m))


def split_without_shuffle(X, Y, dev_fraction, test_fraction, seed):
    m = X.shape[1]
    return _cut(X, Y, np.arange(m), *_sizes(m, dev_fraction, test_fraction))


def split_legacy_seed(X, Y, dev_fraction, test_fraction, seed):
    m = X.shape[1]
    np.random.seed(seed)
    return _cut(X, Y, np.random.permutation(m),
                *_sizes(m, dev_fraction, test_fraction))


def split_floor_sizes(X, Y, dev_fraction, test_fraction, seed):
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    return _cut(X, Y, order, int(dev_fraction * m), int(test_fraction * m))


def split_test_before_dev(X, Y, dev_fraction, test_fraction, seed):
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    return _cut(X, Y, order, *_sizes(m, dev_fraction, test_fraction),
                dev_first=True)


def split_two_shuffles(X, Y, dev_fraction, test_fraction, seed):
    m = X.shape[1]
    generator = np.random.default_rng(seed)
    order_x, order_y = generator.permutation(m), generator.permutation(m)
    m_dev, m_test = _sizes(m, dev_fraction, test_fraction)
    X_parts = _cut(X, Y, order_x, m_dev, m_test)[0::2]
    Y_parts = _cut(X, Y, order_y, m_dev, m_test)[1::2]
    return (X_parts[0], Y_parts[0], X_parts[1], Y_parts[1], X_parts[2],
            Y_parts[2])


def split_dev_as_test(X, Y, dev_fraction, test_fraction, seed):
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    parts = _cut(X, Y, order, *_sizes(m, dev_fraction, test_fraction))
    return parts[:4] + parts[2:4]


def split_shuffles_in_place(X, Y, dev_fraction, test_fraction, seed):
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    X[:, :] = X[:, order]
    Y[:, :] = Y[:, order]
    return _cut(X, Y, np.arange(m), *_sizes(m, dev_fraction, test_fraction))


def split_with_shuffle_and_take(X, Y, dev_fraction, test_fraction, seed):
    m = X.shape[1]
    index = np.arange(m)
    np.random.default_rng(seed).shuffle(index)
    m_dev = round(dev_fraction * m)
    m_test = round(test_fraction * m)
    train, dev, test = np.split(index, [m - m_dev - m_test, m - m_test])
    return (np.take(X, train, axis=1), np.take(Y, train, axis=1),
            np.take(X, dev, axis=1), np.take(Y, dev, axis=1),
            np.take(X, test, axis=1), np.take(Y, test, axis=1))


# --- bias_variance_diagnosis -------------------------------------------------

def _diagnosis(avoidable_bias, variance, strict=False, swap=False):
    bias_wins = (avoidable_bias > variance if strict
                 else avoidable_bias >= variance)
    if swap:
        bias_wins = not bias_wins
    focus = "avoidable bias" if bias_wins else "variance"
    return {"avoidable_bias": avoidable_bias, "variance": variance,
            "focus": focus, "next_step": TACTICS[focus]}


def diagnosis_mean_human(human_error, train_error, dev_error):
    proxy = float(np.mean(human_error))
    return _diagnosis(train_error - proxy, dev_error - train_error)


def diagnosis_variance_from_human(human_error, train_error, dev_error):
    proxy = float(np.min(human_error))
    return _diagnosis(train_error - proxy, dev_error - proxy)


def diagnosis_strict_tie(human_error, train_error, dev_error):
    proxy = float(np.min(human_error))
    return _diagnosis(train_error - proxy, dev_error - train_error,
                      strict=True)


def diagnosis_smaller_gap(human_error, train_error, dev_error):
    proxy = float(np.min(human_error))
    return _diagnosis(train_error - proxy, dev_error - train_error,
                      swap=True)


def diagnosis_bias_from_zero(human_error, train_error, dev_error):
    return _diagnosis(train_error, dev_error - train_error)


def diagnosis_absolute_bias(human_error, train_error, dev_error):
    proxy = float(np.min(human_error))
    return _diagnosis(abs(train_error - proxy), dev_error - train_error)


def diagnosis_sorted_levels(human_error, train_error, dev_error):
    proxy = sorted(np.atleast_1d(human_error))[0]
    bias, variance = train_error - proxy, dev_error - train_error
    focus = "variance" if variance > bias else "avoidable bias"
    return {"avoidable_bias": float(bias), "variance": variance,
            "focus": focus, "next_step": TACTICS[focus]}


#: A mutant of a function no other graded function calls: the grading
#: round trip submits it and expects exactly that function's points lost.
ROUND_TRIP = ("bias_variance_diagnosis", "variance measured from human level")

# --- further learner mistakes (guards, division, precedence) -----------------

def precision_unguarded(Y_hat, Y):
    counts = confusion_counts(Y_hat, Y)
    return counts["TP"] / (counts["TP"] + counts["FP"])


def precision_floor_division(Y_hat, Y):
    counts = confusion_counts(Y_hat, Y)
    if counts["TP"] + counts["FP"] == 0:
        return 0.0
    return counts["TP"] // (counts["TP"] + counts["FP"])


def precision_one_when_no_prediction(Y_hat, Y):
    counts = confusion_counts(Y_hat, Y)
    if counts["TP"] + counts["FP"] == 0:
        return 1.0
    return counts["TP"] / (counts["TP"] + counts["FP"])


def recall_unguarded(Y_hat, Y):
    counts = confusion_counts(Y_hat, Y)
    return counts["TP"] / (counts["TP"] + counts["FN"])


def recall_floor_division(Y_hat, Y):
    counts = confusion_counts(Y_hat, Y)
    if counts["TP"] + counts["FN"] == 0:
        return 0.0
    return counts["TP"] // (counts["TP"] + counts["FN"])


def recall_over_all_examples(Y_hat, Y):
    counts = confusion_counts(Y_hat, Y)
    if counts["TP"] + counts["FN"] == 0:
        return 0.0
    return counts["TP"] / np.size(Y)


def f1_unguarded(Y_hat, Y):
    p, r = precision(Y_hat, Y), recall(Y_hat, Y)
    return 2 * p * r / (p + r)


def f1_missing_parentheses(Y_hat, Y):
    p, r = precision(Y_hat, Y), recall(Y_hat, Y)
    if p + r == 0:
        return 0.0
    return 2 * p * r / p + r


MUTANTS = {
    "confusion_counts": [
        Mutant("FP and FN swapped", counts_fp_fn_swapped,
               "a false positive is predicted 1 with label 0; a false "
               "negative is predicted 0 with label 1"),
        Mutant("counts divided by m", counts_as_fractions,
               "return the numbers of examples (ints), not fractions"),
        Mutant("TN = m - TP", counts_tn_by_subtraction,
               "TN counts predictions 0 with label 0; m - TP also "
               "includes the false positives and false negatives"),
        Mutant("right / wrong instead of the four cells",
               counts_correct_and_wrong),
    ],
    "precision": [
        Mutant("TP / (TP + FN)", precision_is_recall,
               "that is the recall: precision divides by the number of "
               "positive *predictions*, TP + FP"),
        Mutant("nan when nothing is predicted positive",
               precision_nan_when_no_positive,
               "when TP + FP = 0 return 0.0 instead of dividing by zero"),
        Mutant("TP / m", precision_over_m,
               "divide by TP + FP, not by the number of examples"),
        Mutant("accuracy", precision_is_accuracy),
        Mutant("ZeroDivisionError when nothing is predicted positive",
               precision_unguarded,
               "when TP + FP = 0 there is nothing to divide by: check for "
               "it first and return 0.0"),
        Mutant("floor division", precision_floor_division,
               "// is floor division and turns every precision below 1 "
               "into 0: use / for a fraction"),
        Mutant("1.0 when nothing is predicted positive",
               precision_one_when_no_prediction,
               "with no positive prediction the precision is defined as "
               "0.0 here, not 1.0"),
    ],
    "recall": [
        Mutant("TP / (TP + FP)", recall_is_precision,
               "that is the precision: recall divides by the number of "
               "positive *labels*, TP + FN"),
        Mutant("nan when there is no positive label",
               recall_nan_when_no_positive,
               "when TP + FN = 0 return 0.0 instead of dividing by zero"),
        Mutant("TP / (TP + FN + FP)", recall_counts_fp),
        Mutant("recall of the negatives", recall_of_negatives),
        Mutant("ZeroDivisionError when there is no positive label",
               recall_unguarded,
               "when TP + FN = 0 there is nothing to divide by: check for "
               "it first and return 0.0"),
        Mutant("floor division", recall_floor_division,
               "// is floor division and turns every recall below 1 into "
               "0: use / for a fraction"),
        Mutant("TP / m", recall_over_all_examples,
               "divide by the positive labels, TP + FN, not by the number "
               "of examples"),
    ],
    "f1_score": [
        Mutant("arithmetic mean", f1_arithmetic_mean,
               "F1 is the harmonic mean 2PR / (P + R), not the average "
               "(P + R) / 2"),
        Mutant("geometric mean", f1_geometric_mean,
               "F1 is the harmonic mean 2PR / (P + R)"),
        Mutant("PR / (P + R)", f1_without_the_2,
               "the harmonic mean of two numbers is 2PR / (P + R): did "
               "you forget the 2?"),
        Mutant("nan when P = R = 0", f1_nan_when_both_zero,
               "when P + R = 0 return 0.0 instead of dividing by zero"),
        Mutant("ZeroDivisionError when P = R = 0", f1_unguarded,
               "when P + R = 0 there is nothing to divide by: check for it "
               "first and return 0.0"),
        Mutant("2PR / P + R", f1_missing_parentheses,
               "/ binds tighter than +: without parentheses 2 * P * R / P "
               "+ R is (2PR / P) + R; put P + R in parentheses"),
    ],
    "choose_classifier": [
        Mutant("ignores the constraints", choose_ignoring_constraints,
               "only classifiers that meet every satisficing threshold "
               "may be chosen"),
        Mutant("< instead of <=", choose_strict,
               "a classifier exactly at a threshold meets it: use <="),
        Mutant("first acceptable classifier", choose_first_acceptable,
               "among the acceptable classifiers, take the one with the "
               "highest optimizing metric"),
        Mutant("-1 when none is acceptable", choose_minus_one,
               "return None when no classifier meets the thresholds"),
        Mutant("one constraint is enough", choose_any_constraint,
               "a classifier must meet every threshold (np.all), not just "
               "one of them"),
        Mutant("index among the acceptable ones",
               choose_index_among_acceptable,
               "return the index in the full list of classifiers, not in "
               "the list of acceptable ones"),
    ],
    "split_dataset": [
        Mutant("no shuffle", split_without_shuffle,
               "shuffle the columns first, with "
               "np.random.default_rng(seed).permutation(m)"),
        Mutant("np.random.seed + np.random.permutation", split_legacy_seed,
               "use the generator np.random.default_rng(seed), not the "
               "legacy np.random.seed"),
        Mutant("sizes rounded down", split_floor_sizes,
               "round the sizes to the nearest integer: "
               "int(round(dev_fraction * m))"),
        Mutant("test cut before dev", split_test_before_dev,
               "after the training examples come the dev examples, then "
               "the test examples"),
        Mutant("X and Y shuffled differently", split_two_shuffles,
               "shuffle X and Y with the same permutation, or the labels "
               "no longer belong to their examples"),
        Mutant("shuffles the caller's arrays", split_shuffles_in_place),
        Mutant("the dev set reused as the test set", split_dev_as_test,
               "the test set is its own examples, after the dev set: a "
               "model chosen on the dev set needs a fresh estimate"),
    ],
    "bias_variance_diagnosis": [
        Mutant("average of the human levels", diagnosis_mean_human,
               "the proxy for Bayes error is the best (lowest) human "
               "level, not the average"),
        Mutant("variance measured from human level",
               diagnosis_variance_from_human,
               "variance is the gap between dev and training error: "
               "dev_error - train_error"),
        Mutant("ties go to variance", diagnosis_strict_tie,
               "when both gaps are equal the focus is \"avoidable bias\" "
               "(fit the training set first)"),
        Mutant("focus on the smaller gap", diagnosis_smaller_gap,
               "work on the larger of the two gaps"),
        Mutant("avoidable bias measured from zero", diagnosis_bias_from_zero,
               "avoidable bias is the gap between training error and "
               "human-level error, not training error itself"),
        Mutant("absolute value of the avoidable bias",
               diagnosis_absolute_bias),
    ],
}

ALTERNATIVES = {
    "confusion_counts": [counts_by_products, counts_loop],
    "precision": [precision_from_arrays],
    "recall": [recall_from_arrays],
    "f1_score": [f1_from_counts, f1_harmonic_of_inverses],
    "choose_classifier": [choose_loop],
    "split_dataset": [split_with_shuffle_and_take],
    "bias_variance_diagnosis": [diagnosis_sorted_levels],
}
