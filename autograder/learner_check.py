"""``course check NOTEBOOK``: a learner's visible checks, from the terminal.

A thin wrapper over the command line of :mod:`autograder.compare`, which
every exercise folder carries as ``course_checks.py``: ``course check
NOTEBOOK`` and ``python course_checks.py NOTEBOOK`` (inside the folder)
print the same table. The notebook runs top to bottom in a real Jupyter
kernel (errors do not stop it), then every graded function listed in the
folder's ``public_cases.json`` is checked in that same kernel.
"""
from autograder.compare import NotebookError, format_table, main, run_checks

__all__ = ["NotebookError", "format_table", "main", "run_checks"]
