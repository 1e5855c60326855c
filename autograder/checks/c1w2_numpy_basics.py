"""Check specs for ``c1w2_numpy_basics``."""
import numpy as np

from autograder.checks import HIDDEN_SEEDS, rng
from autograder.spec import Case, FunctionSpec


def _arrays(shapes, scale=3.0, seeds=HIDDEN_SEEDS):
    """Hidden cases: one random normal array per seed and shape."""
    return [Case(f"seed {seed}, x {shape}",
                 (scale * rng(seed).standard_normal(shape),))
            for seed in seeds for shape in shapes]


def _sigmoid_public():
    return [Case("x = [1, 2, 3]", (np.array([1.0, 2.0, 3.0]),)),
            Case("x (2, 3) with negatives",
                 (np.array([[-2.0, 0.0, 0.5], [4.0, -1.5, 10.0]]),))]


def _sigmoid_hidden():
    return _arrays([(4,), (3, 5)]) + [
        Case("a single number", (0.25,)),
        Case("large |x|", (np.array([[-30.0, 30.0, 0.0]]),))]


def _image_public():
    image = np.arange(18, dtype=float).reshape(3, 3, 2) / 10
    return [Case("image (3, 3, 2)", (image,)),
            Case("another size: image (2, 4, 3)",
                 (np.arange(24.0).reshape(2, 4, 3) / 24,))]


def _image_hidden():
    return _arrays([(3, 4, 2), (2, 2, 3)]) + [
        Case("a 1x1x1 image", (np.array([[[0.5]]]),)),
        Case("a 5x1x3 image", (rng(5).random((5, 1, 3)),))]


def _rows_public():
    return [Case("x = [[0, 3, 4], [1, 6, 4]]",
                 (np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]]),)),
            Case("x (3, 3)", (np.array([[1.0, 2.0, 2.0], [3.0, 0.0, 4.0],
                                        [-1.0, 1.0, 1.0]]),))]


def _rows_hidden():
    return _arrays([(4, 3), (3, 3), (2, 6)]) + [
        Case("a single row", (np.array([[3.0, -4.0]]),))]


def _softmax_public():
    return [Case("x = [[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]",
                 (np.array([[9.0, 2.0, 5.0, 0.0, 0.0],
                            [7.0, 5.0, 0.0, 0.0, 0.0]]),)),
            Case("x (3, 3)", (np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0],
                                        [-1.0, 4.0, 0.5]]),))]


def _softmax_hidden():
    return _arrays([(2, 5), (4, 4), (3, 2)]) + [
        Case("a single row", (np.array([[0.5, -1.0, 2.0]]),))]


def _loss_public():
    return [Case("yhat = [.9, .2, .1, .4, .9], y = [1, 0, 0, 1, 1]",
                 (np.array([0.9, 0.2, 0.1, 0.4, 0.9]),
                  np.array([1.0, 0.0, 0.0, 1.0, 1.0]))),
            Case("yhat = [.3, .8, .6], y = [0, 1, 0]",
                 (np.array([0.3, 0.8, 0.6]), np.array([0.0, 1.0, 0.0])))]


def _loss_hidden():
    cases = []
    for seed in HIDDEN_SEEDS:
        for m in (6, 10):
            generator = rng(seed)
            yhat = generator.random(m)
            y = (generator.random(m) > 0.5).astype(float)
            cases.append(Case(f"seed {seed}, m = {m}", (yhat, y)))
    cases.append(Case("a single example", (np.array([0.7]),
                                           np.array([0.0]))))
    cases.append(Case("yhat above y everywhere",
                      (np.array([0.9, 0.8, 0.7]), np.array([0.0, 0.0, 0.0]))))
    return cases


SPECS = [
    FunctionSpec("sigmoid", ("s",), 1, _sigmoid_public, _sigmoid_hidden),
    FunctionSpec("sigmoid_derivative", ("ds",), 1, _sigmoid_public,
                 _sigmoid_hidden),
    FunctionSpec("image2vector", ("v",), 1, _image_public, _image_hidden),
    FunctionSpec("normalize_rows", ("x_normalized",), 1, _rows_public,
                 _rows_hidden),
    FunctionSpec("softmax", ("s",), 1, _softmax_public, _softmax_hidden),
    FunctionSpec("L1", ("loss",), 1, _loss_public, _loss_hidden),
    FunctionSpec("L2", ("loss",), 1, _loss_public, _loss_hidden),
]
