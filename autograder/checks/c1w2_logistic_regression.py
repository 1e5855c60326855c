"""Check specs for ``c1w2_logistic_regression``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, labels, rng
from autograder.checks.c1w2_numpy_basics import SPECS as BASICS
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the data helper.
HELPER_FILES = {"lr_utils.py": "autograder/data/lr_utils.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}

#: (n_x, m) of the hidden cases; m = 1 is the single-example edge case.
SHAPES = ((4, 7), (6, 3), (3, 1))


def _problem(seed, n_x, m):
    """Random parameters and data: w (n_x, 1), b, X (n_x, m), Y (1, m)."""
    generator = rng(seed)
    w = 0.5 * generator.standard_normal((n_x, 1))
    b = float(generator.standard_normal())
    X = generator.standard_normal((n_x, m))
    return w, b, X, labels(generator, m)


def _public_problem():
    """A small fixed problem: w (2, 1), b, X (2, 4), Y (1, 4)."""
    w = np.array([[0.5], [-1.0]])
    X = np.array([[1.0, -2.0, 0.5, 3.0], [2.0, 0.5, -1.5, 1.0]])
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    return w, 0.5, X, Y


def _init_public():
    return [Case("dim = 2", (2,)), Case("dim = 5", (5,))]


def _init_hidden():
    return [Case(f"dim = {dim}", (dim,)) for dim in (1, 3, 12288)]


def _propagate_public():
    return [Case("w (2, 1), X (2, 4)", _public_problem()),
            Case("another size: w (3, 1), X (3, 5)", _problem(3, 3, 5))]


def _hidden(shapes=SHAPES):
    return [(f"seed {seed}, X {(n_x, m)}", _problem(seed, n_x, m))
            for seed in HIDDEN_SEEDS for n_x, m in shapes]


def _propagate_hidden():
    cases = [Case(label, problem) for label, problem in _hidden()]
    w, b, X, Y = _problem(5, 3, 5)
    cases.append(Case("w = 0, b = 0 (cost ln 2)", (0 * w, 0.0, X, Y)))
    return cases


def _optimize_public():
    return [Case("100 iterations, learning rate 0.1",
                 _public_problem() + (100, 0.1)),
            Case("201 iterations, learning rate 0.5, printing",
                 _public_problem() + (201, 0.5),
                 {"print_cost": True})]


def _optimize_hidden():
    cases = [Case(f"{label}, 150 iterations", problem + (150, 0.05))
             for label, problem in _hidden()]
    label, problem = _hidden()[0]
    cases.append(Case(f"{label}, 301 iterations, printing",
                      problem + (301, 0.2), {"print_cost": True}))
    cases.append(Case(f"{label}, 1 iteration", problem + (1, 0.3)))
    return cases


def _predict_public():
    w, b, X, _ = _public_problem()
    return [Case("w (2, 1), X (2, 4)", (w, b, X)),
            Case("w (2, 1), b = 1.75, X (2, 4)", (w, 1.75, X)),
            Case("w = 0, b = 0 (every probability is exactly 0.5)",
                 (np.zeros((2, 1)), 0.0, X)),
            Case("another size: w (3, 1), X (3, 5)", _problem(3, 3, 5)[:3])]


def _predict_hidden():
    cases = [Case(label, problem[:3]) for label, problem in _hidden()]
    w, _, X, _ = _problem(7, 4, 6)
    cases.append(Case("probabilities exactly 0.5", (0 * w, 0.0, X)))
    cases.append(Case("w given as a row (1, n_x)", (w.T, 0.1, X)))
    return cases


def _model_data(seed, n_x, m_train, m_test):
    """Two linearly separable-ish sets: X (n_x, m), Y (1, m)."""
    generator = rng(seed)
    direction = generator.standard_normal((n_x, 1))
    X = generator.standard_normal((n_x, m_train + m_test))
    Y = (direction.T @ X + 0.5 * generator.standard_normal((1, X.shape[1]))
         > 0).astype(float)
    return (X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:])


def _model_public():
    return [Case("n_x = 3, 12 train and 5 test examples",
                 _model_data(1, 3, 12, 5),
                 {"num_iterations": 200, "learning_rate": 0.1}),
            Case("another size: n_x = 2, 7 train and 3 test examples, "
                 "101 iterations, printing", _model_data(2, 2, 7, 3),
                 {"num_iterations": 101, "learning_rate": 0.2,
                  "print_cost": True})]


def _model_hidden():
    cases = [Case(f"seed {seed}, n_x = {n_x}, {m} train examples",
                  _model_data(seed, n_x, m, 6),
                  {"num_iterations": iterations, "learning_rate": rate})
             for seed in HIDDEN_SEEDS
             for n_x, m, iterations, rate in ((4, 20, 150, 0.05),
                                              (2, 9, 101, 0.3))]
    # print_cost is passed on to optimize; the default learning rate
    cases.append(Case("n_x = 3, 10 train examples, 201 iterations, "
                      "default learning rate, printing",
                      _model_data(5, 3, 10, 4),
                      {"num_iterations": 201, "print_cost": True}))
    return cases


SIGMOID = next(spec for spec in BASICS if spec.name == "sigmoid")

SPECS = [
    SIGMOID,
    FunctionSpec("initialize_with_zeros", ("w", "b"), 1, _init_public,
                 _init_hidden,
                 types={"b": "number"}),
    FunctionSpec("propagate", ("grads", "cost"), 3, _propagate_public,
                 _propagate_hidden),
    FunctionSpec("optimize", ("params", "grads", "costs"), 2,
                 _optimize_public, _optimize_hidden, check_printed=True,
                 separate=("params", "grads")),
    FunctionSpec("predict", ("Y_prediction",), 1, _predict_public,
                 _predict_hidden),
    FunctionSpec("model", ("d",), 2, _model_public, _model_hidden,
                 check_printed=True,
                 separate=("d",)),
]
