"""Check specs for ``c3w2_error_analysis``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, labels, rng
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the data helper and
#: the strategy helper (pictures with tags, small models, TACTICS).
HELPER_FILES = {"lr_utils.py": "autograder/data/lr_utils.py",
                "strategy_utils.py": "autograder/data/strategy_utils.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}

#: Tags a reviewer might write down; "cat" hides inside "small cat".
VOCABULARY = ("dog", "great cat", "blurry", "filter", "mislabeled",
              "small cat", "cat", "dark")


def _public_tags():
    mistake_tags = [["dog", "blurry"], ["great cat"], [],
                    ["blurry", "unknown tag"], ["small cat"]]
    return mistake_tags, ["dog", "great cat", "blurry", "cat"]


def _random_tags(seed, n_mistakes, categories):
    generator = rng(seed)
    written = []
    for _ in range(n_mistakes):
        k = int(generator.integers(0, 4))
        picks = generator.choice(len(VOCABULARY), size=k, replace=False)
        written.append([VOCABULARY[p] for p in sorted(picks)])
    return written, list(categories)


def _tag_public():
    return [Case("5 mistakes, 4 categories", _public_tags()),
            Case("another size: 7 mistakes, 2 categories",
                 _random_tags(3, 7, ("dog", "blurry")))]


def _tag_hidden():
    cases = [Case(f"seed {seed}, 6 mistakes, 3 categories",
                  _random_tags(seed, 6, ("blurry", "dog", "great cat")))
             for seed in HIDDEN_SEEDS]
    cases += [Case(f"seed {seed}, 15 mistakes, 5 categories",
                   _random_tags(seed + 1, 15, ("cat", "small cat", "dark",
                                               "mislabeled", "filter")))
              for seed in HIDDEN_SEEDS]
    cases += [
        Case("no mistake at all", ([], ["dog", "blurry"])),
        Case("a single mistake with two tags",
             ([["dark", "cat"]], ["cat", "dog", "dark"])),
        Case("categories in reverse alphabetical order",
             _random_tags(5, 8, ("small cat", "dog", "blurry"))),
    ]
    return cases


def _tally_public():
    tags = np.array([[True, False, True],
                     [True, False, False],
                     [False, False, True],
                     [False, False, False],
                     [True, True, False]])
    return [Case("5 mistakes in a dev set of 20", (tags, 20)),
            Case("no mistake in a dev set of 10",
                 (np.zeros((0, 3), dtype=bool), 10))]


def _random_matrix(seed, n_mistakes, n_categories):
    generator = rng(seed)
    return generator.random((n_mistakes, n_categories)) < 0.4


def _tally_hidden():
    cases = [Case(f"seed {seed}, {n} mistakes, {k} categories, "
                  f"dev set of {m_dev}",
                  (_random_matrix(seed, n, k), m_dev))
             for seed in HIDDEN_SEEDS
             for n, k, m_dev in ((7, 3, 50), (30, 5, 200))]
    cases += [
        Case("no mistake", (np.zeros((0, 4), dtype=bool), 100)),
        Case("a single mistake", (np.array([[True, False]]), 8)),
        Case("a single category", (_random_matrix(4, 9, 1), 40)),
        Case("tags given as 0 / 1 integers",
             (_random_matrix(6, 5, 3).astype(int), 25)),
        Case("every dev example is a mistake",
             (_random_matrix(7, 6, 2), 6)),
    ]
    return cases


def _diagnose_public():
    return [Case("variance is the largest gap",
                 (0.01, 0.01, 0.09, 0.10, 0.11)),
            Case("data mismatch is the largest gap",
                 (0.01, 0.02, 0.03, 0.10, 0.11)),
            Case("bias and mismatch tie (percent)", (1, 6, 7, 12, 12))]


def _diagnose_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        generator = rng(seed)
        errors = np.cumsum(generator.uniform(0.0, 0.08, size=5))
        cases.append(Case(f"seed {seed}, errors increasing",
                          tuple(float(e) for e in errors)))
        gaps = generator.uniform(-0.02, 0.05, size=4)
        errors = np.cumsum(np.concatenate([[0.02], gaps]))
        cases.append(Case(f"seed {seed}, some gaps negative",
                          tuple(float(e) for e in errors)))
    cases += [
        Case("test error the largest step", (0.5, 1.0, 1.5, 2.0, 4.0)),
        Case("all four gaps equal", (0.5, 1.0, 1.5, 2.0, 2.5)),
        Case("variance ties with mismatch", (0.0, 0.25, 0.75, 1.25, 1.0)),
        Case("training error below human level",
             (0.05, 0.0, 0.01, 0.03, 0.02)),
    ]
    return cases


def _network(seed, n_x, n_h):
    generator = rng(seed)
    return {"W1": generator.standard_normal((n_h, n_x)) / np.sqrt(n_x),
            "b1": 0.1 * generator.standard_normal((n_h, 1)),
            "W2": generator.standard_normal((1, n_h)) / np.sqrt(n_h),
            "b2": 0.1 * generator.standard_normal((1, 1))}


def _task(seed, n_x, n_h, m):
    generator = rng(seed + 100)
    X = generator.standard_normal((n_x, m))
    return _network(seed, n_x, n_h), X, labels(generator, m)


def _public_task():
    parameters = {"W1": np.array([[1.0, -1.0], [0.5, 2.0], [-1.0, 0.0]]),
                  "b1": np.array([[0.0], [-0.5], [0.5]]),
                  "W2": np.array([[0.5, -0.5, 1.0]]),
                  "b2": np.array([[0.1]])}
    X = np.array([[1.0, -2.0, 0.5, 0.0], [2.0, 0.5, -1.0, -0.5]])
    Y = np.array([[1.0, 0.0, 1.0, 0.0]])
    return parameters, X, Y


def _features_public():
    parameters, X, _ = _public_task()
    return [Case("n_h = 3, X (2, 4)", (parameters, X)),
            Case("another size: n_x = 3, n_h = 2, X (3, 5)",
                 _task(3, 3, 2, 5)[:2])]


def _features_hidden():
    cases = [Case(f"seed {seed}, n_x = {n_x}, n_h = {n_h}, m = {m}",
                  _task(seed, n_x, n_h, m)[:2])
             for seed in HIDDEN_SEEDS
             for n_x, n_h, m in ((3, 4, 6), (5, 7, 2))]
    cases.append(Case("a single example", _task(2, 4, 3, 1)[:2]))
    return cases


def _tune_public():
    return [Case("n_h = 3, 4 examples, 150 iterations, rate 0.5",
                 _public_task() + (150, 0.5)),
            Case("n_h = 3, 4 examples, 1 iteration, rate 0.5",
                 _public_task() + (1, 0.5)),
            Case("another size: n_x = 3, n_h = 2, 6 examples, "
                 "101 iterations, rate 0.4", _task(3, 3, 2, 6) + (101, 0.4))]


def _tune_hidden():
    cases = [Case(f"seed {seed}, n_x = {n_x}, n_h = {n_h}, m = {m}, "
                  f"{iterations} iterations",
                  _task(seed, n_x, n_h, m) + (iterations, 0.3))
             for seed in HIDDEN_SEEDS
             for n_x, n_h, m, iterations in ((3, 4, 8, 120),
                                             (6, 5, 5, 201))]
    cases.append(Case("a single example, 50 iterations",
                      _task(3, 2, 3, 1) + (50, 0.2)))
    return cases


SPECS = [
    FunctionSpec("tag_matrix", ("tags",), 1, _tag_public, _tag_hidden),
    FunctionSpec("error_analysis", ("report",), 2, _tally_public,
                 _tally_hidden,
                 separate=("report",)),
    FunctionSpec("diagnose_errors", ("diagnosis",), 2, _diagnose_public,
                 _diagnose_hidden,
                 types={"diagnosis": "number"}),
    FunctionSpec("hidden_features", ("A1",), 1, _features_public,
                 _features_hidden),
    FunctionSpec("fine_tune_last_layer", ("tuned", "costs"), 2,
                 _tune_public, _tune_hidden,
                 separate=("tuned",)),
]
