"""Notebook-level problems of a submission, for the class summary.

A score says how many points a notebook earned; it does not say *why* a
notebook earned none. This module reads a submission as data (its code is
parsed, never run) and names the problems an instructor wants to see:

``syntax error``
    A code cell that does not parse: its cell number and line.
``forbidden import``
    A cell whose import failed in the sandbox (a module the sandbox does
    not offer, e.g. ``torch``).
``reaches for the grader``
    Code that names the grader's own parts: the ``autograder`` or
    ``nbgrader`` packages, the gradebook, other processes (``os.kill``,
    ``subprocess``), sockets or raw memory (``ctypes``).
``wrong assignment``
    A notebook whose graded cells (nbgrader grade ids) and defined
    functions belong to another assignment, e.g. a c1w4 notebook submitted
    for c2w2.
``missing graded cell``
    A graded function with neither its answer cell (grade id) nor a
    definition anywhere in the notebook.

Cell numbers count every cell of the notebook from 1, as a reader counts
them in JupyterLab.
"""
from __future__ import annotations

import ast
import functools
import json
from dataclasses import asdict, dataclass

#: Modules whose import means the code looks for the grader, the gradebook
#: or other processes rather than for NumPy.
GRADER_MODULES = frozenset({"autograder", "nbgrader", "sqlite3", "socket",
                            "ctypes", "subprocess", "multiprocessing",
                            "signal", "pty"})
#: ``os`` functions that act on other processes or on the sandbox itself.
PROCESS_CALLS = frozenset({"kill", "killpg", "system", "fork", "forkpty",
                           "setuid", "setgid", "chroot", "getppid",
                           "popen", "execv", "execve", "execvp", "spawnv"})
#: Words in string constants that point at the grader's files.
GRADER_WORDS = ("gradebook", "/proc/", "autograder", "nbgrader")
#: Errors of a sandbox cell that mean an import was refused.
IMPORT_ERRORS = ("ModuleNotFoundError", "ImportError")
#: Below this share of the assignment's graded functions, a notebook that
#: matches another assignment better is flagged as belonging to it.
MATCH_SHARE = 0.5


@dataclass
class Problem:
    """One problem of a submission.

    Parameters
    ----------
    kind : str
        One of the kinds in this module's docstring.
    detail : str
        What was found, in a sentence.
    cell : int or None
        The notebook cell (counted from 1), when one cell is at fault.
    line : int or None
        The line in that cell, when known.
    """

    kind: str
    detail: str
    cell: int | None = None
    line: int | None = None

    def as_dict(self):
        return asdict(self)

    def __str__(self):
        place = ""
        if self.cell is not None:
            place = f" (cell {self.cell}" + (
                f", line {self.line})" if self.line else ")")
        return f"{self.kind}{place}: {self.detail}"


def diagnose(assignment, data, cell_errors=()):
    """Every problem found in one submission.

    Parameters
    ----------
    assignment : Assignment
        The assignment the notebook was submitted for.
    data : bytes
        The submitted notebook file.
    cell_errors : sequence of (int, str)
        ``(cell number, error)`` of the cells that failed in the sandbox,
        when an engine reports them.

    Returns
    -------
    list of Problem
        Empty for a notebook that is not JSON: the engine names that
        error itself.
    """
    cells = _code_cells(data)
    if cells is None:
        return []
    problems, trees = [], {}
    for number, source in cells:
        tree, problem = _parse(number, source)
        if problem:
            problems.append(problem)
        else:
            trees[number] = tree
            problems.extend(_grader_reaches(number, tree))
    problems.extend(_refused_imports(cell_errors))
    problems.extend(_identity_problems(assignment, data, trees))
    return problems


# --- Cells -------------------------------------------------------------------

def _code_cells(data):
    """``(cell number, Python source)`` of every code cell that is not a
    test cell (the engines run their own tests), or None."""
    from IPython.core.inputtransformer2 import TransformerManager

    from autograder.fast_engine import _is_test_cell

    try:
        notebook = json.loads(data)
        cells = notebook["cells"]
    except (ValueError, TypeError, KeyError):
        return None
    transformer = TransformerManager()
    code = []
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if _is_test_cell({"metadata": cell.get("metadata") or {},
                          "source": source}):
            continue
        try:
            source = transformer.transform_cell(source)
        except Exception:  # the parse below names the syntax error
            pass
        code.append((number, source))
    return code


def _parse(number, source):
    try:
        return ast.parse(source), None
    except SyntaxError as error:
        return None, Problem("syntax error", error.msg or "invalid syntax",
                             number, error.lineno)
    except ValueError as error:  # e.g. a NUL byte in the source
        return None, Problem("syntax error", str(error), number)


# --- Reaching for the grader -------------------------------------------------

def _grader_reaches(number, tree):
    found = []
    for node in ast.walk(tree):
        what = _grader_reach(node)
        if what and what not in [problem.detail for problem in found]:
            found.append(Problem("reaches for the grader", what, number,
                                 getattr(node, "lineno", None)))
    return found


def _grader_reach(node):
    """A sentence when ``node`` reaches for the grader, else ''."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        names = ([alias.name for alias in node.names]
                 if isinstance(node, ast.Import) else [node.module or ""])
        for name in names:
            if name.split(".")[0] in GRADER_MODULES:
                return f"imports {name}"
    if (isinstance(node, ast.Attribute) and node.attr in PROCESS_CALLS
            and isinstance(node.value, ast.Name) and node.value.id == "os"):
        return f"uses os.{node.attr}"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        for word in GRADER_WORDS:
            if word in node.value.lower():
                return f"names {word!r} in a string"
    return ""


def _refused_imports(cell_errors):
    return [Problem("forbidden import", error, number)
            for number, error in cell_errors
            if str(error).startswith(IMPORT_ERRORS)]


# --- Which assignment --------------------------------------------------------

def notebook_names(data, trees):
    """The grade ids of the answer cells and the top-level functions."""
    names = set()
    for cell in json.loads(data).get("cells", []):
        metadata = cell.get("metadata", {}) if isinstance(cell, dict) else {}
        nbgrader = metadata.get("nbgrader", {})
        if isinstance(nbgrader, dict) and nbgrader.get("grade_id"):
            names.add(str(nbgrader["grade_id"]))
    for tree in trees.values():
        names.update(node.name for node in tree.body
                     if isinstance(node, ast.FunctionDef))
    return names


@functools.lru_cache(maxsize=1)
def _graded_functions():
    """Assignment slug -> its graded function names."""
    from autograder.assignment import assignments

    return {assignment.slug: frozenset(assignment.function_names)
            for assignment in assignments()}


def _share(names, functions):
    return len(names & functions) / len(functions) if functions else 0.0


def _identity_problems(assignment, data, trees):
    names = notebook_names(data, trees)
    own = frozenset(assignment.function_names)
    share = _share(names, own)
    if share < MATCH_SHARE:
        best, best_share = max(
            ((slug, _share(names, functions))
             for slug, functions in _graded_functions().items()
             if slug != assignment.slug), key=lambda item: item[1])
        if best_share > share and best_share >= MATCH_SHARE:
            return [Problem(
                "wrong assignment",
                f"this notebook looks like {best}: it has "
                f"{best_share:.0%} of that assignment's graded functions "
                f"and {share:.0%} of {assignment.slug}'s")]
    return [Problem("missing graded cell",
                    f"{name}: no answer cell with grade id {name!r} and no "
                    f"definition of it")
            for name in assignment.function_names if name not in names]
