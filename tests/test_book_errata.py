"""Errata of the notes (issue 12): each number is computed, then looked up.

These tests read the Markdown sources, so they are fast. Where an erratum
is about a number, the test computes that number with NumPy and checks
that the page states it (and no longer states the old, wrong claim).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"


def page_text(name: str) -> str:
    """A page of notes with every run of white space made one space."""
    return " ".join((BOOK / name).read_text(encoding="utf8").split())


def note_pages() -> list[Path]:
    return sorted(BOOK.rglob("*.md"))


def test_c2w1_answer_1_gives_both_gaps():
    """Does answer 1 give variance 1 point and avoidable bias -0.5?"""
    human, train, dev = 2.5, 2.0, 3.0
    avoidable_bias, variance = train - human, dev - train
    assert (avoidable_bias, variance) == (-0.5, 1.0)
    text = page_text("c2/week1.md")
    answer = text[text.index("1. The avoidable bias is"):]
    answer = answer[:answer.index("2. $1 - ")]
    assert f"$2 - 2.5 = {avoidable_bias:g}$ points" in answer
    assert f"still $3 - 2 = {variance:g}$ point" in answer
    assert "0.5 point gap" not in answer


def test_c2w2_contours_are_ten_times_longer_than_wide():
    """Do curvatures 0.02 and 2 give ellipses 10 (not 100) times long?"""
    source = (BOOK / "c2" / "week2.md").read_text(encoding="utf8")
    found = re.search(r"curvature = np\.array\(\[([\d.]+), ([\d.]+)\]\)",
                      source)
    assert found, "the optimizer figure no longer sets its curvatures"
    curvature = np.array([float(found[1]), float(found[2])])
    # The level set J = c of J = (k1 w1^2 + k2 w2^2) / 2 is an ellipse
    # with semi-axes sqrt(2 c / k): measure them on a level set.
    level = 1.0
    semi_axes = np.sqrt(2 * level / curvature)
    on_ellipse = 0.5 * np.sum(curvature * semi_axes ** 2 * np.eye(2),
                              axis=1)
    assert np.allclose(on_ellipse, level)
    aspect = semi_axes.max() / semi_axes.min()
    condition = curvature.max() / curvature.min()
    assert np.isclose(aspect, 10) and np.isclose(condition, 100)
    text = page_text("c2/week2.md")
    assert f"differ by a factor of {condition:.0f}" in text
    assert (f"$\\sqrt{{{condition:.0f}}} = {aspect:.0f}$ times longer "
            "than wide") in text
    assert "a hundred times longer" not in text


def test_c1w3_unkept_bias_broadcasts_silently_for_m_1_and_4():
    """For which m does a (4, 4) bias still run, and does answer 6 say so?"""
    n_1, alpha = 4, 0.1
    b1 = np.zeros((n_1, 1))
    rng = np.random.default_rng(0)
    dZ1 = rng.standard_normal((n_1, 4))
    b1 = b1 - alpha * np.sum(dZ1, axis=1)          # keepdims forgotten
    assert b1.shape == (n_1, n_1)
    W1 = rng.standard_normal((n_1, 3))
    silent = []
    for m in range(1, 9):
        try:
            W1 @ rng.standard_normal((3, m)) + b1
        except ValueError:
            continue
        silent.append(m)
    assert silent == [1, 4]
    text = page_text("c1/week3.md")
    assert "with $m = 4$, and also with a single example, $m = 1$" in text


def test_c1w3_dW2_is_one_row():
    """Does answer 5 speak of the entries of dW[2], a single row?"""
    n_1, m = 4, 5
    rng = np.random.default_rng(1)
    dW2 = rng.standard_normal((1, m)) @ rng.standard_normal((n_1, m)).T / m
    assert dW2.shape == (1, n_1)
    text = page_text("c1/week3.md")
    assert "the entries of $dW^{[2]}" in text
    assert "a single row of shape $(1, n^{[1]})$" in text
    assert "the rows of $dW^{[2]}" not in text


def test_c2w3_batch_norm_sets_mean_beta_and_deviation_abs_gamma():
    """Does batch norm give mean beta and standard deviation |gamma|?"""
    rng = np.random.default_rng(2)
    Z = 3 * rng.standard_normal((3, 500)) + 7
    gamma = np.array([[2.0], [-0.5], [1.5]])
    beta = np.array([[5.0], [0.0], [-1.0]])
    eps = 1e-8
    mu, var = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
    Z_tilde = gamma * (Z - mu) / np.sqrt(var + eps) + beta
    assert np.allclose(Z_tilde.mean(axis=1, keepdims=True), beta)
    assert np.allclose(Z_tilde.std(axis=1, keepdims=True), np.abs(gamma))
    assert not np.allclose(Z_tilde.var(axis=1, keepdims=True), gamma)
    text = page_text("c2/week3.md")
    assert ("pins the mean of each unit to $\\beta$ and its standard "
            "deviation to $\\lvert \\gamma \\rvert$") in text
    assert "mean and variance of each unit to" not in text


def test_flipped_labels_bound_the_bayes_error_from_below():
    """Does a classifier that knows the truth still err on the flips?

    Flips are drawn independently of the pictures, so even the classifier
    that knows what every picture shows errs exactly on them: their share
    is a floor under the error of any classifier, not its value.
    """
    from autograder.data import strategy_utils as su

    _, Y, info = su.cat_pool(400, seed=7, label_noise=0.04)
    knows_the_truth = info["is_cat"].astype(float)
    errors = knows_the_truth != Y[0]
    assert np.array_equal(errors, info["flipped"])
    assert 0.02 <= errors.mean() <= 0.06


@pytest.mark.parametrize("path", ["book/c3/week1.md", "book/c3/week2.md",
                                  "autograder/data/strategy_utils.py"])
def test_bayes_error_is_not_claimed_by_construction(path):
    """Is 0.04 called a lower bound of the Bayes error, not its value?"""
    text = " ".join((ROOT / path).read_text(encoding="utf8").split())
    assert "by construction" not in text
    assert "Bayes error is 0.04" not in text
    assert "Bayes error is known" not in text
    assert ("lower bound" in text or "at least 0.04" in text
            or "at least 4 %" in text)


def test_c3w1_summary_says_when_bias_cannot_be_estimated():
    """Does the summary tie the lost estimate to a training error below
    human level (not the reverse)?"""
    text = page_text("c3/week1.md")
    summary = text[text.index("(c3w1-summary)="):
                   text.index("(c3w1-exercises)=")]
    assert ("Once the training error is below human-level error, the "
            "avoidable bias can no longer be estimated") in summary
    assert "Below human level the avoidable bias" not in summary


def test_c2w1_small_claims():
    """Does week 1 say that penalizing b changes little, and that ReLU
    zeroes about half of its outputs?"""
    text = page_text("c2/week1.md")
    assert "so adding it to the penalty changes little" in text
    assert "it makes no difference" not in text
    assert "set about half of their outputs to zero" in text
    assert "half of their inputs to zero" not in text


def test_splits_are_named_the_same_way_in_c2w1_and_c3w1():
    """Do both pages describe the 70/30 split in the same words?"""
    phrase = ("70/30 (training and test, or training and dev when no test "
              "set is kept) or 60/20/20 (training, dev and test)")
    for page in ("c2/week1.md", "c3/week1.md"):
        assert phrase in page_text(page), page


@pytest.mark.parametrize("page", note_pages(),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_cost_is_a_plain_J(page):
    """Is the cost written J, never as a script J?"""
    text = page.read_text(encoding="utf8")
    for script in ("\\mathcal{J}", "\\mathscr{J}", "\\mathcal J"):
        assert script not in text, f"{page.name} writes {script}"


@pytest.mark.parametrize("page", note_pages(),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_squared_gradients_have_brackets(page):
    """Is a squared gradient written (dW)^2, as the notation page asks?"""
    text = page.read_text(encoding="utf8")
    bare = re.findall(r"(?<![\w(])d[A-Za-z]\w*\^\{?2\}?", text)
    assert not bare, f"{page.name}: {bare}"


def test_notation_page_explains_the_step_subscript():
    """Does the notation page list the subscript t of running averages,
    and does week 2 point to it?"""
    notation = page_text("notation.md")
    assert "subscript $t$ counts steps" in notation
    assert "$v_t$" in notation and "$v_{dW}$" in notation
    week2 = page_text("c2/week2.md")
    assert "a subscript $t$ counts steps" in week2
    assert "notation page" in week2


def test_intro_does_not_promise_later_chapters():
    """Does the landing page describe the book as complete?"""
    text = page_text("intro.md")
    assert "added week by week" not in text
    chapters = [p for p in note_pages() if re.fullmatch(r"week\d", p.stem)]
    assert len(chapters) == 9
    assert "nine chapters of notes" in text
