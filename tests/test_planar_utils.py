"""The standalone planar_utils helper: flower data, extra sets, plots."""
import ast
import shutil

import h5py
import numpy as np
import pytest

from autograder import ROOT
from autograder.data import generators, planar_utils, store
from autograder.helpers import course_data


def test_planar_utils_imports_only_numpy_and_course_data():
    """Can planar_utils be copied next to a notebook (no autograder
    import), with its sibling course_data.py?"""
    tree = ast.parse(open(planar_utils.__file__).read())
    top_level = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import):
                top_level |= {alias.name.split(".")[0]
                              for alias in inner.names}
            elif isinstance(inner, ast.ImportFrom) and not inner.level:
                top_level.add((inner.module or ".").split(".")[0])
    assert top_level <= {"numpy", "course_data"}


def test_generators_use_the_helpers_flower():
    """Is there one flower formula, the helper's, behind the data package?"""
    assert generators.planar_flower is planar_utils.planar_flower


def test_generates_when_no_file_is_found(tmp_path, monkeypatch):
    """In an empty folder, does the loader generate the flower, write
    ./datasets/planar_flower.h5, and leave NumPy's global random state
    alone?"""
    monkeypatch.chdir(tmp_path)
    assert course_data.find_data_dir(planar_utils.FLOWER_FILE) is None
    np.random.seed(42)
    X, Y = planar_utils.load_planar_dataset()
    after = np.random.randn()
    np.random.seed(42)
    assert after == np.random.randn()
    assert (X.shape, X.dtype, Y.shape, Y.dtype) == (
        (2, 400), np.float64, (1, 400), np.uint8)
    assert Y.sum() == 200
    assert (tmp_path / "datasets" / "planar_flower.h5").is_file()


def test_reads_the_file_found_in_a_parent_folder(tmp_path, monkeypatch):
    """From solutions/<slug>/, does the loader read ../../datasets/?"""
    (tmp_path / "datasets").mkdir()
    X, Y = planar_utils.planar_flower()
    with h5py.File(tmp_path / "datasets" / "planar_flower.h5", "w") as f:
        f["X"], f["Y"] = X, Y
    folder = tmp_path / "solutions" / "c1w3_planar_classification"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    assert course_data.find_data_dir(planar_utils.FLOWER_FILE) == \
        tmp_path / "datasets"
    X2, Y2 = planar_utils.load_planar_dataset()
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)


def test_rejects_a_file_with_changed_labels(tmp_path):
    """Does a flower file with one flipped label fail its checksum?"""
    X, Y = planar_utils.planar_flower()
    Y = Y.copy()
    Y[0, 0] = 1
    with h5py.File(tmp_path / "planar_flower.h5", "w") as f:
        f["X"], f["Y"] = X, Y
    with pytest.raises(course_data.DatasetError,
                       match="planar_flower.h5.*checksum.*'Y'"):
        planar_utils.load_planar_dataset(tmp_path)


def test_rejects_an_unreadable_file(tmp_path):
    """Is a file that is not HDF5 reported with its name?"""
    (tmp_path / "planar_flower.h5").write_bytes(b"not an HDF5 file")
    with pytest.raises(course_data.DatasetError,
                       match="planar_flower.h5: unreadable"):
        planar_utils.load_planar_dataset(tmp_path)


def test_reads_the_repository_copy():
    """Does the course's own datasets/planar_flower.h5 pass the checks?"""
    if not (store.DATA_DIR / "planar_flower.h5").is_file():
        pytest.skip("run `course datasets` first")
    X, Y = planar_utils.load_planar_dataset(store.DATA_DIR)
    assert X.shape == (2, 400)


def test_extra_datasets_shapes_and_labels():
    """Are the five extra sets (2, 200) / (1, 200), with both classes?"""
    sets = planar_utils.load_extra_datasets()
    assert list(sets) == ["noisy_circles", "noisy_moons", "blobs",
                          "gaussian_quantiles", "no_structure"]
    for name, (X, Y) in sets.items():
        assert X.shape == (2, 200) and Y.shape == (1, 200), name
        assert set(np.unique(Y % 2)) == {0, 1}, name
    assert set(np.unique(sets["blobs"][1])) == set(range(6))
    assert sets["gaussian_quantiles"][1].sum() == 100


def test_extra_datasets_are_reproducible_and_leave_the_global_state():
    """Do two calls give the same points, without touching np.random?"""
    np.random.seed(7)
    first = planar_utils.load_extra_datasets()
    after = np.random.rand()
    np.random.seed(7)
    assert np.random.rand() == after
    second = planar_utils.load_extra_datasets()
    for name in first:
        assert np.array_equal(first[name][0], second[name][0])


def test_circles_are_two_rings():
    """Are the inner ring's points about half as far out as the outer's?"""
    X, Y = planar_utils.load_extra_datasets()["noisy_circles"]
    radius = np.linalg.norm(X, axis=0)
    assert np.median(radius[Y[0] == 1]) == pytest.approx(0.5, abs=0.2)
    assert np.median(radius[Y[0] == 0]) == pytest.approx(1.0, abs=0.2)


def test_plot_decision_boundary_shades_by_the_model():
    """Does the plot shade the plane and draw one scatter per class?"""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    X, Y = planar_utils.planar_flower()
    seen = []

    def left_or_right(points):
        seen.append(points.shape)
        return points[:, 0] > 0

    fig, ax = plt.subplots()
    planar_utils.plot_decision_boundary(left_or_right, X, Y, ax=ax,
                                        steps=50)
    assert seen == [(2500, 2)]  # one point per row, as documented
    assert len(ax.collections) >= 3
    assert ax.get_xlim()[0] < X[0].min()
    plt.close(fig)


def test_copied_helper_runs_alone(tmp_path):
    """Does a copy of planar_utils.py, with course_data.py and the
    registry's copy beside it, work from an unrelated folder?"""
    import subprocess
    import sys

    shutil.copy(planar_utils.__file__, tmp_path / "planar_utils.py")
    shutil.copy(course_data.__file__, tmp_path / "course_data.py")
    shutil.copy(ROOT / "datasets" / "registry.json",
                tmp_path / course_data.REGISTRY_COPY)
    code = ("import planar_utils as p; X, Y = p.load_planar_dataset(); "
            "print(X.shape, int(Y.sum()))")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(2, 400) 200"
