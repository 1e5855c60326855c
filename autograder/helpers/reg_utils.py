"""Given code for the regularization exercise (Course 2, Week 1).

The exercise trains a three-layer network, LINEAR -> RELU -> LINEAR -> RELU
-> LINEAR -> SIGMOID, on the two-dimensional "football" data set, first as
it is, then with L2 regularization and with dropout. The learner writes the
regularized cost and backward pass and the dropout forward and backward
passes; this module gathers the rest: the data loader (from
``football.py``), the network (from ``small_nets.py``) and the
decision-boundary plot (from ``course_data.py``). Nothing here is graded.

This file needs NumPy and Matplotlib, and those three siblings, so that
all can be copied next to a notebook. Written for this course; MIT
licence.
"""
# isort: off
if __package__:  # imported from the course package
    from . import course_data
    from ..data.football import load_football
    from .small_nets import (backward_propagation, compute_cost,
                             forward_propagation, initialize_parameters,
                             predict, predict_dec, relu, sigmoid,
                             update_parameters)
else:  # a copy beside a notebook
    import course_data
    from football import load_football
    from small_nets import (backward_propagation, compute_cost,
                            forward_propagation, initialize_parameters,
                            predict, predict_dec, relu, sigmoid,
                            update_parameters)
# isort: on

__all__ = ["load_2D_dataset", "sigmoid", "relu", "initialize_parameters",
           "forward_propagation", "backward_propagation", "compute_cost",
           "update_parameters", "predict", "predict_dec",
           "plot_decision_boundary"]

#: The region shown by the plots: (x_min, x_max, y_min, y_max).
LIMITS = (-0.85, 0.75, -0.9, 0.9)


def load_2D_dataset(data_dir=None):
    """The football data: 211 training and 200 test positions.

    Parameters
    ----------
    data_dir : str or Path, optional
        Folder of ``football.h5``; see ``football.load_football``.

    Returns
    -------
    train_X : numpy.ndarray, shape (2, 211)
        Positions on the pitch, one per column.
    train_Y : numpy.ndarray, shape (1, 211)
        1 where a player of our team reached the ball, else 0.
    test_X : numpy.ndarray, shape (2, 200)
    test_Y : numpy.ndarray, shape (1, 200)
    """
    arrays = load_football(data_dir)
    return (arrays["X"].T, arrays["y"].T, arrays["Xval"].T,
            arrays["yval"].T)


def plot_decision_boundary(predict_labels, X, y, ax=None, title=None):
    """``course_data.plot_decision_boundary`` over the pitch, ``LIMITS``.

    ``predict_labels`` takes points of shape (2, k) and returns k labels;
    ``X`` has shape (2, m) and ``y`` shape (1, m). Returns the Axes.
    """
    return course_data.plot_decision_boundary(
        predict_labels, X, y, ax=ax, title=title, limits=LIMITS)
