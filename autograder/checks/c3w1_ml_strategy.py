"""Check specs for ``c3w1_ml_strategy``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, rng
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the data helper and
#: the strategy helper (pictures with tags, small models, TACTICS).
HELPER_FILES = {"lr_utils.py": "autograder/data/lr_utils.py",
                "strategy_utils.py": "autograder/data/strategy_utils.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}

#: Lengths m of the hidden prediction / label rows.
LENGTHS = (9, 40)


def _public_labels():
    """Eight predictions against eight labels: TP 3, FP 1, FN 2, TN 2."""
    Y_hat = np.array([[1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0]])
    Y = np.array([[1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0]])
    return Y_hat, Y


def _random_labels(seed, m, p_hat=0.5, p=0.5):
    generator = rng(seed)
    Y = (generator.random((1, m)) < p).astype(float)
    Y_hat = (generator.random((1, m)) < p_hat).astype(float)
    return Y_hat, Y


def _label_public():
    Y_hat, Y = _public_labels()
    return [Case("8 examples", (Y_hat, Y)),
            Case("nothing predicted positive", (np.zeros((1, 8)), Y)),
            Case("no positive label", (Y_hat, np.zeros((1, 8)))),
            Case("another size: 13 examples", _random_labels(3, 13))]


def _label_hidden():
    cases = [Case(f"seed {seed}, m = {m}", _random_labels(seed, m))
             for seed in HIDDEN_SEEDS for m in LENGTHS]
    cases += [
        Case("skewed: few positives", _random_labels(5, 60, 0.2, 0.1)),
        Case("a single example, a true positive",
             (np.ones((1, 1)), np.ones((1, 1)))),
        Case("no positive prediction",
             (np.zeros((1, 7)), _random_labels(6, 7)[1])),
        Case("no positive label",
             (_random_labels(7, 7)[0], np.zeros((1, 7)))),
        Case("all zeros", (np.zeros((1, 5)), np.zeros((1, 5)))),
        Case("every prediction wrong",
             (np.array([[1.0, 0.0, 1.0]]), np.array([[0.0, 1.0, 0.0]]))),
    ]
    return cases


def _choose_public():
    optimizing = np.array([0.90, 0.92, 0.95, 0.93])
    satisficing = np.array([[80.0, 95.0, 1500.0, 100.0],
                            [2.0, 9.0, 1.0, 4.0]])
    return [Case("4 classifiers, time <= 100 and memory <= 5",
                 (optimizing, satisficing, np.array([100.0, 5.0]))),
            Case("4 classifiers, time <= 50 and memory <= 5",
                 (optimizing, satisficing, np.array([50.0, 5.0]))),
            Case("another size: 6 classifiers, 3 constraints",
                 _choose_problem(3, 3, 6))]


def _choose_problem(seed, n_constraints, n_models):
    generator = rng(seed)
    optimizing = generator.random(n_models)
    satisficing = generator.random((n_constraints, n_models))
    thresholds = np.quantile(satisficing, 0.7, axis=1)
    return optimizing, satisficing, thresholds


def _choose_hidden():
    cases = [Case(f"seed {seed}, {k} constraints, {n} models",
                  _choose_problem(seed, k, n))
             for seed in HIDDEN_SEEDS for k, n in ((1, 6), (3, 10))]
    optimizing = np.array([0.5, 0.9, 0.7, 0.9])
    satisficing = np.array([[0.2, 0.6, 0.3, 0.4], [5.0, 1.0, 2.0, 1.0]])
    cases += [
        Case("the best model sits exactly on a threshold",
             (optimizing, satisficing, np.array([0.6, 1.0]))),
        Case("a tie between two acceptable models",
             (optimizing, satisficing, np.array([0.7, 5.0]))),
        Case("no model is acceptable",
             (optimizing, satisficing, np.array([0.1, 5.0]))),
        Case("as many constraints as models",
             _choose_problem(8, 4, 4)),
        Case("a single model", (np.array([0.3]), np.array([[1.0]]),
                                np.array([2.0]))),
    ]
    return cases


def _data(seed, n_x, m):
    generator = rng(seed)
    X = generator.standard_normal((n_x, m))
    Y = (generator.random((1, m)) > 0.5).astype(float)
    return X, Y


def _split_public():
    X = np.arange(22.0).reshape(2, 11)
    Y = np.array([[0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0]])
    return [Case("11 examples, 15 % dev, 20 % test, seed 1",
                 (X, Y, 0.15, 0.2, 1)),
            Case("another size: X (3, 17), 10 % dev, 30 % test, seed 4",
                 _data(3, 3, 17) + (0.1, 0.3, 4))]


def _split_hidden():
    cases = [Case(f"seed {seed}, X (3, 23), 20 % dev, 10 % test",
                  _data(seed, 3, 23) + (0.2, 0.1, seed))
             for seed in HIDDEN_SEEDS]
    cases += [Case(f"seed {seed}, X (2, 50), 2 % dev, 4 % test",
                   _data(seed, 2, 50) + (0.02, 0.04, seed + 1))
              for seed in HIDDEN_SEEDS]
    cases += [
        Case("X (4, 12), dev 25 %, test 15 %",
             _data(3, 4, 12) + (0.25, 0.15, 7)),
        Case("X (1, 29), dev 29 %, no test set",
             _data(4, 1, 29) + (0.29, 0.0, 0)),
        Case("a single example, all for training",
             _data(5, 3, 1) + (0.2, 0.2, 2)),
    ]
    return cases


def _diagnosis_public():
    return [Case("human 0.01, train 0.08, dev 0.10", (0.01, 0.08, 0.10)),
            Case("human 0.075, train 0.08, dev 0.10", (0.075, 0.08, 0.10)),
            Case("three human levels", ([0.03, 0.01, 0.005], 0.007,
                                        0.008)),
            Case("in percent: human 2, train 5, dev 8", (2, 5, 8))]


def _diagnosis_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        generator = rng(seed)
        human = float(generator.uniform(0.0, 0.05))
        train = human + float(generator.uniform(0.0, 0.1))
        dev = train + float(generator.uniform(0.0, 0.1))
        cases.append(Case(f"seed {seed}, one human level",
                          (human, train, dev)))
        levels = list(generator.uniform(0.01, 0.1, size=3))
        cases.append(Case(f"seed {seed}, three human levels",
                          (levels, max(levels) + 0.01,
                           max(levels) + 0.015)))
    cases += [
        Case("avoidable bias equals variance", (0.25, 0.5, 0.75)),
        Case("training error below human level", (0.05, 0.02, 0.1)),
        Case("human levels as an array",
             (np.array([0.04, 0.02]), 0.12, 0.13)),
        Case("errors in percent", (1.0, 5.0, 6.0)),
    ]
    return cases


SPECS = [
    FunctionSpec("confusion_counts", ("counts",), 1, _label_public,
                 _label_hidden),
    FunctionSpec("precision", ("p",), 1, _label_public, _label_hidden),
    FunctionSpec("recall", ("r",), 1, _label_public, _label_hidden),
    FunctionSpec("f1_score", ("f1",), 1, _label_public, _label_hidden),
    FunctionSpec("choose_classifier", ("best",), 2, _choose_public,
                 _choose_hidden),
    FunctionSpec("split_dataset", ("X_train", "Y_train", "X_dev", "Y_dev",
                                   "X_test", "Y_test"), 2, _split_public,
                 _split_hidden,
                 separate=("X_train", "Y_train", "X_dev", "Y_dev",
                           "X_test", "Y_test")),
    FunctionSpec("bias_variance_diagnosis", ("diagnosis",), 2,
                 _diagnosis_public, _diagnosis_hidden,
                 types={"diagnosis": "number"}),
]
