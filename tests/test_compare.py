"""The comparator: which check fails, for which variable, with which hint."""
import numpy as np
import pytest

from autograder.compare import (
    Mismatch,
    check_case,
    check_not_mutated,
    compare,
    decode,
    encode,
    explain,
    memory_links,
    missing_layer_hint,
    named_inputs,
    output_differences,
    shape_error_hint,
    sharing_problems,
    size_hint,
    texts_agree,
    type_problems,
)


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


def test_swapped_shape_gets_a_hint():
    """Is a (1, 3) array given for a (3, 1) one said to swap rows and
    columns?"""
    message = _message(np.zeros((3, 1)), np.ones((1, 3)), "dw")
    assert message.startswith("dw: expected shape (3, 1), got shape (1, 3)")
    assert "swapped" in message


def test_transposed_values_are_called_the_transpose():
    """Is the transpose of the expected array called the transpose?"""
    expected = np.arange(6.0).reshape(3, 2)
    assert "the transpose of the right" in _message(expected,
                                                       expected.T)


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


# --- Several wrong values, each explained ---------------------------------

def _explained(expected, got, inputs, names=("v",)):
    """The Mismatches of ``got``, each with the hint of its relation."""
    found = output_differences(names, expected, got, 1e-5, 1e-8, True)
    explain(found, inputs)
    return {mismatch.variable: mismatch for mismatch in found}


def test_every_wrong_value_of_a_dict_is_listed_first():
    """Does a dict with two wrong values name both, in one message that
    starts with the list of names?"""
    message = _message({"dW": np.ones((2, 2)), "db": np.ones((2, 1))},
                       {"dW": np.zeros((2, 2)), "db": np.zeros((2, 1))},
                       "grads")
    assert message.startswith(
        "2 values are wrong: grads['dW'], grads['db']\n")
    assert message.count("values differ") == 2


def test_factor_m_is_named_for_each_variable():
    """Is 1/m missing in both dW and db named for each, with m?"""
    dZ = np.arange(1.0, 9.0).reshape(2, 4)
    expected = (dZ @ dZ.T / 4, dZ.sum(axis=1, keepdims=True) / 4)
    got = (dZ @ dZ.T, dZ.sum(axis=1, keepdims=True))
    found = _explained(expected, got, named_inputs(["dZ"], (dZ,), {}),
                       ("dW", "db"))
    for name in ("dW", "db"):
        assert "the average over the m = 4 examples is missing" in (
            found[name].hints[0])


def test_sign_and_offset_are_named():
    """Are a flipped sign and a constant offset recognized?"""
    expected = np.array([[0.5, -1.0, 2.0]])
    found = _explained((expected, expected),
                       (-expected, expected + 0.25), {}, ("a", "b"))
    assert "opposite sign" in found["a"].hints[0]
    assert "off by the same amount (0.25)" in found["b"].hints[0]


def test_missing_learning_rate_in_a_step_is_named():
    """Is an update whose step lacks the learning rate named so?"""
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    dW = np.array([[0.5, -0.5], [0.25, 1.0]])
    inputs = named_inputs(["parameters", "grads", "learning_rate"],
                          ({"W1": W}, {"dW1": dW}, 0.1), {})
    found = _explained({"W1": W - 0.1 * dW}, {"W1": W - dW}, inputs,
                       ("parameters",))
    assert "learning_rate is missing" in found[
        "parameters['W1']"].hints[0]


def test_missing_bias_correction_is_named():
    """Is a value lacking its division by 1 - beta1^t named so?"""
    v = np.array([[0.2, -0.4, 0.1]])
    inputs = named_inputs(["v", "t", "beta1"], (v, 3, 0.9), {})
    found = _explained(v / (1 - 0.9 ** 3), v, inputs, ("v_corrected",))
    assert "the bias correction 1 - beta1^t is missing" in found[
        "v_corrected"].hints[0]


def test_another_keys_value_replaces_a_wrong_shape_hint():
    """Does an item holding another item's value get that hint alone, not
    "rows and columns are swapped"?"""
    A, W = np.ones((2, 3)), np.arange(6.0).reshape(3, 2)
    message = _message((A, W, np.zeros((3, 1))), (W, A, np.zeros((3, 1))),
                       "cache")
    assert "cache[0] holds the value that belongs in cache[1]" in message
    assert "swapped: check the shape" not in message


# --- Structure: types and shared memory -------------------------------------

def _type_problems(expected, got, types=None):
    return [str(problem) for problem in
            type_problems(("x",), expected, got, types or {})]


def test_integer_array_where_floats_are_promised_fails():
    """Does an int array equal in value to a float one break the promise
    of floats, and a float64 scalar keep the promise of a float?"""
    assert "an array of floats" in _type_problems(np.zeros(3),
                                                  np.zeros(3, int))[0]
    assert _type_problems(0.5, np.float64(0.5)) == []


def test_numpy_integer_where_a_python_int_is_promised_fails():
    """Does np.int64 break the promise of a Python int?"""
    assert "a Python int" in _type_problems(3, np.int64(3))[0]


def test_0d_array_where_a_float_is_promised_fails_unless_declared():
    """Is a 0-d array refused for a float, and accepted when the spec
    declares only a number?"""
    assert "0-d NumPy array" in _type_problems(0.5, np.array(0.5))[0]
    assert _type_problems(0.5, np.array(0.5), {"x": "number"}) == []


def test_one_dict_under_two_names_is_found():
    """Is `s = v` found as one object, told once, with a hint?"""
    v = {"dW1": np.zeros((2, 2))}
    links = memory_links(("v", "s"), (v, v), [], (), {})
    problems = sharing_problems(links, ("v", "s"), ())
    assert len(problems) == 1
    assert "v and s are the same object" in str(problems[0])
    assert "Hint: give s its own" in str(problems[0])


def test_a_view_of_an_input_breaks_a_promise_of_new_arrays():
    """Does a reshape of an input share memory with it, and is that
    refused only for outputs declared fresh?"""
    X = np.arange(6.0).reshape(2, 3)
    links = memory_links(("v",), X.reshape(6, 1), ["X"], (X,), {})
    assert links == [["v", "X", "input"]]
    assert sharing_problems(links, (), ("v",))
    assert not sharing_problems(links, ("v",), ())


def test_separate_slices_of_one_array_do_not_share_memory():
    """Are two non-overlapping slices of one array accepted as
    separate?"""
    X = np.arange(8.0).reshape(2, 4)
    assert memory_links(("a", "b"), (X[:, :2], X[:, 2:]), [], (), {}) == []


def test_visible_check_refuses_shared_outputs():
    """Does a frozen case with separate outputs fail `s = v`, although
    the values are right?"""
    def initialize(n):
        v = {"dW1": np.zeros((n, 1))}
        s = v
        return v, s

    case = {"label": "n = 2", "arg_names": ["n"], "args": (2,),
            "kwargs": {}, "outputs": ["v", "s"],
            "expected": ({"dW1": np.zeros((2, 1))},
                         {"dW1": np.zeros((2, 1))}),
            "printed": None, "separate": ["v", "s"], "mistakes": []}
    with pytest.raises(Mismatch, match="v and s are the same object"):
        check_case(initialize, case)


def _hints(message):
    return [line for line in message.splitlines()
            if line.strip().startswith("Hint:")]


@pytest.mark.parametrize("expected, got, words", [
    (np.zeros(3), np.zeros(3, bool), ".astype(float)"),
    (np.zeros(3, bool), np.zeros(3), "comparison itself"),
    (3, np.int64(3), "int(x)"),
    (0.5, np.array(0.5), "float(x)"),
])
def test_broken_type_promise_gets_a_hint_naming_the_fix(expected, got,
                                                        words):
    """Does each broken type promise get a hint with its fix, and a kept
    one none?"""
    hints = _hints(_type_problems(expected, got)[0])
    assert len(hints) == 1 and words in hints[0]
    assert _type_problems(expected, expected) == []


def test_input_changed_in_place_gets_a_hint_to_work_on_a_copy():
    """Is an input changed in place named with the fix, and an untouched
    one accepted?"""
    x = np.ones(3)
    with pytest.raises(Mismatch) as failure:
        check_not_mutated("f", ["x"], (x,), (x / 2,))
    assert "Hint: x was changed in place: work on a copy (x = x.copy()" \
        in str(failure.value)
    check_not_mutated("f", ["x"], (x,), (x.copy(),))


def test_a_tuple_where_an_array_is_promised_says_to_unpack():
    """Does a tuple in place of an array get the unpacking hint, and a
    list (no tuple) not?"""
    assert "unpack it" in _message(np.zeros(2), (np.zeros(2), {}))
    assert "unpack" not in _message(np.zeros(2), [0.0, 0.0])


def test_a_dict_or_list_where_a_tuple_is_promised_gets_a_hint():
    """Do a dict and a list in place of a tuple get a hint naming the
    tuple, and a tuple of the wrong length none?"""
    assert "Hint: a tuple is promised, not a dict" in _message(
        (1.0, 2.0), {"a": 1.0})
    assert "a list is not a tuple" in str(output_differences(
        ("a", "b"), (1, 2), [1, 2], 1e-5, 1e-8, True)[0])
    assert _hints(_message((1.0, 2.0), (1.0, 2.0, 3.0))) == []


def test_size_hint_only_after_passed_checks_on_another_size():
    """Does a failed "another size" or "another depth" case after passed
    ones get the hint, and a first case or another label not?"""
    assert "X.shape[1]" in size_hint("another size: X (3, 5)", 2)
    assert "changes the depth" in size_hint("another depth: [4, 3, 1]", 3)
    assert size_hint("another size: X (3, 5)", 1) is None
    assert size_hint("seed 3", 2) is None


def test_missing_last_or_first_layer_keys_get_the_loop_hint():
    """Do keys missing for the last or the first layer get the hint about
    the loop's range, and a missing middle layer or unnumbered key not?"""
    want = {f"{name}{n}": 0.0 for n in (1, 2, 3) for name in "Wb"}
    for gone in ([3], [1]):
        got = {k: v for k, v in want.items() if int(k[1:]) not in gone}
        assert "range(1, L + 1)" in _message(want, got)
    middle = {k: v for k, v in want.items() if k[1:] != "2"}
    assert _hints(_message(want, middle)) == []
    assert _hints(_message({"a": 1.0, "b2": 1.0}, {"b2": 1.0})) == []


def test_key_error_one_layer_past_the_inputs_gets_the_loop_hint():
    """Does a KeyError for 'W3' get the hint when an input dict stops at
    'W2', and not when no input holds 'W2' or another error is raised?"""
    parameters = {"W1": 1, "b1": 0, "W2": 1, "b2": 0}
    hint = missing_layer_hint(KeyError("W3"), (None, parameters), {})
    assert "L = len(parameters) // 2" in hint
    assert missing_layer_hint(KeyError("W3"), (), {"p": {"W1": 1}}) is None
    assert missing_layer_hint(IndexError("W3"), (parameters,), {}) is None
    assert missing_layer_hint(KeyError("W"), (parameters,), {}) is None


def test_numpy_shape_errors_get_a_hint_naming_the_cause():
    """Do a fixed reshape and a dropped axis get their hints, and other
    errors none?"""
    for call, words in [(lambda: np.zeros(10).reshape(1, 148), "-1"),
                        (lambda: np.ones((2, 5)) / np.ones((2, 5)).sum(1),
                         "keepdims=True")]:
        with pytest.raises(ValueError) as failure:
            call()
        assert words in shape_error_hint(failure.value)
    with pytest.raises(ValueError) as failure:
        np.ones((2, 5)) + np.ones((3,))
    assert shape_error_hint(failure.value) is None
    assert shape_error_hint(KeyError("cannot reshape array of size")) \
        is None
