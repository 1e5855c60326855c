"""The nbval plugin: last digits pass, real changes of a number fail."""
import os
import re
import subprocess
import sys

import nbformat
import pytest

from autograder import ROOT

pytestmark = pytest.mark.slow

#: What the cell prints today, on this processor.
PRINTED = "Cost after iteration 8000: 0.219443\\nAccuracy: 90.75 %"

#: Stored output -> does nbval accept it as the same?
STORED = {
    # another BLAS kernel: the cost differs by 1e-4 relative
    "other_kernel": ("Cost after iteration 8000: 0.219465\n"
                     "Accuracy: 90.75 %\n", True),
    # a real change: the cost moves by 1e-3 relative
    "cost_moved": ("Cost after iteration 8000: 0.219663\n"
                   "Accuracy: 90.75 %\n", False),
    # one example of 400 more is misclassified
    "one_example": ("Cost after iteration 8000: 0.219443\n"
                    "Accuracy: 90.50 %\n", False),
    # the iteration count is a whole number: compared exactly
    "iteration": ("Cost after iteration 8001: 0.219443\n"
                  "Accuracy: 90.75 %\n", False),
}


def _notebook(path, stored):
    cell = nbformat.v4.new_code_cell(f'print("{PRINTED}")',
                                     execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                           text=stored)]
    notebook = nbformat.v4.new_notebook(cells=[cell])
    notebook.metadata["kernelspec"] = {"name": "python3",
                                       "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, path)


def test_numbers_are_compared_as_numbers(tmp_path):
    """Does nbval with the plugin pass another kernel's last digits, and
    fail a cost moved by 1e-3, an accuracy moved by one example and a
    changed iteration count?"""
    for name, (stored, _) in STORED.items():
        _notebook(tmp_path / f"{name}.ipynb", stored)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-v", "-p",
         "no:cacheprovider", "-p", "nbval_numbers", *sorted(
             f"{name}.ipynb" for name in STORED)],
        cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests")})
    outcomes = {match[1]: match[2] == "PASSED" for match in re.finditer(
        r"^(\w+)\W+ipynb::Cell 0 (PASSED|FAILED)", result.stdout, re.M)}
    assert outcomes == {name: same for name, (_, same) in STORED.items()}, \
        result.stdout[-3000:]
