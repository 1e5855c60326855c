"""Find, write, check and load the course's data files; plot classifiers.

Every exercise folder that uses data carries this module and
``datasets_registry.json``, a copy of the course repository's
``datasets/registry.json``: the dtype, shape and SHA-256 of every array
of every data file. This module reads the checksums from that copy (or,
inside the course repository, from ``datasets/registry.json`` itself), so
the registry is their only source.

The data helpers of the exercises (``lr_utils``, ``planar_utils``,
``football``, ``init_utils``, ...) each hold the generator of their data
and call :func:`load_arrays`, which

1. looks for the file in the nearest ``datasets/`` folder, from the
   current folder upwards (:func:`find_data_dir`);
2. if there is none, runs the generator and writes ``./datasets/<file>``;
3. checks keys, dtypes, shapes and checksums before it returns anything,
   and raises :class:`DatasetError`, naming the file and the fix, if the
   file is unreadable or holds other data.

It also holds the drawing primitives of the synthetic pictures and
:func:`plot_decision_boundary`. It needs NumPy and h5py (matplotlib only
inside the plot); where h5py is missing, as in the browser (JupyterLite),
it reads the files with pyfive instead, checks included (writing still
needs h5py). Written for this course; MIT licence.
"""
import hashlib
import json
from pathlib import Path

import numpy as np

try:
    import h5py
except ImportError:  # in the browser (Pyodide): pyfive reads the files
    import pyfive as h5py

#: The copy of the registry that travels beside this module.
REGISTRY_COPY = "datasets_registry.json"

_registry = {}


class DatasetError(Exception):
    """A data file is missing, unreadable or not the expected data."""


# --- The registry -------------------------------------------------------

def registry_path():
    """The registry: the copy beside this module, else the repository's.

    Returns
    -------
    pathlib.Path
        ``datasets_registry.json`` next to this file, or the nearest
        ``datasets/registry.json`` above it (inside the course repository).
    """
    here = Path(__file__).resolve().parent
    if (here / REGISTRY_COPY).is_file():
        return here / REGISTRY_COPY
    for folder in here.parents:
        if (folder / "datasets" / "registry.json").is_file():
            return folder / "datasets" / "registry.json"
    raise DatasetError(f"{here / REGISTRY_COPY}: missing. Download the "
                       "exercise folder again: it holds this file.")


def expected_arrays(file_name):
    """What a data file must hold, according to the registry.

    Parameters
    ----------
    file_name : str
        For example ``"circles.h5"``.

    Returns
    -------
    dict
        Key -> ``{"dtype": str, "shape": list of int, "sha256": str}``.
    """
    if not _registry:
        _registry.update(json.loads(registry_path().read_text()))
    return _registry["files"][file_name]["arrays"]


def sha256(array):
    """SHA-256 hex digest of the bytes of ``array`` in C order."""
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


# --- Files --------------------------------------------------------------

def find_data_dir(file_name, start=None):
    """The nearest ``datasets/`` folder that holds ``file_name``, or None.

    Looks in ``start`` (default: the current folder) and every parent.
    """
    here = Path.cwd() if start is None else Path(start)
    for folder in (here, *here.resolve().parents):
        if (folder / "datasets" / file_name).is_file():
            return folder / "datasets"
    return None


def write_h5(path, arrays):
    """Write ``arrays`` (dict of ndarrays) to ``path`` with gzip, atomically.

    The folder is created if needed; a half-written file never remains.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with h5py.File(partial, "w") as f:
            for key, value in arrays.items():
                options = ({"compression": "gzip", "compression_opts": 9,
                            "shuffle": True} if value.ndim else {})
                f.create_dataset(key, data=value, **options)
        partial.replace(path)
    finally:
        if partial.exists():
            partial.unlink()


def fix_hint(path):
    """How to repair a bad data file, for the error messages."""
    return (f"Delete {path} and load the data again to regenerate it (in "
            "the course repository: `course datasets --force`).")


def check_arrays(arrays, file_name, source):
    """Raise DatasetError unless ``arrays`` are what the registry lists.

    Parameters
    ----------
    arrays : dict of ndarray
        Key -> array, as read from the file.
    file_name : str
        The registry entry to compare with.
    source : Path
        The file, named in the error message.
    """
    expected = expected_arrays(file_name)
    if set(arrays) != set(expected):
        raise DatasetError(f"{source}: wrong keys {sorted(arrays)}, "
                           f"expected {sorted(expected)}. "
                           f"{fix_hint(source)}")
    for key, meta in expected.items():
        array, shape = arrays[key], tuple(meta["shape"])
        if array.dtype.str != meta["dtype"] or array.shape != shape:
            raise DatasetError(f"{source}: array '{key}' is "
                               f"{array.dtype.str} {array.shape}, expected "
                               f"{meta['dtype']} {shape}. "
                               f"{fix_hint(source)}")
        if sha256(array) != meta["sha256"]:
            raise DatasetError(f"{source}: checksum mismatch for array "
                               f"'{key}'. {fix_hint(source)}")


def read_checked(path):
    """Read an HDF5 data file and check it against the registry.

    Parameters
    ----------
    path : str or Path
        Its name (``circles.h5``, ...) picks the registry entry.

    Returns
    -------
    dict of ndarray
        Key -> array, shapes as in the registry.

    Raises
    ------
    DatasetError
        If the file is unreadable or holds other data.
    """
    path = Path(path)
    try:
        with h5py.File(path, "r") as f:
            arrays = {key: f[key][()] for key in f.keys()}
    except Exception as exc:  # h5py raises OSError, KeyError, ...
        raise DatasetError(f"{path}: unreadable ({exc}). "
                           f"{fix_hint(path)}") from exc
    check_arrays(arrays, path.name, path)
    return arrays


def keeping_random_state(make_arrays):
    """Call ``make_arrays()`` and restore NumPy's global random state."""
    state = np.random.get_state()
    try:
        return make_arrays()
    finally:
        np.random.set_state(state)


def load_arrays(file_name, make_arrays, data_dir=None):
    """Load a data file, generating it first if there is none.

    Parameters
    ----------
    file_name : str
        For example ``"circles.h5"``.
    make_arrays : callable
        Returns the file's arrays (dict); called, with NumPy's global
        random state kept, only when the file does not exist.
    data_dir : str or Path, optional
        Folder of the file. By default the nearest ``datasets/`` that
        holds it (:func:`find_data_dir`), else ``./datasets`` (created).

    Returns
    -------
    dict of ndarray
        Key -> array, checked against the registry.

    Raises
    ------
    DatasetError
        If the file is unreadable or holds other data, naming the file
        and the fix.
    """
    if data_dir is None:
        data_dir = find_data_dir(file_name) or Path.cwd() / "datasets"
    path = Path(data_dir) / file_name
    if path.exists():
        return read_checked(path)
    write_h5(path, keeping_random_state(make_arrays))
    try:
        return read_checked(path)
    except DatasetError as exc:
        path.unlink()
        raise DatasetError(f"{path}: freshly generated, but not the "
                           f"course's data: this NumPy ({np.__version__}) "
                           "draws other numbers. Install the NumPy version "
                           "of the course's requirements.") from exc


# --- Picture sets in two files, train and test -------------------------

def split_arrays(split, draw_pictures, classes):
    """The arrays of one split's file, keyed as in the original loaders.

    Parameters
    ----------
    split : {"train", "test"}
    draw_pictures : callable
        ``draw_pictures(split)`` returns the pictures ``x`` of shape
        (m, side, side, 3), uint8, and their labels ``y`` of shape (m,).
    classes : ndarray, shape (n_classes,)
        Class names or numbers, index = label.

    Returns
    -------
    dict
        ``{split}_set_x``, ``{split}_set_y`` and ``list_classes``.
    """
    x, y = draw_pictures(split)
    return {f"{split}_set_x": x, f"{split}_set_y": y,
            "list_classes": np.array(classes)}


def load_picture_splits(file_names, draw_pictures, classes, data_dir=None):
    """Load (and if needed generate) the two files of a picture set.

    Parameters
    ----------
    file_names : dict
        ``{"train": file name, "test": file name}``.
    draw_pictures, classes
        See :func:`split_arrays`.
    data_dir : str or Path, optional
        See :func:`load_arrays`.

    Returns
    -------
    train_set_x_orig : ndarray, shape (m_train, side, side, 3), uint8
    train_set_y : ndarray, shape (1, m_train)
    test_set_x_orig : ndarray, shape (m_test, side, side, 3), uint8
    test_set_y : ndarray, shape (1, m_test)
    classes : ndarray, shape (n_classes,)
    """
    train, test = (
        load_arrays(file_names[split],
                    lambda: split_arrays(split, draw_pictures, classes),
                    data_dir)
        for split in ("train", "test"))
    return (train["train_set_x"], train["train_set_y"].reshape(1, -1),
            test["test_set_x"], test["test_set_y"].reshape(1, -1),
            train["list_classes"])


# --- A step of the point-cloud generators -----------------------------

def shuffle_then_noise(points, labels, noise):
    """Shuffle rows with NumPy's global random state, then add noise.

    The last step of the circles and the moons generators (the algorithm
    of scikit-learn's): one ``np.random.shuffle`` of the row order, then
    ``np.random.normal(scale=noise)`` added to every coordinate.

    Parameters
    ----------
    points : ndarray, shape (n, 2)
    labels : ndarray, shape (n,)
    noise : float
        Standard deviation of the noise.

    Returns
    -------
    X : ndarray, shape (2, n), float64
    Y : ndarray, shape (1, n)
    """
    order = np.arange(len(labels))
    np.random.shuffle(order)
    points, labels = points[order], labels[order]
    points = points + np.random.normal(scale=noise, size=points.shape)
    return points.T, labels.reshape(1, -1)


# --- Drawing primitives of the synthetic pictures -----------------------

def pixel_grid(side):
    """Pixel-centre coordinates ``(x, y)``, each of shape (side, side).

    ``x`` grows to the right and ``y`` downwards.
    """
    coords = np.arange(side, dtype=np.float64)
    return np.meshgrid(coords, coords)


def rotated_frame(x, y, cx, cy, angle):
    """Coordinates in a frame centred on (cx, cy) and rotated by ``angle``.

    Parameters
    ----------
    x, y : ndarray, shape (side, side)
        Pixel coordinates.
    cx, cy, angle : float
        Centre in pixels and rotation in radians.

    Returns
    -------
    u, v : ndarray, shape (side, side)
    """
    c, s = np.cos(angle), np.sin(angle)
    dx, dy = x - cx, y - cy
    return c * dx + s * dy, -s * dx + c * dy


def ellipse_distance(u, v, a, b):
    """Approximate signed distance to an ellipse with semi-axes a, b."""
    return (np.sqrt((u / a) ** 2 + (v / b) ** 2) - 1.0) * min(a, b)


def paint(picture, distance, colour, opacity=1.0, edge=1.0):
    """Blend ``colour`` into ``picture`` where ``distance`` < 0, in place.

    Parameters
    ----------
    picture : ndarray, shape (side, side, 3)
        RGB values in about [0, 1].
    distance : ndarray, shape (side, side)
        Signed distance to the shape in pixels, negative inside.
    colour : ndarray, shape (3,)
    opacity : float
        1 covers the picture, less lets it show through.
    edge : float
        Width of the soft edge, in pixels.
    """
    alpha = opacity * np.clip(0.5 - distance / edge, 0.0, 1.0)[..., None]
    picture *= 1.0 - alpha
    picture += alpha * colour


# --- Plotting -----------------------------------------------------------

def plot_decision_boundary(predict_labels, X, y, ax=None, title=None,
                           limits=None, margin=0.5, steps=300):
    """Shade the plane by a classifier's answer and draw the points on top.

    Parameters
    ----------
    predict_labels : callable
        Takes points of shape (2, k), one per column, and returns their k
        labels 0/1 (any shape with k entries, booleans allowed).
    X : ndarray, shape (2, m)
        The points, one per column.
    y : ndarray, shape (1, m) or (m,)
        Their labels, 0 (red) or 1 (blue).
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure.
    title : str, optional
    limits : tuple of float, optional
        ``(x_min, x_max, y_min, y_max)``; by default the points' range
        widened by ``margin`` on every side.
    margin : float
        See ``limits``.
    steps : int
        Grid points along each axis.

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4.5))
    if limits is None:
        limits = (X[0].min() - margin, X[0].max() + margin,
                  X[1].min() - margin, X[1].max() + margin)
    x_min, x_max, y_min, y_max = limits
    grid_x, grid_y = np.meshgrid(np.linspace(x_min, x_max, steps),
                                 np.linspace(y_min, y_max, steps))
    grid = np.vstack([grid_x.ravel(), grid_y.ravel()])
    answer = np.asarray(predict_labels(grid), dtype=float)
    answer = answer.reshape(grid_x.shape)
    ax.contourf(grid_x, grid_y, answer, levels=[-0.5, 0.5, 1.5],
                cmap=ListedColormap(["#F6D5C3", "#C6DDEE"]))
    if answer.min() < 0.5 < answer.max():  # else there is no boundary
        ax.contour(grid_x, grid_y, answer, levels=[0.5], colors="0.35",
                   linewidths=1)
    labels = np.asarray(y).reshape(-1)
    for value, colour in ((0, "#D55E00"), (1, "#0072B2")):
        chosen = labels == value
        ax.scatter(X[0, chosen], X[1, chosen], s=12, color=colour,
                   edgecolors="white", linewidths=0.3, label=f"y = {value}")
    ax.set(xlim=(x_min, x_max), ylim=(y_min, y_max), xlabel="$x_1$",
           ylabel="$x_2$")
    if title:
        ax.set_title(title)
    return ax
