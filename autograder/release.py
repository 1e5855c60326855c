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
import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from autograder import ROOT
from autograder.compare import Mismatch, compare, decode
from autograder.kernel import run_notebook
from autograder.runner import freeze_public_cases
from autograder.spec import helper_files, load_specs, reference_function

SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"

#: Every assignment folder gets the comparator, as ``course_checks.py``.
CHECKS_MODULE = ROOT / "autograder" / "compare.py"
#: Text that must never appear in a learner's exercise folder.
FORBIDDEN = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS",
             "autograder.reference", "autograder.runner", "hidden_test(")


def slugs():
    """The assignments: folders ``solutions/<slug>/<slug>.ipynb``, sorted."""
    return sorted(folder.name for folder in SOLUTIONS.iterdir()
                  if (folder / f"{folder.name}.ipynb").is_file())


def notebook_path(slug, folder=SOLUTIONS):
    """``<folder>/<slug>/<slug>.ipynb``."""
    return folder / slug / f"{slug}.ipynb"


# --- Step 1: generated cells and files ----------------------------------------

def graded_cell_source(slug, name):
    """The solution cell of a graded function, from its reference source.

    The signature and docstring stay for the learner; the body is wrapped in
    nbgrader's solution markers, which ``generate_assignment`` replaces by a
    stub.
    """
    source = inspect.getsource(reference_function(slug, name))
    lines = source.rstrip("\n").split("\n")
    body_start = ast.parse(source).body[0].body[0].end_lineno
    indent = " " * 4
    return "\n".join(lines[:body_start] + [indent + "### BEGIN SOLUTION"]
                     + lines[body_start:] + [indent + "### END SOLUTION"])


def test_cell_source(slug, name):
    """The locked test cell: the visible check, then the hidden tests."""
    return "\n".join([
        "# Visible check: compares your function with known outputs.",
        f'check("{name}", {name})',
        "### BEGIN HIDDEN TESTS",
        "from autograder.runner import hidden_test",
        f'hidden_test("{slug}", "{name}", {name})',
        "### END HIDDEN TESTS",
    ])


def expected_files(slug):
    """The generated files of an assignment folder: name -> text."""
    files = {"course_checks.py": CHECKS_MODULE.read_text(encoding="utf-8"),
             "public_cases.json": json.dumps(freeze_public_cases(slug),
                                             indent=None) + "\n"}
    for name, source in helper_files(slug).items():
        files[name] = (ROOT / source).read_text(encoding="utf-8")
    return files


def synced_notebook(slug):
    """The solution notebook with its graded and test cells regenerated.

    Returns
    -------
    notebook : nbformat.NotebookNode
    problems : list of str
        Graded functions whose cells are missing from the notebook.
    """
    notebook = nbformat.read(notebook_path(slug), as_version=4)
    cells = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell
             for cell in notebook.cells}
    problems = []
    for spec in load_specs(slug):
        solution, test = cells.get(spec.name), cells.get(f"test_{spec.name}")
        if solution is None or test is None:
            problems.append(f"{slug}: no cell with grade_id '{spec.name}' "
                            f"and 'test_{spec.name}'")
            continue
        solution.source = graded_cell_source(slug, spec.name)
        test.source = test_cell_source(slug, spec.name)
        test.metadata["nbgrader"]["points"] = spec.points
    return notebook, problems


def sync(slug):
    """Step 1: write the generated cells and files into ``solutions/``."""
    notebook, problems = synced_notebook(slug)
    if problems:
        raise ValueError("\n".join(problems))
    nbformat.write(notebook, notebook_path(slug))
    for name, text in expected_files(slug).items():
        path = SOLUTIONS / slug / name
        if (name == "public_cases.json" and path.exists()
                and not frozen_case_problems(slug, path, text)):
            continue  # the same data within tolerance: no churn in git
        path.write_text(text, encoding="utf-8")


# --- Step 2: execute ---------------------------------------------------------------

def execute(slug, timeout=120):
    """Step 2: run the solution notebook top to bottom, storing outputs."""
    path = notebook_path(slug)
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


# --- Step 3: nbgrader --------------------------------------------------------------

def nbgrader_config(root):
    """The course's nbgrader config with the course root set to ``root``."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{root}/gradebook.db"
    return config


def nbgrader_api(root):
    """nbgrader's Python API for the course folder ``root``.

    nbgrader runs helper programs (``alembic``) found on PATH; they sit
    beside this Python, which is not on PATH when a command is run as
    ``.venv/bin/course`` without activating the environment.
    """
    from nbgrader.apps import NbGraderAPI

    bin_dir = os.path.dirname(sys.executable)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    return NbGraderAPI(config=nbgrader_config(root))


def generate_exercise(slug, workdir):
    """Run nbgrader's ``generate_assignment`` on a copy of ``solutions/slug``.

    Returns
    -------
    pathlib.Path
        The generated exercise folder inside ``workdir``.
    """
    shutil.copytree(SOLUTIONS / slug, workdir / "solutions" / slug,
                    ignore=shutil.ignore_patterns(
                        ".ipynb_checkpoints", "__pycache__", "datasets"))
    result = nbgrader_api(workdir).generate_assignment(slug, force=True, create=True)
    if not result["success"]:
        raise RuntimeError(f"nbgrader generate_assignment failed for {slug}:"
                           f"\n{result.get('error') or result.get('log')}")
    return workdir / "exercises" / slug


def release(slug, run=True):
    """Sync, execute and generate one assignment into ``exercises/``."""
    sync(slug)
    if run:
        execute(slug)
    with tempfile.TemporaryDirectory() as tmp:
        generated = generate_exercise(slug, Path(tmp))
        target = EXERCISES / slug
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(generated, target)


# --- The drift and leak checks ------------------------------------------------------

def check(slug):
    """Return the problems of one assignment: drift and leaks (or [])."""
    problems = []
    notebook, missing = synced_notebook(slug)
    problems += missing
    stored = nbformat.read(notebook_path(slug), as_version=4)
    for cell, fresh in zip(stored.cells, notebook.cells):
        if cell.source != fresh.source:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            problems.append(f"solutions/{slug}: cell '{grade_id}' differs "
                            f"from its source (reference or check spec)")
    for name, text in expected_files(slug).items():
        path = SOLUTIONS / slug / name
        if not path.exists():
            problems.append(f"solutions/{slug}/{name} is missing")
        elif name == "public_cases.json":
            problems += frozen_case_problems(slug, path, text)
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"solutions/{slug}/{name} is out of date")
    if problems:
        return problems + [f"run `course release {slug}` to regenerate"]
    with tempfile.TemporaryDirectory() as tmp:
        generated = generate_exercise(slug, Path(tmp))
        problems += _compare_folders(generated, EXERCISES / slug, slug)
    problems += leaks(slug)
    return problems


def frozen_case_problems(slug, path, fresh_text):
    """Differences between stored and freshly frozen public cases.

    Computed values are compared as numbers, within the tolerance the
    visible check itself applies to that case (its ``rtol`` and ``atol``):
    a release made on one processor checks clean on another, whose BLAS
    kernel or SIMD loops change the last digits, while a hand-edit, a stale
    file or a real drift still fails. Everything else (labels, names,
    shapes, hints, the tolerances themselves) must be equal.
    """
    where = f"solutions/{slug}/public_cases.json"
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


def leaks(slug):
    """Solution markers, hidden tests or reference code in ``exercises/``."""
    problems = []
    folder = EXERCISES / slug
    texts = {path: path.read_text(encoding="utf-8", errors="replace")
             for path in folder.rglob("*") if path.is_file()
             and path.suffix in (".ipynb", ".py", ".json", ".md")}
    for path, text in texts.items():
        for marker in FORBIDDEN:
            if marker in text:
                problems.append(f"{path.relative_to(ROOT)} leaks '{marker}'")
    notebook = folder / f"{slug}.ipynb"
    if notebook.exists():
        code_lines = {line.strip() for cell in
                      nbformat.read(notebook, as_version=4).cells
                      if cell.cell_type == "code"
                      for line in cell.source.splitlines()}
        for spec in load_specs(slug):
            for line in _solution_lines(slug, spec.name):
                if line in code_lines:
                    problems.append(f"exercises/{slug} leaks the reference "
                                    f"code of {spec.name}: '{line}'")
    return problems


def _solution_lines(slug, name):
    """Distinctive lines of a reference function's body (not returns)."""
    source = graded_cell_source(slug, name)
    body = source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    lines = []
    for line in body.splitlines():
        text = line.strip()
        if len(text) > 12 and not text.startswith(("#", "return ")):
            lines.append(text)
    return lines
