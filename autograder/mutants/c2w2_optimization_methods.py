"""Mutants and correct alternatives for ``c2w2_optimization_methods``."""
import numpy as np

from autograder.spec import Mutant


def _layers(parameters):
    return range(1, len(parameters) // 2 + 1)


# --- update_parameters_with_gd ----------------------------------------------

def _gd(parameters, grads, learning_rate, sign=-1.0, layers=None,
        update_b=True, rate_on_b=True):
    for l in _layers(parameters) if layers is None else layers:
        parameters[f"W{l}"] = (parameters[f"W{l}"]
                               + sign * learning_rate * grads[f"dW{l}"])
        if update_b:
            rate = learning_rate if rate_on_b else 1.0
            parameters[f"b{l}"] = (parameters[f"b{l}"]
                                   + sign * rate * grads[f"db{l}"])
    return parameters


def gd_ascent(parameters, grads, learning_rate):
    return _gd(parameters, grads, learning_rate, sign=1.0)


def gd_skips_last_layer(parameters, grads, learning_rate):
    return _gd(parameters, grads, learning_rate,
               layers=range(1, len(parameters) // 2))


def gd_frozen_bias(parameters, grads, learning_rate):
    return _gd(parameters, grads, learning_rate, update_b=False)


def gd_bias_without_rate(parameters, grads, learning_rate):
    return _gd(parameters, grads, learning_rate, rate_on_b=False)


def gd_new_dict(parameters, grads, learning_rate):
    return {key: value - learning_rate * grads["d" + key]
            for key, value in parameters.items()}


# --- random_mini_batches ----------------------------------------------------

def _batches(X, Y, size, seed, shuffle=True, same_order=True,
             keep_last=True, always_last=False, reseed=True):
    if reseed:
        np.random.seed(seed)
    m = X.shape[1]
    order = list(np.random.permutation(m)) if shuffle else list(range(m))
    order_Y = order if same_order else list(np.random.permutation(m))
    X, Y = X[:, order], Y[:, order_Y]
    full = m // size
    batches = [(X[:, k * size:(k + 1) * size], Y[:, k * size:(k + 1) * size])
               for k in range(full)]
    if keep_last and (always_last or m % size):
        batches.append((X[:, full * size:], Y[:, full * size:]))
    return batches


def batches_not_shuffled(X, Y, mini_batch_size=64, seed=0):
    return _batches(X, Y, mini_batch_size, seed, shuffle=False)


def batches_two_permutations(X, Y, mini_batch_size=64, seed=0):
    return _batches(X, Y, mini_batch_size, seed, same_order=False)


def batches_drop_last(X, Y, mini_batch_size=64, seed=0):
    return _batches(X, Y, mini_batch_size, seed, keep_last=False)


def batches_empty_last(X, Y, mini_batch_size=64, seed=0):
    return _batches(X, Y, mini_batch_size, seed, always_last=True)


def batches_not_seeded(X, Y, mini_batch_size=64, seed=0):
    return _batches(X, Y, mini_batch_size, seed, reseed=False)


def batches_by_stepping(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    permutation = np.random.permutation(X.shape[1])
    X, Y = X[:, permutation], Y[:, permutation]
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size])
            for k in range(0, X.shape[1], mini_batch_size)]


def batches_while_loop(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = np.random.permutation(m)
    shuffled_X = np.take(X, permutation, axis=1)
    shuffled_Y = np.take(Y, permutation, axis=1)
    batches, start = [], 0
    while start < m:
        stop = min(start + mini_batch_size, m)
        batches.append((shuffled_X[:, start:stop], shuffled_Y[:, start:stop]))
        start = stop
    return batches


# --- initialize_velocity and initialize_adam ---------------------------------

def _zeros(parameters, prefix="d", b_like_w=False, skip_last=False,
           rank1_b=False, fill=0.0):
    state = {}
    last = len(parameters) // 2
    for l in _layers(parameters):
        if skip_last and l == last:
            continue
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        state[f"{prefix}W{l}"] = np.full(W.shape, fill)
        if rank1_b:
            state[f"{prefix}b{l}"] = np.full(b.shape[0], fill)
        else:
            state[f"{prefix}b{l}"] = np.full((W if b_like_w else b).shape,
                                             fill)
    return state


def velocity_parameter_keys(parameters):
    return _zeros(parameters, prefix="")


def velocity_b_like_w(parameters):
    return _zeros(parameters, b_like_w=True)


def velocity_skips_last_layer(parameters):
    return _zeros(parameters, skip_last=True)


def velocity_rank1_b(parameters):
    return _zeros(parameters, rank1_b=True)


def velocity_zeros_like(parameters):
    return {"d" + key: np.zeros_like(value, dtype=float)
            for key, value in parameters.items()}


def adam_init_parameter_keys(parameters):
    return _zeros(parameters, prefix=""), _zeros(parameters, prefix="")


def adam_init_s_ones(parameters):
    return _zeros(parameters), _zeros(parameters, fill=1.0)


def adam_init_b_like_w(parameters):
    return _zeros(parameters, b_like_w=True), _zeros(parameters,
                                                     b_like_w=True)


def adam_init_skips_last_layer(parameters):
    return (_zeros(parameters, skip_last=True),
            _zeros(parameters, skip_last=True))


def adam_init_s_is_v(parameters):
    v = _zeros(parameters)
    s = v
    return v, s


def adam_init_shared_arrays(parameters):
    v, s = {}, {}
    for key, zeros in _zeros(parameters).items():
        v[key] = s[key] = zeros
    return v, s


def adam_init_zeros_like(parameters):
    v = {"d" + key: np.zeros_like(value, dtype=float)
         for key, value in parameters.items()}
    s = {key: np.zeros_like(value) for key, value in v.items()}
    return v, s


# --- update_parameters_with_momentum -----------------------------------------

def _momentum(parameters, grads, v, beta, learning_rate, damp=True,
              step_on_gradient=False, swap=False, keep_v=False):
    new_v = {}
    for l in _layers(parameters):
        for name in ("W", "b"):
            key = f"d{name}{l}"
            old, keep = (1 - beta, beta) if swap else (beta, 1 - beta)
            new_v[key] = old * v[key] + (keep if damp else 1.0) * grads[key]
            step = grads[key] if step_on_gradient else new_v[key]
            parameters[f"{name}{l}"] = (parameters[f"{name}{l}"]
                                        - learning_rate * step)
    if not keep_v:
        v.update(new_v)
    return parameters, v


def momentum_no_damping(parameters, grads, v, beta, learning_rate):
    return _momentum(parameters, grads, v, beta, learning_rate, damp=False)


def momentum_steps_on_gradient(parameters, grads, v, beta, learning_rate):
    return _momentum(parameters, grads, v, beta, learning_rate,
                     step_on_gradient=True)


def momentum_betas_swapped(parameters, grads, v, beta, learning_rate):
    return _momentum(parameters, grads, v, beta, learning_rate, swap=True)


def momentum_velocity_not_saved(parameters, grads, v, beta, learning_rate):
    return _momentum(parameters, grads, v, beta, learning_rate, keep_v=True)


def momentum_in_place(parameters, grads, v, beta, learning_rate):
    for key in grads:
        v[key] *= beta
        v[key] += (1 - beta) * grads[key]
        parameters[key[1:]] -= learning_rate * v[key]
    return parameters, v


# --- update_parameters_with_adam ---------------------------------------------

def _adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon,
          eps_inside=False, correct=True, store_corrected=False,
          square=True, beta1_for_s=False, layer_power=False):
    for l in _layers(parameters):
        for name in ("W", "b"):
            key = f"d{name}{l}"
            b2 = beta1 if beta1_for_s else beta2
            g2 = grads[key] ** 2 if square else grads[key]
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            s[key] = b2 * s[key] + (1 - b2) * g2
            power = l if layer_power else t
            v_hat = v[key] / (1 - beta1 ** power) if correct else v[key]
            s_hat = s[key] / (1 - b2 ** power) if correct else s[key]
            if store_corrected:
                v[key], s[key] = v_hat, s_hat
            if eps_inside:
                step = v_hat / np.sqrt(s_hat + epsilon)
            else:
                step = v_hat / (np.sqrt(s_hat) + epsilon)
            parameters[f"{name}{l}"] = (parameters[f"{name}{l}"]
                                        - learning_rate * step)
    return parameters, v, s


def momentum_step_before_velocity(parameters, grads, v, beta, learning_rate):
    for l in _layers(parameters):
        for name in ("W", "b"):
            key = f"d{name}{l}"
            parameters[f"{name}{l}"] = (parameters[f"{name}{l}"]
                                        - learning_rate * v[key])
            v[key] = beta * v[key] + (1 - beta) * grads[key]
    return parameters, v


def adam_power_of_the_difference(parameters, grads, v, s, t,
                                 learning_rate=0.01, beta1=0.9, beta2=0.999,
                                 epsilon=1e-8):
    for l in _layers(parameters):
        for name in ("W", "b"):
            key = f"d{name}{l}"
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            s[key] = beta2 * s[key] + (1 - beta2) * grads[key] ** 2
            v_hat = v[key] / (1 - beta1) ** t
            s_hat = s[key] / (1 - beta2 ** t)
            parameters[f"{name}{l}"] = (parameters[f"{name}{l}"]
                                        - learning_rate * v_hat
                                        / (np.sqrt(s_hat) + epsilon))
    return parameters, v, s


def adam_epsilon_inside_sqrt(parameters, grads, v, s, t, learning_rate=0.01,
                             beta1=0.9, beta2=0.999, epsilon=1e-8):
    return _adam(parameters, grads, v, s, t, learning_rate, beta1, beta2,
                 epsilon, eps_inside=True)


def adam_no_bias_correction(parameters, grads, v, s, t, learning_rate=0.01,
                            beta1=0.9, beta2=0.999, epsilon=1e-8):
    return _adam(parameters, grads, v, s, t, learning_rate, beta1, beta2,
                 epsilon, correct=False)


def adam_stores_corrected(parameters, grads, v, s, t, learning_rate=0.01,
                          beta1=0.9, beta2=0.999, epsilon=1e-8):
    return _adam(parameters, grads, v, s, t, learning_rate, beta1, beta2,
                 epsilon, store_corrected=True)


def adam_gradient_not_squared(parameters, grads, v, s, t, learning_rate=0.01,
                              beta1=0.9, beta2=0.999, epsilon=1e-8):
    return _adam(parameters, grads, v, s, t, learning_rate, beta1, beta2,
                 epsilon, square=False)


def adam_beta1_for_s(parameters, grads, v, s, t, learning_rate=0.01,
                     beta1=0.9, beta2=0.999, epsilon=1e-8):
    return _adam(parameters, grads, v, s, t, learning_rate, beta1, beta2,
                 epsilon, beta1_for_s=True)


def adam_layer_as_time(parameters, grads, v, s, t, learning_rate=0.01,
                       beta1=0.9, beta2=0.999, epsilon=1e-8):
    return _adam(parameters, grads, v, s, t, learning_rate, beta1, beta2,
                 epsilon, layer_power=True)


def adam_by_key(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                beta2=0.999, epsilon=1e-8):
    correction1, correction2 = 1 - beta1 ** t, 1 - beta2 ** t
    for key, gradient in grads.items():
        v[key] = beta1 * v[key] + (1 - beta1) * gradient
        s[key] = beta2 * s[key] + (1 - beta2) * gradient * gradient
        parameters[key[1:]] = parameters[key[1:]] - learning_rate * (
            v[key] / correction1) / ((s[key] / correction2) ** 0.5 + epsilon)
    return parameters, v, s


#: A mutant of a function no other graded function calls.
ROUND_TRIP = ("update_parameters_with_adam", "epsilon inside the square root")

MUTANTS = {
    "update_parameters_with_gd": [
        Mutant("gradient ascent", gd_ascent,
               "gradient descent subtracts: W = W - learning_rate * dW"),
        Mutant("last layer not updated", gd_skips_last_layer,
               "update every layer l = 1, ..., L: range(1, L + 1)"),
        Mutant("biases not updated", gd_frozen_bias,
               "update the biases too: b = b - learning_rate * db"),
        Mutant("learning rate missing on b", gd_bias_without_rate),
    ],
    "random_mini_batches": [
        Mutant("not shuffled", batches_not_shuffled,
               "shuffle first: reorder the columns of X and Y with "
               "np.random.permutation(m)"),
        Mutant("X and Y shuffled differently", batches_two_permutations,
               "use the same permutation for X and for Y, or the labels "
               "no longer belong to their examples"),
        Mutant("last partial mini-batch dropped", batches_drop_last,
               "when m is not a multiple of mini_batch_size, the remaining "
               "examples form one last, smaller mini-batch"),
        Mutant("empty last mini-batch", batches_empty_last,
               "add the last mini-batch only when m % mini_batch_size != 0"),
        # No hint: without the seed, the output depends on whatever the
        # global random state was, so it cannot be recognized.
        Mutant("no np.random.seed", batches_not_seeded),
    ],
    "initialize_velocity": [
        Mutant("keys without the d", velocity_parameter_keys,
               "the velocity's keys are those of the gradients: 'dW1', "
               "'db1', ..."),
        Mutant("db shaped like W", velocity_b_like_w),
        Mutant("last layer missing", velocity_skips_last_layer,
               "create entries for every layer l = 1, ..., L"),
        Mutant("rank-1 db", velocity_rank1_b),
    ],
    "update_parameters_with_momentum": [
        Mutant("no (1 - beta) on the gradient", momentum_no_damping,
               "the velocity is a weighted average: beta * v + (1 - beta) "
               "* dW"),
        Mutant("steps along the gradient", momentum_steps_on_gradient,
               "step along the velocity: W = W - learning_rate * v['dW1']"),
        Mutant("beta and 1 - beta swapped", momentum_betas_swapped,
               "beta weighs the old velocity and (1 - beta) the new "
               "gradient"),
        Mutant("velocity not updated", momentum_velocity_not_saved,
               "store the new velocity in v and return it"),
        Mutant("step taken before the velocity is updated",
               momentum_step_before_velocity,
               "the order matters: first update the velocity with this "
               "step's gradient, then step along the new velocity"),
    ],
    "initialize_adam": [
        Mutant("keys without the d", adam_init_parameter_keys,
               "v and s have the gradients' keys: 'dW1', 'db1', ..."),
        Mutant("s starts at ones", adam_init_s_ones,
               "both averages start at zero"),
        Mutant("db shaped like W", adam_init_b_like_w),
        Mutant("last layer missing", adam_init_skips_last_layer,
               "create entries for every layer l = 1, ..., L"),
        Mutant("s is v", adam_init_s_is_v,
               "`s = v` gives one dict two names: Adam's two averages "
               "would overwrite each other; build s with its own zeros"),
        Mutant("v and s share their arrays", adam_init_shared_arrays,
               "`v[key] = s[key] = np.zeros(...)` puts one array in both "
               "dicts: each average needs its own np.zeros"),
    ],
    "update_parameters_with_adam": [
        Mutant("epsilon inside the square root", adam_epsilon_inside_sqrt,
               "add epsilon after the square root: "
               "sqrt(s_corrected) + epsilon"),
        Mutant("no bias correction", adam_no_bias_correction,
               "divide v by (1 - beta1 ** t) and s by (1 - beta2 ** t) "
               "before the step"),
        Mutant("corrected values stored in v and s", adam_stores_corrected,
               "keep v and s uncorrected; the corrected values are only "
               "for the step"),
        Mutant("gradient not squared in s", adam_gradient_not_squared,
               "s averages the squared gradients: dW ** 2"),
        Mutant("beta1 used for s", adam_beta1_for_s,
               "s is averaged with beta2, v with beta1"),
        Mutant("layer index instead of t", adam_layer_as_time),
        Mutant("(1 - beta1) ** t", adam_power_of_the_difference,
               "the correction raises beta1 to the power t, then "
               "subtracts from 1: 1 - beta1 ** t, since ** binds tighter "
               "than -"),
    ],
}

ALTERNATIVES = {
    "update_parameters_with_gd": [gd_new_dict],
    "random_mini_batches": [batches_by_stepping, batches_while_loop],
    "initialize_velocity": [velocity_zeros_like],
    "update_parameters_with_momentum": [momentum_in_place],
    "initialize_adam": [adam_init_zeros_like],
    "update_parameters_with_adam": [adam_by_key],
}
