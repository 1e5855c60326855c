"""Reference solutions and helpers of ``c2w1_gradient_checking``."""
import ast

import numpy as np
import pytest

from autograder.checks.c2w1_gradient_checking import course_problem
from autograder.helpers import gc_utils
from autograder.reference import c2w1_gradient_checking as ref
from tests.numerics import numerical_gradient


@pytest.fixture
def course_example():
    """The course's 4 -> 5 -> 3 -> 1 example and its correct gradients."""
    parameters, X, Y = course_problem()
    _, cache = gc_utils.forward_propagation_n(X, Y, parameters)
    return parameters, gc_utils.backward_propagation_n(X, Y, cache), X, Y


def test_one_parameter_forward_and_backward_by_hand():
    """Is J(4) = 4 * 2 = 8 and dJ/dtheta = x = 2?"""
    assert ref.forward_propagation(2, 4) == 8
    assert ref.backward_propagation(2, 4) == 2
    assert ref.forward_propagation(-1.5, 3.0) == -4.5


def test_one_parameter_difference_matches_the_catalogue(capsys):
    """Is the difference for x = 2, theta = 4 equal to 2.9193e-10?"""
    difference = ref.gradient_check(2, 4)
    assert difference == pytest.approx(2.919335883291695e-10, rel=1e-9)
    assert capsys.readouterr().out == (
        "Gradient check passed: difference = 2.9e-10 (threshold 1e-07)\n")


def test_cube_example_of_the_notes():
    """Do the two- and one-sided quotients of theta^3 give 3.0001, 3.0301?"""
    eps = 0.01
    assert ((1 + eps) ** 3 - (1 - eps) ** 3) / (2 * eps) == pytest.approx(
        3.0001, abs=1e-12)
    assert ((1 + eps) ** 3 - 1) / eps == pytest.approx(3.0301, abs=1e-12)


def test_correct_backprop_passes_below_2e_7(course_example, capsys):
    """Is the course example's difference about 1.19e-7, below 2e-7?"""
    difference = ref.gradient_check_n(*course_example)
    assert difference == pytest.approx(1.19099e-07, abs=5e-9)
    assert difference < 2e-7
    assert capsys.readouterr().out.startswith(
        "Backward propagation agrees with the numerical gradient")


def test_course_planted_mistakes_give_the_catalogues_difference(
        course_example, capsys):
    """With dW2 x 2 and db1 x 4, is the difference 0.2850931567?"""
    parameters, gradients, X, Y = course_example
    wrong = dict(gradients, dW2=2 * gradients["dW2"],
                 db1=4 * gradients["db1"])
    difference = ref.gradient_check_n(parameters, wrong, X, Y)
    assert difference == pytest.approx(0.2850931567, rel=1e-8)
    assert capsys.readouterr().out == (
        "Backward propagation has a mistake: difference = 2.9e-01 "
        "(threshold 2e-07)\n")


def test_notebooks_planted_mistakes_are_caught(course_example):
    """Do dW2 without 1/m and a ReLU derivative of 1 at A1 = 0 fail?"""
    parameters, gradients, X, Y = course_example
    _, cache = gc_utils.forward_propagation_n(X, Y, parameters)
    A1 = cache[1]
    dZ1 = gradients["dA1"] * (A1 >= 0)
    wrong = dict(gradients, dW2=gradients["dZ2"] @ A1.T,
                 dW1=dZ1 @ X.T / 3, db1=dZ1.sum(axis=1, keepdims=True) / 3)
    assert ref.gradient_check_n(parameters, wrong, X, Y) > 1e-2


def test_gradient_check_n_leaves_its_inputs_alone(course_example):
    """Are the parameters unchanged after 94 shifted forward passes?"""
    parameters, gradients, X, Y = course_example
    before = {key: value.copy() for key, value in parameters.items()}
    ref.gradient_check_n(parameters, gradients, X, Y)
    for key, value in before.items():
        assert np.array_equal(parameters[key], value)


def test_flattening_order_and_round_trip():
    """Is theta (47, 1) in the order W1, b1, W2, b2, W3, b3, row by row?"""
    parameters = {key: np.arange(np.prod(shape), dtype=float).reshape(shape)
                  + 100 * number
                  for number, (key, shape) in
                  enumerate(gc_utils.SHAPES.items())}
    theta, keys = gc_utils.dictionary_to_vector(parameters)
    assert theta.shape == (47, 1) and len(keys) == 47
    assert theta[:3, 0].tolist() == [0.0, 1.0, 2.0]
    assert theta[20, 0] == 100.0 and keys[20] == "b1"
    assert keys[-1] == "b3" and theta[-1, 0] == 500.0
    back = gc_utils.vector_to_dictionary(theta)
    for key, value in parameters.items():
        assert np.array_equal(back[key], value)
    back["W1"][0, 0] = -1.0
    assert theta[0, 0] == 0.0  # the pieces are copies, not views
    gradients = {"d" + key: value for key, value in parameters.items()}
    gradients["dZ1"] = np.ones((5, 3))
    assert np.array_equal(gc_utils.gradients_to_vector(gradients), theta)


def test_helper_backward_pass_matches_finite_differences(course_example):
    """Does backward_propagation_n agree with a 1e-6 difference quotient?"""
    parameters, gradients, X, Y = course_example
    parameters = {k: v.astype(float) for k, v in parameters.items()}

    def cost():
        return gc_utils.forward_propagation_n(X, Y, parameters)[0]

    for key, value in parameters.items():
        np.testing.assert_allclose(gradients["d" + key],
                                   numerical_gradient(cost, value), rtol=0,
                                   atol=1e-7, err_msg=f"d{key}")


def test_helper_imports_only_numpy_and_small_nets():
    """Can gc_utils be copied next to a notebook with small_nets.py?"""
    tree = ast.parse(open(gc_utils.__file__).read())
    modules = {alias.name for node in ast.walk(tree)
               if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom)}
    assert modules == {"numpy", "small_nets"}
