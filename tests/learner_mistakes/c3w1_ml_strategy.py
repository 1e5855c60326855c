"""Learners' mistakes in ``c3w1_ml_strategy``."""
import numpy as np

from tests.learner_mistakes import Mistake, edit


def split_dataset_fixed_sizes(X, Y, dev_fraction, test_fraction, seed):
    # the demo's 1000 examples: 800 / 100 / 100 written in
    order = np.random.default_rng(seed).permutation(X.shape[1])
    X, Y = X[:, order], Y[:, order]
    return (X[:, :800], Y[:, :800], X[:, 800:900], Y[:, 800:900],
            X[:, 900:], Y[:, 900:])


MISTAKES = [
    # confusion_counts
    Mistake("confusion_counts", "FP and FN swapped", ("FP", "false positive"),
            edit('"FP": int(np.sum(predicted & ~actual))',
                 '"FP": int(np.sum(~predicted & actual))',
                 '"FN": int(np.sum(~predicted & actual))',
                 '"FN": int(np.sum(predicted & ~actual))')),
    Mistake("confusion_counts", "NumPy integers instead of int",
            ("int",), edit("int(np.sum(", "(np.sum(")),
    Mistake("confusion_counts", "TN counted as not predicted",
            ("TN",), edit('"TN": int(np.sum(~predicted & ~actual))',
                          '"TN": int(np.sum(~predicted))')),
    Mistake("confusion_counts", "`and` on arrays instead of &", ("&",),
            edit("np.sum(predicted & actual)",
                 "np.sum(predicted and actual)")),
    Mistake("confusion_counts", "counts as fractions (mean)",
            ("count", "numbers of examples"),
            edit("int(np.sum(", "float(np.mean(")),
    # precision
    Mistake("precision", "TP / (TP + FN) (recall)", ("FP",),
            edit('counts["TP"] + counts["FP"]',
                 'counts["TP"] + counts["FN"]')),
    Mistake("precision", "no guard: 0 / 0 when nothing is predicted "
            "positive", ("0",), edit("if predicted_positive == 0:\n"
                                     "        return 0.0\n    ", "")),
    Mistake("precision", "integer division", ("/",),
            edit('counts["TP"] / predicted_positive',
                 'counts["TP"] // predicted_positive')),
    Mistake("precision", "returns 1.0 when nothing is predicted positive",
            ("0",), edit("return 0.0", "return 1.0")),
    # recall
    Mistake("recall", "TP / (TP + FP) (precision)", ("FN",),
            edit('counts["TP"] + counts["FN"]',
                 'counts["TP"] + counts["FP"]')),
    Mistake("recall", "no guard when there are no positives", ("0",),
            edit("if actual_positive == 0:\n        return 0.0\n    ", "")),
    Mistake("recall", "integer division", ("/",),
            edit('counts["TP"] / actual_positive',
                 'counts["TP"] // actual_positive')),
    Mistake("recall", "TP over all examples", ("FN",),
            edit('counts["TP"] / actual_positive',
                 'counts["TP"] / Y.size')),
    # f1_score
    Mistake("f1_score", "arithmetic mean of p and r", ("harmonic",),
            edit("f1 = 2 * p * r / (p + r)", "f1 = (p + r) / 2")),
    Mistake("f1_score", "factor 2 forgotten", ("2",),
            edit("f1 = 2 * p * r / (p + r)", "f1 = p * r / (p + r)")),
    Mistake("f1_score", "no guard when p + r = 0", ("0",),
            edit("if p + r == 0:\n        return 0.0\n    ", "")),
    Mistake("f1_score", "2 * p * r / p + r precedence", ("parenthes",),
            edit("f1 = 2 * p * r / (p + r)", "f1 = 2 * p * r / p + r")),
    # choose_classifier
    Mistake("choose_classifier", "strict < on the thresholds", ("<=",),
            edit("satisficing <= thresholds", "satisficing < thresholds")),
    Mistake("choose_classifier", "argmin of the optimizing metric",
            ("max", "highest"), edit("int(np.argmax(scores))",
                           "int(np.argmin(np.where(acceptable, optimizing, "
                           "np.inf)))")),
    Mistake("choose_classifier", "satisficing ignored", ("satisficing",),
            edit("scores = np.where(acceptable, optimizing, -np.inf)",
                 "scores = optimizing")),
    Mistake("choose_classifier", "returns -1 when none is acceptable",
            ("None",), edit("return None", "return -1")),
    Mistake("choose_classifier", "all metrics must pass: any instead of "
            "all", ("all",), edit("acceptable = np.all(", "acceptable = "
                                  "np.any(")),
    # split_dataset
    Mistake("split_dataset", "sizes of the demo written in", ("fraction",),
            code=split_dataset_fixed_sizes),
    Mistake("split_dataset", "X and Y shuffled separately", ("order",),
            edit("X[:, order], Y[:, order]",
                 "X[:, order], Y[:, np.random.default_rng(seed + 1)"
                 ".permutation(m)]")),
    Mistake("split_dataset", "int() truncates instead of rounding",
            ("round",), edit("int(round(dev_fraction * m))",
                             "int(dev_fraction * m)",
                             "int(round(test_fraction * m))",
                             "int(test_fraction * m)")),
    Mistake("split_dataset", "np.random.seed and permutation",
            ("default_rng",), edit("np.random.default_rng(seed).permutation"
                                   "(m)", "np.random.RandomState(seed)"
                                   ".permutation(m)")),
    Mistake("split_dataset", "not shuffled", ("shuffl",),
            edit("X[:, order], Y[:, order]", "X, Y")),
    # bias_variance_diagnosis
    Mistake("bias_variance_diagnosis", "mean of the human errors as "
            "Bayes proxy", ("min", "lowest"),
            edit("float(np.min(human_error))", "float(np.mean(human_error))")),
    Mistake("bias_variance_diagnosis", "variance from dev - human",
            ("train",), edit("variance = dev_error - train_error",
                             "variance = dev_error - bayes_proxy")),
    Mistake("bias_variance_diagnosis", "tie goes to variance", (">=", "equal"),
            edit("avoidable_bias >= variance", "avoidable_bias > variance")),
    Mistake("bias_variance_diagnosis", "the worst human error as Bayes "
            "proxy", ("min",), edit("np.min(human_error)",
                                    "np.max(human_error)")),
]
