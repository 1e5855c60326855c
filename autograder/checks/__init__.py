"""Check specs: one module per assignment slug, each defining ``SPECS``.

Every module lists, for each graded function, its public cases (fixed
inputs whose outputs are frozen into the exercise) and its hidden cases
(randomized inputs compared against the reference at grading time: at
least three seeds, two shapes and the edge cases).
"""
import numpy as np

#: Seeds of the hidden randomized cases.
HIDDEN_SEEDS = (11, 23, 37)


def rng(seed):
    """Return a NumPy random generator for a case."""
    return np.random.default_rng(seed)


def labels(generator, m):
    """Random 0/1 labels of shape (1, m), with both classes when m > 1."""
    y = (generator.random((1, m)) > 0.5).astype(float)
    if m > 1:
        y[0, 0], y[0, 1] = 0.0, 1.0
    return y
