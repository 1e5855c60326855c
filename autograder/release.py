"""Release: turn the instructor notebooks into the learners' exercises.

``course release`` runs three steps for each assignment:

1. sync ``solutions/<slug>/`` from the single sources: the graded cells
   from the reference functions, the test cells and ``public_cases.json``
   from the check specs, and the helper modules from the package;
2. execute the solution notebook so its stored outputs are fresh;
3. run nbgrader's ``generate_assignment`` and copy the result into
   ``exercises/<slug>/``.

``course release --check`` runs steps 1 and 3 into a temporary folder and
reports every difference, plus any solution, hidden test or reference code
that leaked into ``exercises/``.
"""
from __future__ import annotations

import ast
import filecmp
import inspect
import json
import pprint
import shutil
import tempfile
from pathlib import Path

import nbformat

from autograder.compare import Mismatch, compare, decode
from autograder.course_folder import generate_assignment
from autograder.kernel import run_notebook
from autograder.runner import freeze_public_cases

#: Text that must never appear in a learner's exercise folder.
FORBIDDEN = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS",
             "autograder.reference", "autograder.runner", "hidden_test(")


# --- Step 1: generated cells and files ---------------------------------------

def graded_cell_source(assignment, name):
    """The solution cell of a graded function, from its reference source.

    The signature and docstring stay for the learner; the body is wrapped in
    nbgrader's solution markers, which ``generate_assignment`` replaces by a
    stub.
    """
    source = inspect.getsource(assignment.reference(name))
    lines = source.rstrip("\n").split("\n")
    body_start = ast.parse(source).body[0].body[0].end_lineno
    indent = " " * 4
    return "\n".join(lines[:body_start] + [indent + "### BEGIN SOLUTION"]
                     + lines[body_start:] + [indent + "### END SOLUTION"])


def test_cell_source(assignment, name):
    """The locked test cell: the visible check, then the hidden tests."""
    return "\n".join([
        "# Visible check: compares your function with known outputs.",
        f'check("{name}", {name})',
        "### BEGIN HIDDEN TESTS",
        "from autograder.runner import hidden_test",
        f'hidden_test("{assignment.slug}", "{name}", {name})',
        "### END HIDDEN TESTS",
    ])


#: The grade_id of the generated first code cell, which stops a notebook
#: downloaded without the files of its folder.
FOLDER_CHECK = "folder_check"

#: The tag that lets "Run all" go on after a failed check: JupyterLab (and
#: the front ends built on it) send such a cell with ``stop_on_error=False``,
#: and nbclient lets it raise. Its AssertionError still fails the cell, so
#: nbgrader, the fast engine and nbval see every failure as before.
GO_ON_TAG = "raises-exception"


FOLDER_CHECK_SOURCE = """\
# Stops here when a file of the exercise folder is missing: the checks
# and the data come from the files beside this notebook.
from pathlib import Path

_needed = {needed}
_missing = [name for name in _needed if not Path(name).is_file()]
if _missing:
    raise FileNotFoundError(
        ", ".join(_missing) + " missing beside this notebook. "
        "Download the whole exercise folder, "
        "{slug}.zip: "
        "on this exercise's page of the course book it is the first "
        "download (the link 'download the exercise folder' at the top of "
        "the page). Unzip it and open the notebook inside the folder.")"""


def folder_check_source(assignment):
    """The first code cell: stop, naming what to download, when a file of
    the exercise folder is missing beside the notebook."""
    needed = [*assignment.copied_files(), "public_cases.json"]
    listed = pprint.pformat(needed, width=68, compact=True)
    return FOLDER_CHECK_SOURCE.format(
        needed=listed.replace("\n", "\n" + " " * len("_needed = ")),
        slug=assignment.slug)


def _folder_check_cell(notebook):
    """The notebook's folder-check cell, inserted before the first code
    cell when it is not there yet."""
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == FOLDER_CHECK:
            return cell
    cell = nbformat.v4.new_code_cell(id="folder-check")
    cell.metadata["nbgrader"] = {
        "grade": False, "grade_id": FOLDER_CHECK, "locked": True,
        "schema_version": 3, "solution": False, "task": False}
    first = next(index for index, other in enumerate(notebook.cells)
                 if other.cell_type == "code")
    notebook.cells.insert(first, cell)
    return cell


def expected_files(assignment):
    """The generated files of an assignment folder: name -> text."""
    frozen = json.dumps(freeze_public_cases(assignment), indent=None)
    return {**assignment.copied_files(), "public_cases.json": frozen + "\n"}


def synced_notebook(assignment):
    """The solution notebook with its graded and test cells regenerated.

    Returns
    -------
    notebook : nbformat.NotebookNode
    problems : list of str
        Graded functions whose cells are missing from the notebook.
    """
    slug = assignment.slug
    notebook = nbformat.read(assignment.solution_notebook, as_version=4)
    cells = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell
             for cell in notebook.cells}
    problems = []
    _folder_check_cell(notebook).source = folder_check_source(assignment)
    for spec in assignment.specs:
        solution, test = cells.get(spec.name), cells.get(f"test_{spec.name}")
        if solution is None or test is None:
            problems.append(f"{slug}: no cell with grade_id '{spec.name}' "
                            f"and 'test_{spec.name}'")
            continue
        solution.source = graded_cell_source(assignment, spec.name)
        test.source = test_cell_source(assignment, spec.name)
        test.metadata["nbgrader"]["points"] = spec.points
        tags = test.metadata.setdefault("tags", [])
        if GO_ON_TAG not in tags:
            tags.append(GO_ON_TAG)
    return notebook, problems


def sync(assignment):
    """Step 1: write the generated cells and files into ``solutions/``."""
    notebook, problems = synced_notebook(assignment)
    if problems:
        raise ValueError("\n".join(problems))
    nbformat.write(notebook, assignment.solution_notebook)
    for name, text in expected_files(assignment).items():
        path = assignment.solution_folder / name
        if (name == "public_cases.json" and path.exists()
                and not frozen_case_problems(assignment, path, text)):
            continue  # the same data within tolerance: no churn in git
        path.write_text(text, encoding="utf-8")


# --- Step 2: execute ---------------------------------------------------------

def execute(assignment, timeout=120):
    """Step 2: run the solution notebook top to bottom, storing outputs."""
    path = assignment.solution_notebook
    notebook = nbformat.read(path, as_version=4)
    run_notebook(notebook, path.parent, timeout)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = _merged_streams(cell.outputs)
    nbformat.write(notebook, path)


def _merged_streams(outputs):
    """Join consecutive stream outputs of the same stream.

    How a kernel splits printed text into messages varies between runs;
    merging keeps the stored outputs, and their diffs, stable.
    """
    merged = []
    for output in outputs:
        if (merged and output.output_type == "stream"
                and merged[-1].output_type == "stream"
                and merged[-1].name == output.name):
            merged[-1].text += output.text
        else:
            merged.append(output)
    return merged


# --- Step 3: nbgrader --------------------------------------------------------

def release(assignment, run=True):
    """Sync, execute and generate one assignment into ``exercises/``."""
    sync(assignment)
    if run:
        execute(assignment)
    with tempfile.TemporaryDirectory() as tmp:
        generated = generate_assignment(Path(tmp), assignment)
        target = assignment.exercise_folder
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(generated, target)


# --- The drift and leak checks -----------------------------------------------

def release_problems(assignment):
    """Return the problems of one assignment: drift and leaks (or [])."""
    slug = assignment.slug
    problems = []
    notebook, missing = synced_notebook(assignment)
    problems += missing
    stored = nbformat.read(assignment.solution_notebook, as_version=4)
    for cell, fresh in zip(stored.cells, notebook.cells):
        if cell.source != fresh.source:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            problems.append(f"solutions/{slug}: cell '{grade_id}' differs "
                            f"from its source (reference or check spec)")
    for name, text in expected_files(assignment).items():
        path = assignment.solution_folder / name
        if not path.exists():
            problems.append(f"solutions/{slug}/{name} is missing")
        elif name == "public_cases.json":
            problems += frozen_case_problems(assignment, path, text)
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"solutions/{slug}/{name} is out of date")
    if problems:
        return problems + [f"run `course release {slug}` to regenerate"]
    with tempfile.TemporaryDirectory() as tmp:
        generated = generate_assignment(Path(tmp), assignment)
        problems += _compare_folders(generated, assignment.exercise_folder,
                                     slug)
    problems += leaks(assignment)
    return problems


def frozen_case_problems(assignment, path, fresh_text):
    """Differences between stored and freshly frozen public cases.

    Computed values are compared as numbers, within the tolerance the
    visible check itself applies to that case (its ``rtol`` and ``atol``):
    a release made on one processor checks clean on another, whose BLAS
    kernel or SIMD loops change the last digits, while a hand-edit, a stale
    file or a real drift still fails. Everything else (labels, names,
    shapes, hints, the tolerances themselves) must be equal.
    """
    where = f"solutions/{assignment.slug}/public_cases.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        return [f"{where} is not valid JSON ({error})"]
    fresh = json.loads(fresh_text)
    if list(stored) != list(fresh):
        return [f"{where} is out of date: it has the functions "
                f"{list(stored)}, the specs {list(fresh)}"]
    problems = []
    for name, fresh_cases in fresh.items():
        if len(stored[name]) != len(fresh_cases):
            problems.append(f"{where} is out of date: {name} has "
                            f"{len(stored[name])} cases, its spec "
                            f"{len(fresh_cases)}")
            continue
        for number, (old, new) in enumerate(zip(stored[name], fresh_cases),
                                            start=1):
            problem = _frozen_case_difference(old, new)
            if problem:
                problems.append(f"{where} is out of date: {name}, case "
                                f"{number}: {problem}")
    return problems


def _frozen_case_difference(stored, fresh):
    """What differs between two frozen (encoded) cases, or ''."""
    stored, fresh = decode(stored), decode(fresh)
    if set(stored) != set(fresh):
        return f"fields {sorted(stored)}, should be {sorted(fresh)}"
    for key in ("label", "arg_names", "outputs", "rtol", "atol",
                "may_mutate"):
        if stored[key] != fresh[key]:
            return f"{key} is {stored[key]!r}, should be {fresh[key]!r}"
    try:
        compare("case", fresh, stored, fresh["rtol"], fresh["atol"])
    except Mismatch as mismatch:
        return str(mismatch).splitlines()[0]
    return ""


def _compare_folders(generated, released, slug):
    if not released.exists():
        return [f"exercises/{slug} is missing: run `course release {slug}`"]
    comparison = filecmp.dircmp(generated, released,
                                ignore=["__pycache__", ".ipynb_checkpoints",
                                        "datasets"])
    problems = [f"exercises/{slug}/{name} is missing"
                for name in comparison.left_only]
    problems += [f"exercises/{slug}/{name} should not be there"
                 for name in comparison.right_only]
    for name in comparison.common_files:
        if not filecmp.cmp(generated / name, released / name, shallow=False):
            problems.append(f"exercises/{slug}/{name} is stale: run "
                            f"`course release {slug}`")
    return problems


def leaks(assignment):
    """Solution markers, hidden tests or reference code in ``exercises/``."""
    slug = assignment.slug
    problems = []
    folder = assignment.exercise_folder
    texts = {path: path.read_text(encoding="utf-8", errors="replace")
             for path in folder.rglob("*") if path.is_file()
             and path.suffix in (".ipynb", ".py", ".json", ".md")}
    for path, text in texts.items():
        for marker in FORBIDDEN:
            if marker in text:
                where = path.relative_to(assignment.root)
                problems.append(f"{where} leaks '{marker}'")
    notebook = folder / f"{slug}.ipynb"
    if notebook.exists():
        code_lines = {line.strip() for cell in
                      nbformat.read(notebook, as_version=4).cells
                      if cell.cell_type == "code"
                      for line in cell.source.splitlines()}
        for spec in assignment.specs:
            for line in _solution_lines(assignment, spec.name):
                if line in code_lines:
                    problems.append(f"exercises/{slug} leaks the reference "
                                    f"code of {spec.name}: '{line}'")
    return problems


def _solution_lines(assignment, name):
    """Distinctive lines of a reference function's body (not returns)."""
    source = graded_cell_source(assignment, name)
    body = source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    lines = []
    for line in body.splitlines():
        text = line.strip()
        if len(text) > 12 and not text.startswith(("#", "return ")):
            lines.append(text)
    return lines
