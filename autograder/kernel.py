"""Run a notebook top to bottom in a local Jupyter kernel.

One place for how the course starts kernels: ``course release``,
``course check``, the tests and the benchmarks all come through here.
"""
from __future__ import annotations

from nbclient import NotebookClient

# The one place for the kernel settings is the comparator, because the
# exercise folders' ``python course_checks.py`` starts kernels too.
from autograder.compare import kernel_config


def run_notebook(notebook, folder, timeout=300, allow_errors=False):
    """Execute ``notebook`` in place, with ``folder`` as working directory.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        Receives its outputs.
    folder : str or pathlib.Path
        The kernel's current directory (the notebook's own folder).
    timeout : int
        Seconds allowed per cell.
    allow_errors : bool
        Go on after a cell raises (its error becomes its output).
    """
    NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                   allow_errors=allow_errors, record_timing=False,
                   config=kernel_config(),
                   resources={"metadata": {"path": str(folder)}}).execute()
    return notebook
