"""Check specs for ``c1w4_deep_nn_application``.

The graded functions train whole networks, so every case uses a small
network on a small random problem and a few hundred iterations at most:
each case runs in milliseconds. The pictures are only used by the
notebook itself.
"""
from autograder.checks import HIDDEN_SEEDS, labels, rng
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: the activations, the
#: building blocks (which import the activations) and the cat pictures.
HELPER_FILES = {"dnn_utils.py": "autograder/helpers/dnn_utils.py",
                "dnn_app_utils.py": "autograder/helpers/dnn_app_utils.py",
                "lr_utils.py": "autograder/data/lr_utils.py",
                "small_nets.py": "autograder/helpers/small_nets.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}


def _problem(seed, n_x, m):
    """Pixel-like inputs X (n_x, m) in [0, 1] and labels Y (1, m).

    The labels depend on the inputs (a random linear rule), so training
    makes progress and the cost falls.
    """
    generator = rng(seed)
    X = generator.uniform(0.0, 1.0, (n_x, m))
    direction = generator.standard_normal((1, n_x))
    Y = (direction @ (X - 0.5) > 0).astype(float)
    if m > 1:
        Y[0, :2] = [0.0, 1.0]
    return X, Y


def _single_example(seed, n_x):
    generator = rng(seed)
    return generator.uniform(0.0, 1.0, (n_x, 1)), labels(generator, 1)


# --- two_layer_model --------------------------------------------------------

def _two_layer_public():
    X, Y = _problem(1, 6, 10)
    X_other, Y_other = _problem(3, 4, 7)
    return [Case("layers (6, 4, 1), 10 examples, 201 iterations, printing",
                 (X, Y, (6, 4, 1)),
                 {"learning_rate": 0.5, "num_iterations": 201,
                  "print_cost": True}),
            Case("another size: layers (4, 3, 1), 7 examples, "
                 "101 iterations", (X_other, Y_other, (4, 3, 1)),
                 {"learning_rate": 0.3, "num_iterations": 101})]


def _two_layer_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        X, Y = _problem(seed, 8, 12)
        cases.append(Case(f"seed {seed}, layers (8, 5, 1), 12 examples, "
                          f"301 iterations, printing", (X, Y, (8, 5, 1)),
                          {"learning_rate": 0.4, "num_iterations": 301,
                           "print_cost": True}))
        X, Y = _problem(seed, 5, 7)
        cases.append(Case(f"seed {seed}, layers (5, 2, 1), 7 examples, "
                          f"150 iterations", (X, Y, (5, 2, 1)),
                          {"learning_rate": 1.0, "num_iterations": 150}))
    X, Y = _single_example(5, 4)
    cases.append(Case("a single example, layers (4, 3, 1), 20 iterations",
                      (X, Y, (4, 3, 1)),
                      {"learning_rate": 0.3, "num_iterations": 20}))
    X, Y = _problem(6, 4, 5)
    cases.append(Case("layers (4, 3, 1), 1 iteration, default rate",
                      (X, Y, (4, 3, 1)), {"num_iterations": 1}))
    return cases


# --- L_layer_model ----------------------------------------------------------

def _L_layer_public():
    X, Y = _problem(2, 6, 10)
    X_other, Y_other = _problem(4, 5, 8)
    return [Case("layers [6, 4, 3, 1], 10 examples, 201 iterations, "
                 "printing", (X, Y, [6, 4, 3, 1]),
                 {"learning_rate": 0.3, "num_iterations": 201,
                  "print_cost": True}),
            Case("another depth: layers [5, 3, 1], 8 examples, "
                 "101 iterations", (X_other, Y_other, [5, 3, 1]),
                 {"learning_rate": 0.5, "num_iterations": 101})]


def _L_layer_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        X, Y = _problem(seed, 8, 12)
        cases.append(Case(f"seed {seed}, layers [8, 6, 4, 3, 1], "
                          f"12 examples, 301 iterations, printing",
                          (X, Y, [8, 6, 4, 3, 1]),
                          {"learning_rate": 0.2, "num_iterations": 301,
                           "print_cost": True}))
        X, Y = _problem(seed, 5, 9)
        cases.append(Case(f"seed {seed}, layers [5, 3, 1], 9 examples, "
                          f"120 iterations", (X, Y, [5, 3, 1]),
                          {"learning_rate": 0.5, "num_iterations": 120}))
    X, Y = _problem(7, 4, 6)
    cases.append(Case("layers [4, 1] (logistic regression), 50 iterations",
                      (X, Y, [4, 1]),
                      {"learning_rate": 0.8, "num_iterations": 50}))
    X, Y = _single_example(8, 3)
    cases.append(Case("a single example, layers [3, 2, 2, 1], 1 iteration, "
                      "default rate", (X, Y, [3, 2, 2, 1]),
                      {"num_iterations": 1}))
    return cases


SPECS = [
    FunctionSpec("two_layer_model", ("parameters", "costs"), 2,
                 _two_layer_public, _two_layer_hidden, check_printed=True,
                 separate=("parameters",)),
    FunctionSpec("L_layer_model", ("parameters", "costs"), 2,
                 _L_layer_public, _L_layer_hidden, check_printed=True,
                 separate=("parameters",)),
]
