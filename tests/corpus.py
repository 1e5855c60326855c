"""Classes of submissions for equivalence tests and benchmarks.

Built from an assignment's own notebooks and mutants:

- honest: the solution, the untouched exercise, a partially solved one,
  and one submission per mutant (the solution with one function replaced
  by that realistic mistake);
- bad input: corrupt JSON, deleted or duplicated graded cells, stripped
  nbgrader metadata, non-UTF-8 text, an infinite loop, a memory hog,
  ``sys.exit``, ``os._exit``, a fork bomb, huge printed output;
- dishonest: code that patches ``np.allclose``, returns an object equal to
  everything, tries to write the gradebook, or reads the expected answer
  from its caller's frames;
- similar: an independent correct notebook (every function replaced by a
  correct alternative of the mutants module) and a copy of a notebook
  with renamed variables, other comments and other blank lines.

Also the in-process *oracle*: the score nbgrader's test cells give an
honest notebook (its visible checks and hidden tests, run in-process).

Test and benchmark code only: it is not part of the shipped package.
"""
from __future__ import annotations

import ast
import contextlib
import inspect
import io
import json
import sys
import types

import nbformat
import numpy as np

from autograder.compare import check
from autograder.runner import hidden_failures

IMPORTS = "import copy\nimport math\n\nimport numpy as np\n\n"


def _notebook(assignment, released=False):
    """The solution notebook, or the released exercise (``released``)."""
    return nbformat.read(assignment.exercise_notebook if released
                         else assignment.solution_notebook, 4)


def _graded_cell(notebook, name):
    return next(cell for cell in notebook.cells
                if cell.metadata.get("nbgrader", {}).get("grade_id") == name)


def mutant_source(assignment, name, function):
    """Source code defining ``function`` under the graded name ``name``.

    Module-level helpers of the mutant module that the function uses are
    inlined; graded functions it calls resolve to the notebook's own.
    """
    module = assignment.mutants_module
    graded = set(assignment.function_names)
    needed, constants, queue = [], {}, [function]
    while queue:
        current = queue.pop()
        defaults = list(current.__defaults__ or ()) + list(
            (current.__kwdefaults__ or {}).values())
        used_names = _names_used(current) | {
            value.__name__ for value in defaults
            if isinstance(value, types.FunctionType)}
        for used in sorted(used_names):
            helper = getattr(module, used, None)
            if (isinstance(helper, types.FunctionType) and used not in graded
                    and helper is not function and helper not in needed
                    and helper.__module__ == module.__name__):
                needed.append(helper)
                queue.append(helper)
            elif isinstance(helper, (int, float, str, tuple, frozenset)):
                constants[used] = helper
    lines = "".join(f"{key} = {value!r}\n" for key, value in
                    constants.items())
    helpers = "".join(inspect.getsource(helper) + "\n\n"
                      for helper in reversed(needed))
    body = inspect.getsource(function).replace(
        f"def {function.__name__}(", f"def {name}(", 1)
    return IMPORTS + lines + "\n" + helpers + body


def _names_used(function):
    names, codes = set(), [function.__code__]
    while codes:
        code = codes.pop()
        names.update(code.co_names)
        codes.extend(c for c in code.co_consts
                     if isinstance(c, types.CodeType))
    return names


def _replace(assignment, replacements, notebook=None):
    notebook = notebook or _notebook(assignment)
    for name, source in replacements.items():
        _graded_cell(notebook, name).source = source
    return nbformat.writes(notebook)


def honest(assignment, mutants_per_function=None):
    """Honest submissions: name -> notebook text.

    ``mutants_per_function`` keeps only the first mutants of each function
    (all by default).
    """
    specs = assignment.specs
    class_ = {"solution": _replace(assignment, {}),
              "untouched": nbformat.writes(_notebook(assignment, True))}
    exercise = _notebook(assignment, True)
    half = {spec.name: _graded_cell(_notebook(assignment), spec.name).source
            for spec in specs[:len(specs) // 2]}
    class_["partial"] = _replace(assignment, half, exercise)
    for spec in specs:
        mutants = assignment.mutants.get(spec.name, [])
        for index, mutant in enumerate(mutants[:mutants_per_function]):
            class_[f"mutant-{spec.name}-{index}"] = _replace(
                assignment, {spec.name: mutant_source(
                    assignment, spec.name, mutant.function)})
    return class_


def _first_and_last(assignment):
    specs = assignment.specs
    return specs[0].name, specs[-1].name


def _with_cell(assignment, source, before=None):
    """The solution with an extra code cell (before a graded cell)."""
    notebook = _notebook(assignment)
    cell = nbformat.v4.new_code_cell(source)
    index = (notebook.cells.index(_graded_cell(notebook, before))
             if before else 1)
    notebook.cells.insert(index, cell)
    return nbformat.writes(notebook)


def bad(assignment):
    """Bad inputs: name -> notebook bytes."""
    first, last = _first_and_last(assignment)
    solution = _notebook(assignment)
    stripped = _notebook(assignment)
    for cell in stripped.cells:
        cell.metadata.pop("nbgrader", None)
    deleted = _notebook(assignment)
    deleted.cells.remove(_graded_cell(deleted, last))
    duplicated = _notebook(assignment)
    cell = _graded_cell(duplicated, first)
    copied = nbformat.from_dict(dict(cell))
    copied["id"] = f"{cell['id']}-copy"  # Jupyter gives a pasted cell an id
    duplicated.cells.insert(duplicated.cells.index(cell), copied)
    text = nbformat.writes(solution)
    loop = f"def {last}(*args, **kwargs):\n    while True:\n        pass\n"
    return {
        "corrupt-json": text[: len(text) // 2].encode(),
        "deleted-graded-cell": nbformat.writes(deleted).encode(),
        "duplicated-graded-cell": nbformat.writes(duplicated).encode(),
        "stripped-metadata": nbformat.writes(stripped).encode(),
        "not-utf8": text.encode("utf-16"),
        "infinite-loop-in-function": _replace(
            assignment, {last: loop}).encode(),
        "infinite-loop-at-top-level": _with_cell(
            assignment, "while True:\n    pass").encode(),
        "memory-hog": _with_cell(
            assignment,
            "import numpy as np\nhog = np.ones((1 << 40,))").encode(),
        "sys-exit": _with_cell(assignment, "import sys\nsys.exit(3)").encode(),
        "os-exit-in-function": _replace(assignment, {last: (
            f"import os\ndef {last}(*args, **kwargs):\n    os._exit(1)\n")}
        ).encode(),
        "fork-bomb": _with_cell(
            assignment, "import os\nwhile True:\n    os.fork()").encode(),
        "huge-output": _with_cell(
            assignment,
            "for i in range(200000):\n    print('x' * 200)").encode(),
        "kill-parent": _with_cell(
            assignment,
            "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"
        ).encode(),
    }


def dishonest(assignment):
    """Dishonest submissions: name -> (notebook text, the function cheated).

    Each replaces one graded function (the mutant module's ``ROUND_TRIP``
    function, which no other graded function calls) by a wrong one and
    cheats to make it pass; the deserved score loses that function's
    points, or none for the gradebook writer.
    """
    first = assignment.round_trip[0]
    return {
        "patch-allclose": (_replace(assignment, {first: (
            "import numpy as np\n"
            "np.allclose = lambda *a, **k: True\n"
            "np.isclose = lambda *a, **k: True\n"
            f"def {first}(*args, **kwargs):\n    return None\n")}), first),
        "always-equal": (_replace(assignment, {first: (
            "class Anything:\n"
            "    def __eq__(self, other):\n        return True\n"
            "    def __getattr__(self, name):\n        return self\n"
            "    shape = property(lambda self: ())\n"
            f"def {first}(*args, **kwargs):\n    return Anything()\n")}),
            first),
        "read-caller": (_replace(assignment, {first: (
            "import inspect\n"
            f"def {first}(*args, **kwargs):\n"
            "    for frame in inspect.stack():\n"
            "        for key in ('expected', 'want'):\n"
            "            if key in frame.frame.f_locals:\n"
            "                return frame.frame.f_locals[key]\n"
            "    return None\n")}), first),
        "write-gradebook": (_with_cell(assignment, (
            "import glob, os, sqlite3\n"
            "for root in ('.', '..', '../..', '../../..', '/'):\n"
            "    for path in glob.glob(root + '/**/gradebook.db',"
            " recursive=True):\n"
            "        db = sqlite3.connect(path)\n"
            "        db.execute('update grade set auto_score = 594')\n"
            "        db.commit()\n")), None),
    }


def oracle_points(assignment, notebook_text):
    """The points nbgrader's test cells give an honest notebook.

    Runs the notebook's code in this process, then each function's visible
    check and hidden tests, exactly as the test cells do. Only for our own
    corpus: never call it on untrusted code.

    Returns
    -------
    dict
        Function name -> points.
    """
    from autograder.fast_engine import cells_to_run, read_notebook

    namespace = {"__name__": "__main__",
                 "get_ipython": lambda: types.SimpleNamespace(
                     run_line_magic=lambda *a, **k: None)}
    folder = assignment.exercise_folder
    cases_file = folder / "public_cases.json"
    sys.path.insert(0, str(folder))
    with contextlib.redirect_stdout(io.StringIO()), \
            contextlib.chdir(folder), np.errstate(all="ignore"):
        for source in cells_to_run(read_notebook(notebook_text)):
            try:  # like the sandbox: an error ends its cell only
                exec(compile(source, "<cell>", "exec"), namespace)
            except Exception:
                pass
        points = {}
        for spec in assignment.specs:
            function = namespace.get(spec.name)
            try:
                check(spec.name, function, cases_file)
                passed = not hidden_failures(assignment, spec.name,
                                             function)
            except Exception:
                passed = False
            points[spec.name] = spec.points if passed else 0
    sys.path.remove(str(folder))
    import matplotlib.pyplot as plt

    plt.close("all")
    return points


def write_lms_folder(folder, submissions):
    """Write ``{student: bytes or text}`` as ``<student>_<slug>.ipynb``."""
    folder.mkdir(parents=True, exist_ok=True)
    for student, data in submissions.items():
        if isinstance(data, str):
            data = data.encode("utf-8")
        safe = student.replace("_", "-")
        (folder / f"{safe}_submission.ipynb").write_bytes(data)
    return folder


def load_json(path):
    return json.loads(path.read_text())


# --- Similar submissions -----------------------------------------------------

def alternative(assignment):
    """The solution with every graded function replaced by a correct
    alternative (an independently written correct notebook)."""
    return _replace(assignment, {
        name: mutant_source(assignment, name, functions[0])
        for name, functions in assignment.alternatives.items()
        if functions})


class _Renamer(ast.NodeTransformer):
    """Renames the local variables of functions (not their arguments)."""

    def visit_FunctionDef(self, node):
        stored = {name.id for name in ast.walk(node)
                  if isinstance(name, ast.Name)
                  and isinstance(name.ctx, ast.Store)}
        for name in ast.walk(node):
            if isinstance(name, ast.Name) and name.id in stored:
                name.id = f"my_{name.id}_2"
        return node


def _renamed_cell(source):
    """The cell with renamed locals, new layout and other comments."""
    code = ast.unparse(_Renamer().visit(ast.parse(source)))
    lines = [f"{line}  # worked this out myself" if line.strip().startswith(
        ("return", "for")) else line for line in code.splitlines()]
    return "\n\n".join(lines) + "\n"


def renamed_copy(assignment, notebook_text):
    """``notebook_text`` with the graded cells' local variables renamed,
    comments changed and blank lines added: a disguised copy."""
    notebook = nbformat.reads(notebook_text, 4)
    for name in assignment.function_names:
        cell = _graded_cell(notebook, name)
        cell.source = _renamed_cell(cell.source)
    return nbformat.writes(notebook)
