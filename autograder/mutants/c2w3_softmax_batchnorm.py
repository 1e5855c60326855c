"""Mutants and correct alternatives for ``c2w3_softmax_batchnorm``."""
import numpy as np

from autograder.helpers.optimizers import (
    initialize_adam,
    random_mini_batches,
    update_parameters_with_adam,
)
from autograder.reference.c2w3_softmax_batchnorm import (
    backward_propagation,
    compute_cost,
    forward_propagation,
    initialize_parameters,
    predict,
    softmax,
)
from autograder.spec import Mutant

# --- one_hot_matrix ----------------------------------------------------------

def one_hot_transposed(labels, C):
    labels = np.asarray(labels).reshape(-1)
    return np.eye(C)[labels]


def one_hot_off_by_one(labels, C):
    labels = np.asarray(labels).reshape(-1)
    out = np.zeros((C, labels.size))
    out[(labels - 1) % C, np.arange(labels.size)] = 1.0
    return out


def one_hot_classes_from_labels(labels, C):
    labels = np.asarray(labels).reshape(-1)
    return np.eye(labels.max() + 1)[:, labels]


def one_hot_eye_columns(labels, C):
    return np.eye(C)[:, np.ravel(labels)]


def one_hot_loop(labels, C):
    labels = np.asarray(labels).ravel()
    out = np.zeros((C, len(labels)))
    for i, label in enumerate(labels):
        out[label, i] = 1
    return out


# --- softmax -----------------------------------------------------------------

def softmax_rows(Z):
    e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def softmax_unshifted(Z):
    e = np.exp(Z)
    return e / np.sum(e, axis=0, keepdims=True)


def softmax_global_max(Z):
    e = np.exp(Z - np.max(Z))
    return e / np.sum(e, axis=0, keepdims=True)


def softmax_whole_sum(Z):
    e = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return e / np.sum(e)


def softmax_no_keepdims(Z):
    e = np.exp(Z - Z.max(axis=0))
    return e / e.sum(axis=0)


def softmax_via_logsumexp(Z):
    top = np.max(Z, axis=0, keepdims=True)
    log_norm = top + np.log(np.sum(np.exp(Z - top), axis=0, keepdims=True))
    return np.exp(Z - log_norm)


# --- compute_cost and cost_backward ------------------------------------------

def _log_softmax(Z):
    shifted = Z - np.max(Z, axis=0, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))


def cost_summed(ZL, Y):
    return float(-np.sum(Y * _log_softmax(ZL)))


def cost_naive_log(ZL, Y):
    return float(-np.sum(Y * np.log(softmax(ZL))) / Y.shape[1])


def cost_mean_over_entries(ZL, Y):
    return float(-np.mean(Y * _log_softmax(ZL)))


def cost_binary_formula(ZL, Y):
    A = np.clip(softmax(ZL), 1e-300, 1 - 1e-16)
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
                 / Y.shape[1])


def cost_no_minus(ZL, Y):
    return float(np.sum(Y * _log_softmax(ZL)) / Y.shape[1])


def cost_by_picking(ZL, Y):
    m = Y.shape[1]
    top = ZL.max(axis=0)
    log_norm = top + np.log(np.exp(ZL - top).sum(axis=0))
    picked = ZL[np.argmax(Y, axis=0), np.arange(m)]
    return float(np.mean(log_norm - picked))


def cost_backward_reversed(ZL, Y):
    return Y - softmax(ZL)


def cost_backward_averaged(ZL, Y):
    return (softmax(ZL) - Y) / Y.shape[1]


def cost_backward_no_softmax(ZL, Y):
    return ZL - Y


def cost_backward_probabilities(ZL, Y):
    return softmax(ZL)


def cost_backward_subtract_one(ZL, Y):
    dZ = softmax(ZL)
    dZ[Y == 1] -= 1.0
    return dZ


# --- batchnorm_forward -------------------------------------------------------

def _bn(Z, gamma, beta, epsilon, axis=1, ddof=0, eps_outside=False,
        swap=False):
    mu = np.mean(Z, axis=axis, keepdims=True)
    var = np.var(Z, axis=axis, keepdims=True, ddof=ddof)
    if eps_outside:
        Z_norm = (Z - mu) / (np.sqrt(var) + epsilon)
    else:
        Z_norm = (Z - mu) / np.sqrt(var + epsilon)
    scale, shift = (beta, gamma) if swap else (gamma, beta)
    return scale * Z_norm + shift, (Z_norm, mu, var, gamma, epsilon)


def bn_over_units(Z, gamma, beta, epsilon=1e-5):
    return _bn(Z, gamma, beta, epsilon, axis=0)


def bn_unbiased_variance(Z, gamma, beta, epsilon=1e-5):
    return _bn(Z, gamma, beta, epsilon, ddof=1)


def bn_epsilon_outside(Z, gamma, beta, epsilon=1e-5):
    return _bn(Z, gamma, beta, epsilon, eps_outside=True)


def bn_scaled_in_place(Z, gamma, beta, epsilon=1e-5):
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)
    Z_norm = (Z - mu) / np.sqrt(var + epsilon)
    Z_tilde = Z_norm
    Z_tilde *= gamma
    Z_tilde += beta
    return Z_tilde, (Z_norm, mu, var, gamma, epsilon)


def bn_gamma_beta_swapped(Z, gamma, beta, epsilon=1e-5):
    return _bn(Z, gamma, beta, epsilon, swap=True)


def bn_no_epsilon(Z, gamma, beta, epsilon=1e-5):
    Z_tilde, cache = _bn(Z, gamma, beta, 0.0)
    return Z_tilde, cache[:4] + (epsilon,)


def bn_with_np_var(Z, gamma, beta, epsilon=1e-5):
    mu = Z.mean(axis=1).reshape(-1, 1)
    var = Z.var(axis=1).reshape(-1, 1)
    Z_norm = (Z - mu) * (var + epsilon) ** -0.5
    return gamma * Z_norm + beta, (Z_norm, mu, var, gamma, epsilon)


# --- batchnorm_backward ------------------------------------------------------

def bn_backward_uncoupled(dZ_tilde, cache):
    Z_norm, _, var, gamma, epsilon = cache
    return (gamma / np.sqrt(var + epsilon) * dZ_tilde,
            np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True),
            np.mean(dZ_tilde, axis=1, keepdims=True))


def _bn_back(dZ_tilde, cache, reduce=np.mean, mean_term=True,
             var_term=True):
    Z_norm, _, var, gamma, epsilon = cache
    dbeta = reduce(dZ_tilde, axis=1, keepdims=True)
    dgamma = reduce(dZ_tilde * Z_norm, axis=1, keepdims=True)
    mean_dbeta = np.mean(dZ_tilde, axis=1, keepdims=True)
    mean_dgamma = np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True)
    inner = dZ_tilde.copy()
    if mean_term:
        inner -= mean_dbeta
    if var_term:
        inner -= Z_norm * mean_dgamma
    return gamma / np.sqrt(var + epsilon) * inner, dgamma, dbeta


def bn_backward_sums(dZ_tilde, cache):
    return _bn_back(dZ_tilde, cache, reduce=np.sum)


def bn_backward_no_variance_term(dZ_tilde, cache):
    return _bn_back(dZ_tilde, cache, var_term=False)


def bn_backward_no_mean_term(dZ_tilde, cache):
    return _bn_back(dZ_tilde, cache, mean_term=False)


def bn_backward_one_accumulator(dZ_tilde, cache):
    Z_norm, _, var, gamma, epsilon = cache
    n, m = dZ_tilde.shape
    dgamma = dbeta = np.zeros((n, 1))
    for i in range(m):
        dbeta += dZ_tilde[:, i:i + 1] / m
        dgamma += dZ_tilde[:, i:i + 1] * Z_norm[:, i:i + 1] / m
    dZ = gamma / np.sqrt(var + epsilon) * (dZ_tilde - dbeta
                                           - Z_norm * dgamma)
    return dZ, dgamma, dbeta


def bn_backward_chain_rule(dZ_tilde, cache):
    """The long way: through Z_norm, var and mu, step by step."""
    Z_norm, _, var, gamma, epsilon = cache
    m = dZ_tilde.shape[1]
    std = np.sqrt(var + epsilon)
    centred = Z_norm * std                      # Z - mu
    dZ_norm = dZ_tilde * gamma
    dvar = np.sum(dZ_norm * centred, axis=1, keepdims=True) * -0.5 / std ** 3
    dmu = (np.sum(-dZ_norm / std, axis=1, keepdims=True)
           + dvar * np.mean(-2.0 * centred, axis=1, keepdims=True))
    dZ = dZ_norm / std + dvar * 2.0 * centred / m + dmu / m
    dgamma = np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True) / m
    dbeta = np.sum(dZ_tilde, axis=1, keepdims=True) / m
    return dZ, dgamma, dbeta


# --- initialize_parameters ---------------------------------------------------

def _init(layer_dims, seed, draw):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = draw(layer_dims[l - 1], layer_dims[l])
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def init_he_normal(layer_dims, seed=1):
    return _init(layer_dims, seed, lambda n_in, n_out: np.random.randn(
        n_out, n_in) * np.sqrt(2 / n_in))


def init_fan_in_only(layer_dims, seed=1):
    def draw(n_in, n_out):
        limit = np.sqrt(6 / n_in)
        return np.random.uniform(-limit, limit, (n_out, n_in))
    return _init(layer_dims, seed, draw)


def init_positive_only(layer_dims, seed=1):
    def draw(n_in, n_out):
        limit = np.sqrt(6 / (n_in + n_out))
        return np.random.uniform(0, limit, (n_out, n_in))
    return _init(layer_dims, seed, draw)


def init_transposed(layer_dims, seed=1):
    def draw(n_in, n_out):
        limit = np.sqrt(6 / (n_in + n_out))
        return np.random.uniform(-limit, limit, (n_in, n_out))
    return _init(layer_dims, seed, draw)


def init_from_rand(layer_dims, seed=1):
    def draw(n_in, n_out):
        limit = np.sqrt(6 / (n_in + n_out))
        return (2 * np.random.rand(n_out, n_in) - 1) * limit
    return _init(layer_dims, seed, draw)


# --- forward_propagation -----------------------------------------------------

def _forward(X, parameters, relu_out=False, probabilities=False,
             cache_output=False, bias=True):
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + (b if bias else 0)
        A_next = np.maximum(0, Z) if (l < L or relu_out) else Z
        caches.append((A_next if cache_output else A, W, b, Z))
        A = A_next
    if probabilities:
        A = softmax(A)
    return A, caches


def forward_relu_output(X, parameters):
    return _forward(X, parameters, relu_out=True)


def forward_softmax_output(X, parameters):
    return _forward(X, parameters, probabilities=True)


def forward_caches_output(X, parameters):
    return _forward(X, parameters, cache_output=True)


def forward_no_bias(X, parameters):
    return _forward(X, parameters, bias=False)


def forward_matmul(X, parameters):
    return _forward(X, parameters)


# --- backward_propagation ----------------------------------------------------

def _backward(ZL, Y, caches, scale=True, plain_difference=False,
              relu_on_gradient=False):
    m = Y.shape[1]
    grads = {}
    dZ = (ZL - Y) if plain_difference else softmax(ZL) - Y
    for l in range(len(caches), 0, -1):
        A_prev, W, _, _ = caches[l - 1]
        factor = 1 / m if scale else 1.0
        grads[f"dW{l}"] = factor * dZ @ A_prev.T
        grads[f"db{l}"] = factor * dZ.sum(axis=1, keepdims=True)
        if l > 1:
            dA = W.T @ dZ
            if relu_on_gradient:
                dZ = np.maximum(0, dA)
            else:
                dZ = dA * (caches[l - 2][3] > 0)
    return grads


def backward_no_1_over_m(ZL, Y, caches):
    return _backward(ZL, Y, caches, scale=False)


def backward_no_softmax(ZL, Y, caches):
    return _backward(ZL, Y, caches, plain_difference=True)


def backward_relu_of_gradient(ZL, Y, caches):
    return _backward(ZL, Y, caches, relu_on_gradient=True)


def backward_relu_from_activation(ZL, Y, caches):
    """Correct: A_prev = relu(Z_prev), so A_prev > 0 exactly when
    Z_prev > 0."""
    m = Y.shape[1]
    grads = {}
    dZ = softmax(ZL) - Y
    for l in reversed(range(1, len(caches) + 1)):
        A_prev, W, _, _ = caches[l - 1]
        grads["dW" + str(l)] = np.dot(dZ, A_prev.T) / m
        grads["db" + str(l)] = np.mean(dZ, axis=1, keepdims=True)
        dZ = np.where(A_prev > 0, np.dot(W.T, dZ), 0.0)
    return grads


# --- predict -----------------------------------------------------------------

def predict_rank1(X, parameters):
    return np.argmax(forward_propagation(X, parameters)[0], axis=0)


def predict_probabilities(X, parameters):
    return softmax(forward_propagation(X, parameters)[0])


def predict_argmin(X, parameters):
    ZL = forward_propagation(X, parameters)[0]
    return np.argmin(ZL, axis=0).reshape(1, -1)


def predict_from_softmax(X, parameters):
    ZL, _ = forward_propagation(X, parameters)
    return np.argmax(softmax(ZL), axis=0)[np.newaxis, :]


# --- model -------------------------------------------------------------------

def _model(X_train, Y_train, X_test, Y_test, layer_dims, learning_rate,
           num_epochs, minibatch_size, print_cost, same_seed=False,
           fixed_t=False, per_batch_average=False, divide_by_size=False,
           rate=None, swap=False):
    m = X_train.shape[1]
    parameters = initialize_parameters(layer_dims)
    v, s = initialize_adam(parameters)
    t, seed, costs = 0, 3, []
    for epoch in range(num_epochs):
        if not same_seed:
            seed += 1
        batches = random_mini_batches(X_train, Y_train, minibatch_size,
                                      seed)
        total = 0.0
        for batch_X, batch_Y in batches:
            ZL, caches = forward_propagation(batch_X, parameters)
            cost = compute_cost(ZL, batch_Y)
            total += cost if (per_batch_average or divide_by_size) \
                else cost * batch_X.shape[1]
            grads = backward_propagation(ZL, batch_Y, caches)
            t = 1 if fixed_t else t + 1
            parameters, v, s = update_parameters_with_adam(
                parameters, grads, v, s, t, rate or learning_rate)
        if per_batch_average:
            total /= len(batches)
        elif divide_by_size:
            total /= minibatch_size
        else:
            total /= m
        costs.append(total)
        if print_cost and epoch % 10 == 0:
            print("Cost after epoch %i: %f" % (epoch, total))
    accuracy = [np.mean(predict(X, parameters)
                        == np.argmax(Y, axis=0).reshape(1, -1))
                for X, Y in ((X_train, Y_train), (X_test, Y_test))]
    if swap:
        accuracy.reverse()
    print("Train accuracy: %f" % accuracy[0])
    print("Test accuracy: %f" % accuracy[1])
    return parameters, costs


def model_same_shuffle(X_train, Y_train, X_test, Y_test, layer_dims,
                       learning_rate=0.0001, num_epochs=1500,
                       minibatch_size=32, print_cost=True):
    return _model(X_train, Y_train, X_test, Y_test, layer_dims,
                  learning_rate, num_epochs, minibatch_size, print_cost,
                  same_seed=True)


def model_fixed_t(X_train, Y_train, X_test, Y_test, layer_dims,
                  learning_rate=0.0001, num_epochs=1500, minibatch_size=32,
                  print_cost=True):
    return _model(X_train, Y_train, X_test, Y_test, layer_dims,
                  learning_rate, num_epochs, minibatch_size, print_cost,
                  fixed_t=True)


def model_average_of_batch_costs(X_train, Y_train, X_test, Y_test,
                                 layer_dims, learning_rate=0.0001,
                                 num_epochs=1500, minibatch_size=32,
                                 print_cost=True):
    return _model(X_train, Y_train, X_test, Y_test, layer_dims,
                  learning_rate, num_epochs, minibatch_size, print_cost,
                  per_batch_average=True)


def model_cost_over_batch_size(X_train, Y_train, X_test, Y_test,
                               layer_dims, learning_rate=0.0001,
                               num_epochs=1500, minibatch_size=32,
                               print_cost=True):
    return _model(X_train, Y_train, X_test, Y_test, layer_dims,
                  learning_rate, num_epochs, minibatch_size, print_cost,
                  divide_by_size=True)


def model_default_rate(X_train, Y_train, X_test, Y_test, layer_dims,
                       learning_rate=0.0001, num_epochs=1500,
                       minibatch_size=32, print_cost=True):
    return _model(X_train, Y_train, X_test, Y_test, layer_dims,
                  learning_rate, num_epochs, minibatch_size, print_cost,
                  rate=0.0001)


def model_accuracies_swapped(X_train, Y_train, X_test, Y_test, layer_dims,
                             learning_rate=0.0001, num_epochs=1500,
                             minibatch_size=32, print_cost=True):
    return _model(X_train, Y_train, X_test, Y_test, layer_dims,
                  learning_rate, num_epochs, minibatch_size, print_cost,
                  swap=True)


def model_weighted_average(X_train, Y_train, X_test, Y_test, layer_dims,
                           learning_rate=0.0001, num_epochs=1500,
                           minibatch_size=32, print_cost=True):
    parameters = initialize_parameters(layer_dims)
    v, s = initialize_adam(parameters)
    t = 0
    costs = []
    for epoch in range(num_epochs):
        batches = random_mini_batches(X_train, Y_train, minibatch_size,
                                      epoch + 4)
        batch_costs, sizes = [], []
        for batch_X, batch_Y in batches:
            ZL, caches = forward_propagation(batch_X, parameters)
            batch_costs.append(compute_cost(ZL, batch_Y))
            sizes.append(batch_Y.shape[1])
            t += 1
            parameters, v, s = update_parameters_with_adam(
                parameters, backward_propagation(ZL, batch_Y, caches), v, s,
                t, learning_rate)
        costs.append(float(np.average(batch_costs, weights=sizes)))
        if print_cost and epoch % 10 == 0:
            print(f"Cost after epoch {epoch}: {costs[-1]:f}")
    for name, X, Y in (("Train", X_train, Y_train),
                       ("Test", X_test, Y_test)):
        right = predict(X, parameters)[0] == Y.argmax(axis=0)
        print(f"{name} accuracy: {right.mean():f}")
    return parameters, costs


# --- further learner mistakes (wrong axis, wrong formula piece) --------------

def softmax_sum_over_rows(Z):
    exps = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return exps / np.sum(exps, axis=1, keepdims=True)


def softmax_whole_array(Z):
    exps = np.exp(Z - np.max(Z))
    return exps / np.sum(exps)


def cost_log_of_scores(ZL, Y):
    return float(-np.sum(Y * np.log(np.abs(ZL))) / Y.shape[1])


def bn_divides_by_variance(Z, gamma, beta, epsilon=1e-5):
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)
    Z_norm = (Z - mu) / (var + epsilon)
    return gamma * Z_norm + beta, (Z_norm, mu, var, gamma, epsilon)


def bn_backward_no_gamma(dZ_tilde, cache):
    Z_norm, mu, var, gamma, epsilon = cache
    dbeta = np.mean(dZ_tilde, axis=1, keepdims=True)
    dgamma = np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True)
    dZ = (dZ_tilde - dbeta - Z_norm * dgamma) / np.sqrt(var + epsilon)
    return dZ, dgamma, dbeta


def init_normal_times_limit(layer_dims, seed=1):
    def draw(n_in, n_out):
        return np.sqrt(6 / (n_in + n_out)) * np.random.randn(n_out, n_in)
    return _init(layer_dims, seed, draw)


def backward_db_over_examples_axis(ZL, Y, caches):
    m = Y.shape[1]
    grads = {}
    dZ = softmax(ZL) - Y
    for l in range(len(caches), 0, -1):
        A_prev, W, b, Z = caches[l - 1]
        grads["dW" + str(l)] = np.dot(dZ, A_prev.T) / m
        grads["db" + str(l)] = np.sum(dZ, axis=0, keepdims=True) / m
        if l > 1:
            dZ = np.dot(W.T, dZ) * (caches[l - 2][3] > 0)
    return grads


def predict_argmax_rows(X, parameters):
    ZL, _ = forward_propagation(X, parameters)
    return np.argmax(ZL, axis=1).reshape(1, -1)


def predict_max_score(X, parameters):
    ZL, _ = forward_propagation(X, parameters)
    return np.max(ZL, axis=0).reshape(1, -1)



def cost_m_from_classes(ZL, Y):
    shifted = ZL - np.max(ZL, axis=0, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=0,
                                        keepdims=True))
    return float(-np.sum(Y * log_probs) / Y.shape[0])


def cost_backward_softmax_of_rows(ZL, Y):
    exps = np.exp(ZL - np.max(ZL, axis=1, keepdims=True))
    return exps / np.sum(exps, axis=1, keepdims=True) - Y


def backward_relu_slope_1_at_0(ZL, Y, caches):
    m = Y.shape[1]
    grads = {}
    dZ = softmax(ZL) - Y
    for l in range(len(caches), 0, -1):
        A_prev, W, b, Z = caches[l - 1]
        grads["dW" + str(l)] = np.dot(dZ, A_prev.T) / m
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            dZ = np.dot(W.T, dZ) * (caches[l - 2][3] >= 0)
    return grads


#: A mutant of a function no other graded function calls.
ROUND_TRIP = ("batchnorm_backward", "examples treated as independent")

MUTANTS = {
    "one_hot_matrix": [
        Mutant("one row per example", one_hot_transposed),
        Mutant("labels shifted by one", one_hot_off_by_one,
               "the labels run from 0 to C - 1 and are the row indices "
               "themselves: no shift by 1"),
        Mutant("number of classes from the labels",
               one_hot_classes_from_labels,
               "use C for the number of rows: a class may have no example"),
    ],
    "softmax": [
        Mutant("normalized over rows", softmax_rows,
               "each column (one example) must sum to 1: use axis=0"),
        Mutant("no shift before exp", softmax_unshifted,
               "subtract each column's maximum before np.exp, or large "
               "scores overflow"),
        Mutant("one maximum for the whole array", softmax_global_max,
               "subtract each column's own maximum (axis=0, "
               "keepdims=True), not the maximum of the whole array"),
        Mutant("divided by the sum of all entries", softmax_whole_sum,
               "divide each column by its own sum (axis=0)"),
        Mutant("sum over rows", softmax_sum_over_rows,
               "the sum runs over the classes of one example: "
               "np.sum(..., axis=0, keepdims=True), not axis=1"),
        Mutant("one max and one sum for the whole array",
               softmax_whole_array,
               "each column (one example) gets its own max and its own "
               "sum; without axis=0 np.max and np.sum use the whole "
               "array"),
    ],
    "compute_cost": [
        Mutant("sum instead of mean", cost_summed,
               "the cost is an average: divide by m"),
        Mutant("log of the softmax", cost_naive_log,
               "log(softmax(z)) fails when a probability rounds to 0: "
               "compute (z - max) - log(sum(exp(z - max))) instead"),
        Mutant("mean over classes and examples", cost_mean_over_entries,
               "sum over the classes, then average over the m examples "
               "only (np.mean over the whole array divides by C * m)"),
        Mutant("binary cross-entropy", cost_binary_formula,
               "with a softmax output the cost is only -1/m * sum(Y * "
               "log(softmax(ZL))): the (1 - Y) * log(1 - A) term belongs "
               "to the sigmoid's two-class cost"),
        Mutant("log of the scores", cost_log_of_scores,
               "ZL holds scores, not probabilities: take the log of "
               "softmax(ZL) (computed stably), not of ZL"),
        Mutant("no minus sign", cost_no_minus,
               "the cost has a minus sign: -1/m * sum(Y * log(A))"),
        Mutant("m from the classes", cost_m_from_classes,
               "m is the number of examples, the columns: Y.shape[1]; "
               "Y.shape[0] counts the classes"),
    ],
    "cost_backward": [
        Mutant("Y - softmax", cost_backward_reversed,
               "the derivative is softmax(ZL) - Y, not Y - softmax(ZL)"),
        Mutant("divided by m", cost_backward_averaged,
               "no 1/m here: it is applied once, when dW and db are "
               "formed"),
        Mutant("no softmax", cost_backward_no_softmax,
               "apply the softmax to ZL first: dZL = softmax(ZL) - Y"),
        Mutant("probabilities only", cost_backward_probabilities),
        Mutant("softmax over rows", cost_backward_softmax_of_rows,
               "the softmax normalizes each column (one example, axis=0), "
               "not each row"),
    ],
    "batchnorm_forward": [
        Mutant("scaled in place", bn_scaled_in_place,
               "`Z_tilde = Z_norm` gives one array two names: *= and += "
               "then change the Z_norm kept in the cache; write "
               "Z_tilde = gamma * Z_norm + beta"),
        Mutant("normalized over units", bn_over_units,
               "normalize each unit (row) over the examples: axis=1"),
        Mutant("unbiased variance", bn_unbiased_variance,
               "the variance divides by m (np.var's default ddof=0)"),
        Mutant("epsilon outside the square root", bn_epsilon_outside,
               "batch norm divides by sqrt(var + epsilon)"),
        Mutant("divides by the variance", bn_divides_by_variance,
               "divide by the standard deviation, np.sqrt(var + epsilon), "
               "not by the variance itself"),
        Mutant("gamma and beta swapped", bn_gamma_beta_swapped,
               "gamma scales and beta shifts: gamma * Z_norm + beta"),
        Mutant("epsilon ignored", bn_no_epsilon),
    ],
    "batchnorm_backward": [
        Mutant("dgamma and dbeta one array", bn_backward_one_accumulator,
               "`dgamma = dbeta = np.zeros(...)` makes one array: each += "
               "adds to both; give each its own np.zeros"),
        Mutant("examples treated as independent", bn_backward_uncoupled,
               "mu and var depend on every example of the batch: subtract "
               "dbeta and Z_norm * dgamma inside the parentheses"),
        Mutant("sums instead of means", bn_backward_sums,
               "dgamma and dbeta are means over the examples (the 1/m of "
               "the cost)"),
        Mutant("gamma forgotten in dZ", bn_backward_no_gamma,
               "Z_tilde = gamma * Z_norm + beta, so dZ carries the factor "
               "gamma / sqrt(var + epsilon)"),
        Mutant("variance term missing", bn_backward_no_variance_term),
        Mutant("mean term missing", bn_backward_no_mean_term),
    ],
    "initialize_parameters": [
        Mutant("He normal", init_he_normal,
               "draw W from np.random.uniform(-limit, limit, shape) with "
               "limit = sqrt(6 / (n[l-1] + n[l]))"),
        Mutant("limit from the inputs only", init_fan_in_only,
               "the Glorot limit uses both sizes: sqrt(6 / (n[l-1] + "
               "n[l]))"),
        Mutant("only positive weights", init_positive_only,
               "draw between -limit and +limit"),
        Mutant("normal draws times the limit", init_normal_times_limit,
               "the Glorot limit bounds a uniform draw: "
               "np.random.uniform(-limit, limit, shape), not limit * "
               "randn"),
        Mutant("W transposed", init_transposed),
    ],
    "forward_propagation": [
        Mutant("ReLU on the output layer", forward_relu_output,
               "the last layer stays linear: return its Z, not relu(Z)"),
        Mutant("returns probabilities", forward_softmax_output,
               "return the logits ZL; the softmax is part of the cost"),
        Mutant("caches the layer's output", forward_caches_output,
               "cache (A_prev, W, b, Z), with A_prev the layer's input"),
        Mutant("no bias", forward_no_bias),
    ],
    "backward_propagation": [
        Mutant("no 1/m", backward_no_1_over_m,
               "dW and db carry the factor 1/m"),
        Mutant("no softmax in dZL", backward_no_softmax,
               "start from dZL = softmax(ZL) - Y (cost_backward)"),
        Mutant("ReLU applied to the gradient", backward_relu_of_gradient,
               "the ReLU's derivative is a mask: dZ = dA * (Z_prev > 0), "
               "not relu(dA)"),
        Mutant("db summed over the units", backward_db_over_examples_axis,
               "db sums dZ over the examples, the columns: axis=1 with "
               "keepdims=True gives shape (n, 1)"),
        Mutant("ReLU slope 1 at z = 0", backward_relu_slope_1_at_0,
               "the ReLU's slope at z = 0 is taken as 0 here: the mask is "
               "Z_prev > 0, strictly"),
    ],
    "predict": [
        Mutant("rank-1 predictions", predict_rank1),
        Mutant("returns probabilities", predict_probabilities,
               "return the index of the largest score (np.argmax, "
               "axis=0), not the probabilities"),
        Mutant("argmin", predict_argmin),
        Mutant("argmax over the wrong axis", predict_argmax_rows,
               "the classes are the rows of ZL: np.argmax(ZL, axis=0) "
               "gives one label per example (column)"),
        Mutant("largest score instead of its index", predict_max_score,
               "np.max returns the largest score; np.argmax returns its "
               "row, the class label"),
    ],
    "model": [
        Mutant("same shuffle every epoch", model_same_shuffle,
               "increase seed by 1 at the start of every epoch"),
        Mutant("t never grows", model_fixed_t,
               "t counts every Adam step: t = t + 1 before each update"),
        Mutant("average of the mini-batch costs",
               model_average_of_batch_costs,
               "weigh each mini-batch's cost by its size and divide the "
               "total by m (the last mini-batch may be smaller)"),
        Mutant("cost divided by the batch size",
               model_cost_over_batch_size),
        Mutant("ignores learning_rate", model_default_rate,
               "pass learning_rate on to update_parameters_with_adam"),
        Mutant("train and test accuracies swapped",
               model_accuracies_swapped),
    ],
}

ALTERNATIVES = {
    "one_hot_matrix": [one_hot_eye_columns, one_hot_loop],
    "softmax": [softmax_no_keepdims, softmax_via_logsumexp],
    "compute_cost": [cost_by_picking],
    "cost_backward": [cost_backward_subtract_one],
    "batchnorm_forward": [bn_with_np_var],
    "batchnorm_backward": [bn_backward_chain_rule],
    "initialize_parameters": [init_from_rand],
    "forward_propagation": [forward_matmul],
    "backward_propagation": [backward_relu_from_activation],
    "predict": [predict_from_softmax],
    "model": [model_weighted_average],
}
