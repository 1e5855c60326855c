"""The comparator: which check fails, for which variable, with which hint."""
import numpy as np
import pytest

from autograder.compare import Mismatch, compare, decode, encode, texts_agree


def _message(expected, got, name="v", **kwargs):
    with pytest.raises(Mismatch) as failure:
        compare(name, expected, got, **kwargs)
    return str(failure.value)


def test_numpy_scalar_and_0d_array_are_acceptable_numbers():
    """Are np.float64 and a 0-d array accepted where a float is expected?"""
    compare("cost", 0.5, np.float64(0.5))
    compare("cost", 0.5, np.array(0.5))
    compare("b", 0, 0.0)


def test_array_expected_but_list_given():
    """Does a list where an array is expected fail on type?"""
    assert "expected a NumPy array of shape (2,)" in _message(
        np.array([1.0, 2.0]), [1.0, 2.0])


def test_none_says_return_is_missing():
    """Does None point at a missing return statement?"""
    assert "forget a return" in _message(np.zeros(2), None)


def test_transposed_shape_gets_a_hint():
    """Is a (1, 3) array given for a (3, 1) one called transposed?"""
    message = _message(np.zeros((3, 1)), np.zeros((1, 3)), "dw")
    assert message.startswith("dw: expected shape (3, 1), got shape (1, 3)")
    assert "swapped" in message


def test_rank1_shape_gets_a_hint():
    """Is a (3,) array given for a (3, 1) one called rank-1?"""
    assert "rank-1" in _message(np.zeros((3, 1)), np.zeros(3))


def test_missing_and_extra_keys_fail():
    """Do missing and unexpected dict keys both fail, naming the keys?"""
    assert "missing key(s) ['db']" in _message({"dw": 1, "db": 2},
                                                {"dw": 1})
    assert "unexpected key(s) ['dz']" in _message({"dw": 1},
                                                  {"dw": 1, "dz": 0})


def test_nested_names_point_at_the_value():
    """Does a wrong value deep in a dict name its full path?"""
    message = _message({"grads": {"dw": np.ones((2, 1))}},
                       {"grads": {"dw": 2 * np.ones((2, 1))}}, "d")
    assert message.startswith("d['grads']['dw']: values differ")
    assert "expected" in message and "got" in message


def test_hidden_mode_does_not_reveal_values():
    """Does reveal=False hide the expected values?"""
    message = _message(np.array([0.123456]), np.array([0.5]), reveal=False)
    assert "0.123456" not in message and "wrong" in message


def test_tolerance_accepts_rounding_but_not_errors():
    """Are differences below rtol accepted and above it rejected?"""
    compare("x", np.array([1.0]), np.array([1.0 + 1e-9]))
    _message(np.array([1.0]), np.array([1.001]))


def test_printed_text_compares_numbers_with_tolerance():
    """Is printed text compared word for word, numbers within tolerance?"""
    compare("out", "cost: 0.693147", "cost: 0.6931471")
    assert "expected the text" in _message("cost: 0.693147", "cost 0.693147")


def test_tuple_length_is_checked():
    """Does a tuple of the wrong length fail on the item count?"""
    assert "expected 2 items, got 3" in _message((1, 2), (1, 2, 3))


def test_encode_decode_round_trip():
    """Do arrays, tuples, dicts and NumPy scalars survive JSON encoding?"""
    value = {"w": np.arange(6.0).reshape(2, 3), "b": np.float64(0.5),
             "t": (1, [2, np.int64(3)]), "s": "text"}
    back = decode(encode(value))
    compare("value", value, back, rtol=0, atol=0)
    assert isinstance(back["t"], tuple) and back["w"].dtype == float


def test_nan_where_a_number_is_expected_is_named():
    """Does a NaN in the output get its own message, even if all NaN?"""
    message = _message(np.array([1.0, 2.0]), np.array([np.nan, np.nan]))
    assert "NaN where a number was expected (first at index (0,))" in message
    message = _message(np.array([1.0, 2.0]), np.array([1.0, np.nan]),
                       reveal=False)
    assert "index (1,)" in message


def test_largest_difference_ignores_matching_nans():
    """Is the largest difference reported among real numbers?"""
    message = _message(np.array([np.nan, 1.0, 5.0]),
                       np.array([np.nan, 1.0, 7.0]))
    assert "largest difference 2 at index (2,)" in message


def test_texts_agree_when_only_last_digits_differ():
    """Do two printouts agree when a cost differs in its last digit?"""
    assert texts_agree("Cost after iteration 8000: 0.219443",
                       "Cost after iteration 8000: 0.219465", rtol=5e-4)


def test_texts_disagree_when_a_cost_moves_by_a_thousandth():
    """Does a cost that moves by 1e-3 relative fail at the output rtol?"""
    assert not texts_agree("Cost after iteration 8000: 0.219443",
                           "Cost after iteration 8000: 0.219663", rtol=5e-4)


def test_whole_numbers_must_be_equal():
    """Are iteration numbers and counts compared exactly, not relatively?"""
    assert not texts_agree("iteration 10000", "iteration 10001", rtol=1e-3)
    assert not texts_agree("239 of 300", "240 of 300", rtol=1e-2)


def test_words_and_white_space_runs():
    """Must words match, while a widened column of numbers still agrees?"""
    assert texts_agree("[[0.1  0.25]]", "[[0.10 0.25]]")
    assert not texts_agree("Accuracy: 0.83", "Accurate: 0.83")
    assert not texts_agree("a 1.5 b", "a 1.5")
