"""The Course 3 helper ``strategy_utils``: tagged pictures, styles, models."""
import numpy as np
import pytest

from autograder.data import lr_utils
from autograder.data import strategy_utils as su


def test_recording_generator_leaves_the_pictures_unchanged():
    """Does drawing through the recorder reproduce the course's test set?"""
    rng = np.random.default_rng(lr_utils.SEEDS["test"])
    y = np.zeros(lr_utils.SIZES["test"], dtype=np.int64)
    y[:lr_utils.N_CATS["test"]] = 1
    y = rng.permutation(y)
    x_grid, y_grid = lr_utils.pixel_grid(lr_utils.NUM_PX)
    drawn = np.stack([lr_utils._draw(su._RecordingGenerator(rng),
                                     label == 1, x_grid, y_grid)
                      for label in y])
    expected, _ = lr_utils.cat_images("test")
    np.testing.assert_array_equal(drawn, expected)


@pytest.fixture(scope="module")
def pool():
    return su.cat_pool(120, seed=7, label_noise=0.1)


def test_labels_are_the_truth_with_the_flips(pool):
    """Is Y the true class exactly where no label was flipped?"""
    _, Y, info = pool
    assert Y.shape == (1, 120)
    np.testing.assert_array_equal(Y[0] == 1, info["is_cat"] != info["flipped"])
    assert info["is_cat"].sum() == 60
    assert 0 < info["flipped"].sum() < 30


def test_tags_follow_the_recorded_parameters(pool):
    """Do tags match the generator's choices (flips, heads, shapes)?"""
    _, _, info = pool
    for is_cat, flipped, tags, found in zip(info["is_cat"], info["flipped"],
                                            info["tags"],
                                            info["parameters"]):
        assert ("mislabeled" in tags) == flipped
        assert (found["head"] is not None) == is_cat
        assert ("blocked" in tags) == found["occluded"]
        if is_cat:
            assert ("small cat" in tags) == (found["head"]["size"] < 14.0)
            assert "round shape" not in tags
        else:
            assert ("round shape" in tags) == (0 in found["shapes"])
            assert len(found["shapes"]) == found["n_shapes"]
        assert 0.02 <= found["noise"] <= 0.07


def test_cats_show_their_recorded_fur_colour(pool):
    """Is the centre of each cat's head close to its recorded fur colour?"""
    images, _, info = pool
    fur = np.array(lr_utils._FUR)
    hits = 0
    cats = [i for i in range(120) if info["is_cat"][i]]
    for i in cats:
        head = info["parameters"][i]["head"]
        x = int(round(head["x"]))
        y = int(round(head["y"] - 0.5 * head["size"]))
        if not (0 <= x < 64 and 0 <= y < 64):
            continue
        pixel = images[i, y, x] / 255.0
        nearest = np.argmin(np.sum((fur - pixel) ** 2, axis=1))
        hits += nearest == head["fur"]
    assert hits >= 0.7 * len(cats)


def test_phone_style_is_darker_and_keeps_the_shape(pool):
    """Are phone photos uint8 of the same shape and darker on average?"""
    images, _, _ = pool
    phone = su.phone_style(images, seed=1)
    assert phone.shape == images.shape and phone.dtype == np.uint8
    assert phone.mean() < 0.8 * images.mean()


def test_shrink_averages_blocks_into_columns():
    """Does shrink average 4 x 4 blocks and return (h*w*3/16, m) in [0, 1]?"""
    images = np.zeros((2, 8, 8, 3), dtype=np.uint8)
    images[1, :4, :4, 0] = 255
    X = su.shrink(images)
    assert X.shape == (12, 2)
    assert X[0, 1] == 1.0 and X[1:, 1].sum() == 0 and X[:, 0].sum() == 0


def test_two_layer_training_learns_a_separable_problem():
    """Does the helper network fit a simple rule and leave its start alone?"""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3, 200))
    Y = (X[0:1] + X[1:2] > 0).astype(float)
    start = su.init_two_layer(3, 8, seed=0)
    saved = {key: value.copy() for key, value in start.items()}
    trained = su.train_two_layer(X, Y, num_iterations=300,
                                 learning_rate=0.01, parameters=start)
    assert su.error_rate(trained, X, Y) < 0.05
    for key in start:
        np.testing.assert_array_equal(start[key], saved[key])
    logistic = su.train_logistic(X, Y, num_iterations=300,
                                 learning_rate=0.05)
    assert su.error_rate(logistic, X, Y) < 0.05
