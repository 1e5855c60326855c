"""Pure-NumPy generators of the course's data sets.

The planar flower, circles and moons sets draw from NumPy's legacy global
random state (``np.random.seed`` / ``RandomState``) in a fixed order, so
they reproduce the original assignments' numbers bit for bit. Each of them
reseeds and therefore changes the global state, as the original loaders
did. The cat pictures use their own ``np.random.default_rng`` and leave the
global state alone; that code lives in ``lr_utils`` (see there). The
flower's formula lives in ``planar_utils``, which an exercise folder
carries on its own; it is imported from there.
"""
import numpy as np

from .lr_utils import CLASSES, cat_arrays, cat_images
from .planar_utils import planar_flower

__all__ = ["planar_flower", "make_circles", "make_moons", "circles_dataset",
           "moons_dataset", "cat_images", "cat_arrays", "CLASSES"]


def _shuffle_then_noise(points, labels, noise):
    """Shuffle rows with the global RandomState, then add normal noise.

    Parameters
    ----------
    points : ndarray, shape (n, 2)
    labels : ndarray, shape (n,)
    noise : float
        Standard deviation of the noise.

    Returns
    -------
    X : ndarray, shape (2, n), float64
    Y : ndarray, shape (1, n), int64
    """
    order = np.arange(len(labels))
    np.random.shuffle(order)
    points, labels = points[order], labels[order]
    points = points + np.random.normal(scale=noise, size=points.shape)
    return points.T, labels.reshape(1, -1)


def _labels(n_first, n_second):
    """``n_first`` zeros then ``n_second`` ones, shape (n,), int64."""
    return np.concatenate([np.zeros(n_first, np.int64), np.ones(n_second, np.int64)])


def make_circles(n, noise, factor, seed):
    """Two noisy concentric circles (the algorithm of scikit-learn's).

    Parameters
    ----------
    n : int
        Number of points; ``n // 2`` on the outer circle, the rest inside.
    noise : float
        Standard deviation of the Gaussian noise added to every coordinate.
    factor : float
        Radius of the inner circle (the outer one has radius 1).
    seed : int or None
        Passed to ``np.random.seed`` first; None keeps the current state.

    Returns
    -------
    X : ndarray, shape (2, n), float64
    Y : ndarray, shape (1, n), int64
        0 for the outer circle, 1 for the inner one.
    """
    if seed is not None:
        np.random.seed(seed)
    n_out = n // 2
    n_in = n - n_out
    rings = []
    for count, radius in ((n_out, 1.0), (n_in, factor)):
        angle = np.linspace(0, 2 * np.pi, count, endpoint=False)
        rings.append(np.column_stack([np.cos(angle), np.sin(angle)]) * radius)
    return _shuffle_then_noise(np.vstack(rings), _labels(n_out, n_in), noise)


def make_moons(n, noise, seed):
    """Two interleaving half circles (the algorithm of scikit-learn's).

    Parameters
    ----------
    n : int
        Number of points; ``n // 2`` on the upper moon, the rest below.
    noise : float
        Standard deviation of the Gaussian noise added to every coordinate.
    seed : int or None
        Passed to ``np.random.seed`` first; None keeps the current state.

    Returns
    -------
    X : ndarray, shape (2, n), float64
    Y : ndarray, shape (1, n), int64
        0 for the upper moon, 1 for the lower one.
    """
    if seed is not None:
        np.random.seed(seed)
    n_out = n // 2
    n_in = n - n_out
    upper = np.linspace(0, np.pi, n_out)
    lower = np.linspace(0, np.pi, n_in)
    points = np.vstack([
        np.column_stack([np.cos(upper), np.sin(upper)]),
        np.column_stack([1 - np.cos(lower), 1 - np.sin(lower) - 0.5]),
    ])
    return _shuffle_then_noise(points, _labels(n_out, n_in), noise)


def circles_dataset():
    """The initialisation assignment's circles: noise 0.05, factor 0.8.

    Returns
    -------
    train_X : ndarray, shape (2, 300), float64
        Drawn after ``np.random.seed(1)``.
    train_Y : ndarray, shape (1, 300), int64
    test_X : ndarray, shape (2, 100), float64
        Drawn after ``np.random.seed(2)``.
    test_Y : ndarray, shape (1, 100), int64
    """
    train_X, train_Y = make_circles(300, noise=0.05, factor=0.8, seed=1)
    test_X, test_Y = make_circles(100, noise=0.05, factor=0.8, seed=2)
    return train_X, train_Y, test_X, test_Y


def moons_dataset():
    """The optimisation assignment's moons: 300 points, noise 0.2, seed 3.

    Returns
    -------
    X : ndarray, shape (2, 300), float64
    Y : ndarray, shape (1, 300), int64
    """
    return make_moons(300, noise=0.2, seed=3)
