"""The course's Python package: reference solutions, checks, data and CLI.

Layout
------
reference/  one module per assignment slug, the reference NumPy solutions
checks/     one module per slug, the declarative check specs ("checks are data")
mutants/    one module per slug, realistic wrong and correct alternative code
data/       data-set generators, the registry and the HDF5 loader
compare.py  the comparator used by every runner
runner.py   visible checks, hidden tests and mutant runs built from the specs
release.py  drives ``nbgrader generate_assignment`` and the drift checks
cli.py      the ``course`` command
"""
from pathlib import Path

#: The repository root (the book root, holding ``solutions/``, ``datasets/``).
ROOT = Path(__file__).resolve().parent.parent
