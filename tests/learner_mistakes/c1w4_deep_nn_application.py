"""Learners' mistakes in ``c1w4_deep_nn_application``."""
from tests.learner_mistakes import Mistake, edit

MISTAKES = [
    # two_layer_model
    Mistake("two_layer_model", "learning rate forgotten in the update",
            ("learning_rate",),
            edit("update_parameters(parameters, grads, learning_rate)",
                 "update_parameters(parameters, grads, 0.0075)")),
    Mistake("two_layer_model", "sigmoid and relu swapped",
            ("relu",), edit('parameters["b1"], "relu"',
                            'parameters["b1"], "sigmoid"')),
    Mistake("two_layer_model", "dA2 with the wrong sign", ("sign",),
            edit("dA2 = -(np.divide", "dA2 = (np.divide")),
    Mistake("two_layer_model", "costs recorded every iteration", ("100",),
            edit("if i % 100 == 0:\n            costs.append(cost)\n",
                 "costs.append(cost)\n        if i % 100 == 0:\n")),
    Mistake("two_layer_model", "n_x and n_h swapped when unpacking",
            ("layers_dims",), edit("n_x, n_h, n_y = layers_dims",
                                   "n_h, n_x, n_y = layers_dims")),
    Mistake("two_layer_model", "layer 1's backward pass fed dA2",
            ("dA1",), edit('linear_activation_backward(dA1, cache1',
                           'linear_activation_backward(dA2, cache1')),
    # L_layer_model
    Mistake("L_layer_model", "learning rate 0.0075 written in",
            ("learning_rate",),
            edit("update_parameters(parameters, grads, learning_rate)",
                 "update_parameters(parameters, grads, 0.0075)")),
    Mistake("L_layer_model", "one iteration fewer", ("num_iterations",),
            edit("range(num_iterations)", "range(1, num_iterations)")),
    Mistake("L_layer_model", "prints even when print_cost is False",
            ("print_cost",), edit("if print_cost:", "if True:")),
    Mistake("L_layer_model", "cost computed after the update",
            ("cost",), edit("cost = compute_cost(AL, Y)\n        ",
                            "",
                            "learning_rate)\n",
                            "learning_rate)\n        cost = compute_cost("
                            "L_model_forward(X, parameters)[0], Y)\n")),
    Mistake("L_layer_model", "the 2-layer initialization for every depth",
            ("initialize_parameters_deep",),
            edit("initialize_parameters_deep(layers_dims)",
                 "initialize_parameters(layers_dims[0], layers_dims[1], "
                 "layers_dims[-1])")),
]
