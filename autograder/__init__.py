"""The course's Python package: reference solutions, checks, data and CLI.

Layout
------
Per assignment (one module per slug, reached through ``Assignment``):

reference/        the reference NumPy solutions (a fixed interface)
checks/           the declarative specs: cases, points, tolerances
mutants/          realistic wrong implementations and correct alternatives

Shared by the assignments:

helpers/          modules the exercise folders carry (data loading, small
                  networks, optimizers), copied unchanged by the release
data/             data-set generators and the registry of checksums

The machinery:

assignment.py     ``Assignment``: one object per assignment, its parts
spec.py           ``FunctionSpec``, ``Case``, ``Mutant``: checks are data
compare.py        the comparator (shipped to learners as course_checks.py)
runner.py         hidden tests, frozen public cases, mutant reports
release.py        ``course release``: solutions/ -> exercises/, drift check
kernel.py         runs a notebook in a real Jupyter kernel
learner_check.py  ``course check``: a learner's visible checks as a table
intake.py         finds the submissions in an LMS download or nbgrader tree
course_folder.py  the nbgrader course folder: every touch of nbgrader
engines.py        the grading engines by name (fast, nbgrader)
fast_engine.py    the trusted engine: sandbox jobs, judging their outputs
sandbox.py        the isolated worker that runs learner code
grade.py          ``course grade``: intake, course folder, engine, reports
reports.py        feedback, results.json, grades.csv, the class summary
gradescope.py     ``course gradescope``: the Gradescope autograder zip
publish.py        ``course publish``: the site of a term up to a week
cli.py            the ``course`` command
"""
from pathlib import Path

#: The repository root (the book root, holding ``solutions/``, ``datasets/``).
ROOT = Path(__file__).resolve().parent.parent
