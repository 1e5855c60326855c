"""Learners' mistakes in ``c2w1_initialization``."""
from tests.learner_mistakes import Mistake, edit

MISTAKES = [
    # initialize_parameters_zeros
    Mistake("initialize_parameters_zeros", "loop stops one layer early",
            ("L",), edit("range(1, L + 1)", "range(1, L)")),
    Mistake("initialize_parameters_zeros", "W shapes transposed",
            ("transpos", "swapped"), edit("np.zeros((layers_dims[l],\n"
                                "                                     "
                                "        layers_dims[l - 1]))",
                                "np.zeros((layers_dims[l - 1], "
                                "layers_dims[l]))")),
    Mistake("initialize_parameters_zeros", "rank-1 biases",
            ("(n_l, 1)", "rank-1"),
            edit("np.zeros((layers_dims[l], 1))", "np.zeros(layers_dims[l])")),
    Mistake("initialize_parameters_zeros", "keys W0, b0, ... from 0",
            ("W1",), edit('"W" + str(l)', '"W" + str(l - 1)',
                          '"b" + str(l)', '"b" + str(l - 1)')),
    # initialize_parameters_random
    Mistake("initialize_parameters_random", "scaled by 0.01 out of habit",
            ("10",), edit(" * 10", " * 0.01")),
    Mistake("initialize_parameters_random", "seed forgotten", ("seed",),
            edit("np.random.seed(3)\n    ", "")),
    Mistake("initialize_parameters_random", "rand (uniform) for randn",
            ("randn",), edit("np.random.randn", "np.random.rand")),
    Mistake("initialize_parameters_random", "biases drawn too",
            ("zero",), edit("np.zeros((layers_dims[l], 1))",
                            "np.random.randn(layers_dims[l], 1) * 10")),
    Mistake("initialize_parameters_random", "L = len(layers_dims)",
            ("L",), edit("L = len(layers_dims) - 1", "L = len(layers_dims)")),
    # initialize_parameters_he
    Mistake("initialize_parameters_he", "scale from the layer's own size",
            ("l - 1",), edit("np.sqrt(2 / layers_dims[l - 1])",
                             "np.sqrt(2 / layers_dims[l])")),
    Mistake("initialize_parameters_he", "Xavier's sqrt(1 / n)", ("2",),
            edit("np.sqrt(2 / layers_dims[l - 1])",
                 "np.sqrt(1 / layers_dims[l - 1])")),
    Mistake("initialize_parameters_he", "square root forgotten",
            ("sqrt", "square root"),
            edit("np.sqrt(2 / layers_dims[l - 1])", "2 / layers_dims[l - 1]")),
    Mistake("initialize_parameters_he", "divides by the scale",
            ("multipl",), edit("layers_dims[l - 1]) * scale",
                               "layers_dims[l - 1]) / scale")),
    Mistake("initialize_parameters_he", "loop stops one layer early",
            ("L",), edit("range(1, L + 1)", "range(1, L)")),
]
