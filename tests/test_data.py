"""Tests of the data sets: generators, registry, files and error messages."""
import ast
import shutil
import subprocess
import sys

import h5py
import numpy as np
import pytest

from autograder import ROOT, data
from autograder.assignment import Assignment
from autograder.data import DatasetError, generators, lr_utils, store
from autograder.helpers import course_data

CAT_FILES = ("train_catvnoncat.h5", "test_catvnoncat.h5")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A folder holding freshly generated copies of every data file."""
    folder = tmp_path_factory.mktemp("datasets")
    data.ensure_all(data_dir=folder)
    return folder


@pytest.fixture
def copy_of(generated, tmp_path):
    """Copy one generated file into an empty folder; returns the folder."""
    def _copy(name):
        shutil.copy(generated / name, tmp_path / name)
        return tmp_path
    return _copy


# --- planar flower ---------------------------------------------------------

def test_flower_first_points_match_the_course():
    """Does the flower reproduce the course's first two points?"""
    X, _ = generators.planar_flower()
    expected = [[1.20444229, 0.1587099], [3.57611415, -1.4821709]]
    np.testing.assert_allclose(X[:, :2], expected, atol=1e-7)


def test_flower_range_is_about_minus_4_2_to_4_1():
    """Does the flower span about [-4.2, 4.1], reaching far on both axes?"""
    X, _ = generators.planar_flower()
    assert X.min() == pytest.approx(-4.2, abs=0.05)
    assert X.max() == pytest.approx(4.1, abs=0.05)
    assert np.all(X.min(axis=1) < -3.9) and np.all(X.max(axis=1) > 3.9)


def test_flower_shapes_dtypes_and_balance():
    """Is the flower (2, 400) floats and (1, 400) uint8 with 200 per class?"""
    X, Y = generators.planar_flower()
    assert (X.shape, X.dtype, Y.shape, Y.dtype) == (
        (2, 400), np.float64, (1, 400), np.uint8)
    assert Y[0, :200].sum() == 0 and Y[0, 200:].sum() == 200


# --- circles and moons -----------------------------------------------------

def test_circles_first_points_and_labels():
    """Do the first train circles match what sklearn's algorithm gives?"""
    train_X, train_Y, _, _ = generators.circles_dataset()
    np.testing.assert_allclose(train_X[:, :2].T,
                               [[-0.077414, 0.852602], [0.43187, -0.872145]],
                               atol=1e-5)
    assert train_Y[0, :5].tolist() == [1, 0, 1, 1, 0]


def test_circles_shapes_and_balance():
    """Are the circles 300 train and 100 test points, half in each class?"""
    train_X, train_Y, test_X, test_Y = generators.circles_dataset()
    shapes = [a.shape for a in (train_X, train_Y, test_X, test_Y)]
    assert shapes == [(2, 300), (1, 300), (2, 100), (1, 100)]
    assert (train_Y.mean(), test_Y.mean()) == (0.5, 0.5)


def test_circles_test_split_differs_from_train():
    """Is the test split a fresh draw (seed 2), not the train points again?"""
    train_X, _, test_X, _ = generators.circles_dataset()
    assert not np.allclose(train_X[:, :100], test_X)


def test_moons_first_points_and_labels():
    """Do the first moons match the values sklearn's algorithm gives?"""
    X, Y = generators.moons_dataset()
    np.testing.assert_allclose(X[:, :2].T, [[-0.21687, 1.015449],
                                            [0.80505, -0.557973]], atol=1e-5)
    assert Y[0, :5].tolist() == [0, 1, 1, 1, 0]


def test_moons_shapes_and_balance():
    """Are the moons (2, 300) and (1, 300) with 150 points per class?"""
    X, Y = generators.moons_dataset()
    assert (X.shape, Y.shape, int(Y.sum())) == ((2, 300), (1, 300), 150)


def test_shuffle_keeps_points_and_labels_together():
    """Without noise, is every shuffled point on the circle of its label?"""
    X, Y = generators.make_circles(40, noise=0.0, factor=0.5, seed=0)
    radius = np.hypot(*X)
    np.testing.assert_allclose(radius, np.where(Y[0] == 1, 0.5, 1.0))
    assert Y[0, :20].sum() not in (0, 20)  # the labels really were shuffled


# --- cat pictures ----------------------------------------------------------

def test_cat_loader_shapes_and_dtypes(generated):
    """Does load_cat_dataset give the course loader's shapes and dtypes?"""
    x_train, y_train, x_test, y_test, classes = data.load_cat_dataset(
        generated)
    assert (x_train.shape, x_train.dtype) == ((209, 64, 64, 3), np.uint8)
    assert (x_test.shape, x_test.dtype) == ((50, 64, 64, 3), np.uint8)
    assert (y_train.shape, y_test.shape) == ((1, 209), (1, 50))
    assert y_train.dtype == np.int64
    assert classes.tolist() == [b"non-cat", b"cat"]


def test_cat_files_keep_the_original_keys(generated):
    """Do the HDF5 files use train_set_x / train_set_y / list_classes keys?"""
    with h5py.File(generated / "train_catvnoncat.h5") as f:
        assert sorted(f) == ["list_classes", "train_set_x", "train_set_y"]
    with h5py.File(generated / "test_catvnoncat.h5") as f:
        assert sorted(f) == ["list_classes", "test_set_x", "test_set_y"]


def test_both_classes_present_in_each_split(generated):
    """Does each split hold cats and non-cats, and nothing but 0 and 1?"""
    _, y_train, _, y_test, _ = data.load_cat_dataset(generated)
    for y in (y_train, y_test):
        assert set(np.unique(y)) == {0, 1}
        assert 0.3 < y.mean() < 0.7


def test_cat_pictures_are_not_blank_or_duplicated(generated):
    """Do the pictures use the pixel range and differ from one another?"""
    x_train, _, x_test, _, _ = data.load_cat_dataset(generated)
    both = np.concatenate([x_train, x_test]).reshape(259, -1)
    assert both.min() < 30 and both.max() > 225
    assert len(np.unique(both, axis=0)) == 259


# --- registry and checksums ------------------------------------------------

def test_registry_matches_the_generators():
    """Is the committed registry what the generators produce today?"""
    assert store.make_registry() == data.read_registry()


def test_registry_lists_every_file_with_a_licence():
    """Does every registry entry say what it is and how it is licensed?"""
    files = data.read_registry()["files"]
    assert set(files) == set(CAT_FILES) | {"planar_flower.h5", "circles.h5",
                                           "moons.h5",
                                           "football.h5", "train_signs.h5",
                                           "test_signs.h5"}
    for entry in files.values():
        assert entry["description"] and entry["generator"]
        assert "CC-BY-4.0" in entry["licence"]
        assert "own code" in entry["licence"]


def helper_files(slug):
    """An assignment's helper files: name -> source, relative to ROOT."""
    return {name: str(path.relative_to(ROOT)) for name, path in
            Assignment.named(slug).helper_files.items()}


def _folders_with_course_data():
    """(slug, HELPER_FILES) of every assignment that ships course_data."""
    found = []
    for folder in sorted((ROOT / "solutions").iterdir()):
        files = helper_files(folder.name) if folder.is_dir() else {}
        if "course_data.py" in files:
            found.append((folder.name, files))
    return found


def test_folders_that_load_data_ship_the_registry_and_course_data():
    """Does every folder whose helpers import course_data carry it and
    the registry's copy, datasets_registry.json?"""
    for folder in sorted((ROOT / "solutions").iterdir()):
        if not folder.is_dir():
            continue
        files = helper_files(folder.name)
        users = [name for name in files if name.endswith(".py") and
                 "course_data" in (ROOT / files[name]).read_text()]
        if users:
            assert files.get("course_data.py") == \
                "autograder/helpers/course_data.py", folder.name
            assert files.get("datasets_registry.json") == \
                "datasets/registry.json", folder.name


def test_shipped_registry_copies_equal_the_registry():
    """Is every committed datasets_registry.json (solutions/ and
    exercises/) the same text as datasets/registry.json?"""
    registry = (ROOT / "datasets" / "registry.json").read_text()
    slugs = [slug for slug, _ in _folders_with_course_data()]
    assert len(slugs) >= 8
    for slug in slugs:
        for tree in ("solutions", "exercises"):
            copy = ROOT / tree / slug / "datasets_registry.json"
            assert copy.read_text() == registry, f"{tree}/{slug}"


def test_every_helper_raises_the_one_dataset_error():
    """Is DatasetError one class, whichever helper a learner catches it
    from?"""
    from autograder.data import football, planar_utils, signs_utils
    from autograder.helpers import init_utils, opt_utils
    for module in (lr_utils, football, planar_utils, signs_utils,
                   init_utils, opt_utils):
        assert module.DatasetError is course_data.DatasetError, module


def test_generators_leave_the_global_rng_state_alone_in_build():
    """Does building a file keep NumPy's global random state unchanged?"""
    np.random.seed(123)
    expected = np.random.rand()
    np.random.seed(123)
    store.build("moons")
    assert np.random.rand() == expected


# --- files, errors and ensure_all ------------------------------------------

def test_missing_file_names_file_and_command(tmp_path):
    """Does loading a missing file name it and the command that fixes it?"""
    with pytest.raises(DatasetError) as err:
        data.load("moons", data_dir=tmp_path)
    assert str(tmp_path / "moons.h5") in str(err.value)
    assert "course datasets" in str(err.value)


def test_data_dir_comes_from_the_environment(tmp_path, monkeypatch):
    """Is COURSE_DATA_DIR used when no folder is passed?"""
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path))
    with pytest.raises(DatasetError, match="missing") as err:
        data.verify("circles.h5")
    assert str(tmp_path) in str(err.value)


def test_truncated_file_is_reported_as_unreadable(copy_of):
    """Does a truncated file raise an error naming it and `course datasets`?"""
    folder = copy_of("circles.h5")
    path = folder / "circles.h5"
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(DatasetError, match="unreadable") as err:
        data.load("circles.h5", data_dir=folder)
    assert "circles.h5" in str(err.value)
    assert "course datasets" in str(err.value)


def test_flipped_bytes_are_detected(copy_of):
    """Does a file with flipped bytes in its data raise DatasetError?"""
    folder = copy_of("train_catvnoncat.h5")
    path = folder / "train_catvnoncat.h5"
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    raw[middle:middle + 64] = bytes(b ^ 0xFF for b in raw[middle:middle + 64])
    path.write_bytes(bytes(raw))
    with pytest.raises(DatasetError) as err:
        data.load_cat_dataset(folder)
    assert "train_catvnoncat.h5" in str(err.value)
    assert "course datasets" in str(err.value)


def test_changed_value_gives_checksum_mismatch(tmp_path):
    """Does one changed number in a valid HDF5 file fail the checksum?"""
    arrays = store.build("moons")
    arrays["X"][0, 0] += 1e-12
    course_data.write_h5(tmp_path / "moons.h5", arrays)
    with pytest.raises(DatasetError, match="checksum mismatch for array 'X'"):
        data.load("moons", data_dir=tmp_path)


def test_wrong_shape_is_reported(tmp_path):
    """Does an array of the wrong shape name the key and the shapes?"""
    arrays = store.build("moons")
    arrays["Y"] = arrays["Y"].ravel()
    course_data.write_h5(tmp_path / "moons.h5", arrays)
    with pytest.raises(DatasetError,
                       match=r"'Y' is <i8 \(300,\), expected <i8 \(1, 300\)"):
        data.load("moons", data_dir=tmp_path)


def test_ensure_all_generates_then_reports_ok(tmp_path):
    """Does ensure_all write missing files once and then just verify them?"""
    first = data.ensure_all(data_dir=tmp_path)
    second = data.ensure_all(data_dir=tmp_path)
    assert len(first) == len(store.SPECS) == 8
    assert all("generated" in line for line in first)
    assert all(" ok " in line for line in second)


def test_ensure_all_keeps_a_corrupt_file_unless_forced(copy_of):
    """Is a corrupt file reported (with --force advice), fixed by force only?
    """
    folder = copy_of("moons.h5")
    (folder / "moons.h5").write_bytes(b"not an HDF5 file")
    with pytest.raises(DatasetError, match="course datasets --force"):
        data.ensure_all(data_dir=folder)
    assert (folder / "moons.h5").read_bytes() == b"not an HDF5 file"
    data.ensure_all(force=True, data_dir=folder)
    assert data.load("moons", data_dir=folder)["X"].shape == (2, 300)


# --- the standalone helpers: lr_utils and course_data ----------------------

def _top_level_imports(module):
    """Modules a file imports outside its functions, without the relative
    imports (the branch a copy beside a notebook does not run)."""
    tree = ast.parse(open(module.__file__).read())
    modules = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in inner.names}
            elif isinstance(inner, ast.ImportFrom) and not inner.level:
                modules.add((inner.module or ".").split(".")[0])
    return modules


def test_lr_utils_imports_only_numpy_and_course_data():
    """Can lr_utils be copied next to a notebook (no autograder import)?"""
    assert _top_level_imports(lr_utils) <= {"numpy", "course_data"}


def test_course_data_imports_only_the_standard_library_numpy_h5py():
    """Can course_data be copied next to a notebook on its own?

    matplotlib is imported inside plot_decision_boundary only; pyfive
    stands in for h5py where h5py does not exist (Pyodide, in the
    browser).
    """
    assert _top_level_imports(course_data) <= {
        "hashlib", "json", "pathlib", "numpy", "h5py", "pyfive"}


def test_lr_utils_generates_into_an_empty_folder(tmp_path, monkeypatch):
    """In an empty folder, does load_dataset write ./datasets and verify it?"""
    monkeypatch.chdir(tmp_path)
    x_train, y_train, x_test, y_test, classes = lr_utils.load_dataset()
    assert all((tmp_path / "datasets" / name).is_file() for name in CAT_FILES)
    assert (x_train.shape, y_train.shape, x_test.shape, y_test.shape) == (
        (209, 64, 64, 3), (1, 209), (50, 64, 64, 3), (1, 50))
    assert classes.tolist() == [b"non-cat", b"cat"]


def test_lr_utils_finds_datasets_in_a_parent_folder(generated, tmp_path,
                                                     monkeypatch):
    """From solutions/<slug>/, does load_dataset use the repo's datasets/?"""
    (tmp_path / "datasets").mkdir()
    for name in CAT_FILES:
        shutil.copy(generated / name, tmp_path / "datasets" / name)
    notebook_dir = tmp_path / "solutions" / "c1w2_logistic_regression"
    notebook_dir.mkdir(parents=True)
    monkeypatch.chdir(notebook_dir)
    assert course_data.find_data_dir(lr_utils.TRAIN_FILE) == \
        tmp_path / "datasets"
    lr_utils.load_dataset()
    assert not (notebook_dir / "datasets").exists()


def test_lr_utils_rejects_a_corrupt_file(copy_of):
    """Does the helper refuse a file whose labels were changed?"""
    folder = copy_of("test_catvnoncat.h5")
    arrays = lr_utils.cat_arrays("train")
    arrays["train_set_y"] = 1 - arrays["train_set_y"]
    course_data.write_h5(folder / "train_catvnoncat.h5", arrays)
    with pytest.raises(DatasetError, match="train_catvnoncat.h5.*checksum"):
        lr_utils.load_dataset(folder)


def test_copied_folder_names_a_corrupt_file_and_the_fix(generated,
                                                         tmp_path):
    """In a copy of an exercise folder's files, does a damaged data file
    raise the one DatasetError, naming the file and how to fix it?"""
    for name, source in helper_files("c1w2_logistic_regression").items():
        shutil.copy(ROOT / source, tmp_path / name)
    (tmp_path / "datasets").mkdir()
    for name in CAT_FILES:
        shutil.copy(generated / name, tmp_path / "datasets" / name)
    damaged = tmp_path / "datasets" / "test_catvnoncat.h5"
    damaged.write_bytes(damaged.read_bytes()[:5000])
    code = ("import course_data, lr_utils\n"
            "try:\n    lr_utils.load_dataset()\n"
            "except course_data.DatasetError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    message = result.stdout
    assert str(damaged) in message and "unreadable" in message
    assert f"Delete {damaged}" in message


def test_missing_registry_copy_says_what_to_do(tmp_path):
    """Without datasets_registry.json beside it (and no repository
    above), does course_data name the missing file?"""
    shutil.copy(course_data.__file__, tmp_path / "course_data.py")
    code = ("import course_data\n"
            "try:\n    course_data.expected_arrays('moons.h5')\n"
            "except course_data.DatasetError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "datasets_registry.json: missing" in result.stdout


# --- Without h5py (the browser runtime) ------------------------------------

WITHOUT_H5PY = """
import sys
sys.modules["h5py"] = None  # as in Pyodide, where there is no h5py
sys.path.insert(0, sys.argv[1])
import course_data
from pathlib import Path
assert course_data.h5py.__name__ == "pyfive", course_data.h5py
for path in sorted(Path(sys.argv[2]).glob("*.h5")):
    try:
        course_data.read_checked(path)
        print("ok", path.name)
    except course_data.DatasetError as error:
        print("error", path.name, error)
"""


def read_without_h5py(folder):
    """Lines "ok <file>" / "error <file> <message>" of a pyfive read."""
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_H5PY,
         str(ROOT / "autograder" / "helpers"), str(folder)],
        capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def test_without_h5py_every_file_is_read_and_checked(generated):
    """Where h5py is missing, does pyfive read every file, checks passing?"""
    lines = read_without_h5py(generated)
    names = sorted(p.name for p in generated.glob("*.h5"))
    assert lines == [f"ok {name}" for name in names]


def test_without_h5py_flipped_bytes_are_still_detected(copy_of):
    """Does the pyfive path still refuse a file with flipped bytes?"""
    folder = copy_of("train_catvnoncat.h5")
    path = folder / "train_catvnoncat.h5"
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    raw[middle:middle + 64] = bytes(b ^ 0xFF for b in raw[middle:middle + 64])
    path.write_bytes(bytes(raw))
    [line] = read_without_h5py(folder)
    assert line.startswith("error train_catvnoncat.h5")
    assert "course datasets" in line
