"""Where the generators of the course's data sets live.

Each generator sits in the helper module that an exercise folder carries
with its data, so that a folder downloaded on its own can regenerate its
files; this module only gathers them for the course repository:

- ``planar_flower``: ``autograder/data/planar_utils.py``;
- ``make_circles``, ``circles_dataset``: ``autograder/helpers/init_utils.py``;
- ``make_moons``: ``autograder/helpers/opt_utils.py``;
- ``cat_images``, ``cat_arrays``, ``CLASSES``: ``autograder/data/lr_utils.py``.

The planar flower, circles and moons draw from NumPy's legacy global
random state (``np.random.seed``) in a fixed order, so they reproduce the
original assignments' numbers bit for bit; each of them reseeds and
therefore changes the global state. The cat pictures use their own
``np.random.default_rng`` and leave the global state alone.
"""
from ..helpers.init_utils import circles_dataset, make_circles
from ..helpers.opt_utils import make_moons
from .lr_utils import CLASSES, cat_arrays, cat_images
from .planar_utils import planar_flower

__all__ = ["planar_flower", "make_circles", "make_moons", "circles_dataset",
           "moons_dataset", "cat_images", "cat_arrays", "CLASSES"]


def moons_dataset():
    """The optimisation assignment's moons: ``make_moons()``, 300 points,
    noise 0.2, seed 3; ``X`` (2, 300) float64, ``Y`` (1, 300) int64."""
    return make_moons()
