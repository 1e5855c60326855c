"""Run a notebook top to bottom in a local Jupyter kernel.

One place for how the course starts kernels: ``course release``,
``course check``, the tests and the benchmarks all come through here.
"""
from __future__ import annotations

import zmq
from nbclient import NotebookClient
from traitlets.config import Config


def kernel_config():
    """Kernel settings: encrypted transport where pyzmq supports it.

    ipykernel warns on every start that talks plain TCP; with CurveZMQ keys
    (pyzmq built with libsodium, as its wheels are) the kernel and its
    client talk encrypted, and the warning does not apply.
    """
    config = Config()
    if zmq.has("curve"):
        config.KernelManager.transport_encryption = "auto"
    return config


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
