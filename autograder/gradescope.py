"""``course gradescope SLUG``: the assignment's Gradescope autograder.

Gradescope unpacks the zip into ``/autograder/source``, runs ``setup.sh``
there once (as root, on its Ubuntu image) and then, for every submission,
``/autograder/run_autograder`` with the student's upload in
``/autograder/submission/``; it reads ``/autograder/results/results.json``.
The zip carries:

``setup.sh``
    Installs Python 3.11 if the image lacks it, and the pinned packages
    of ``requirements.txt`` into ``/autograder/venv``.
``run_autograder``
    Runs the fast engine (:mod:`autograder.fast_engine`, sandboxed) on the
    submitted notebook and writes ``results.json`` with
    :func:`autograder.reports.write_gradescope`.
``requirements.txt``
    The distributions that grading imports, at the versions pinned in the
    repository's ``requirements.txt``.
``autograder/...``
    The package's modules that grading this assignment imports, found by
    importing them in a child process (:func:`grading_modules`): the
    engine, the sandbox, this assignment's specs and reference (never
    another assignment's), the helpers they use.
``solutions/<slug>/public_cases.json``, ``datasets/``
    The visible checks' cases; the data files the exercise folder reads,
    with the registry of their checksums.

``COURSE_GRADESCOPE_ROOT`` moves ``/autograder`` elsewhere: the tests run
``run_autograder`` in a temporary folder laid out like Gradescope's.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

from autograder import ROOT

SETUP_SH = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, in /autograder/source.
set -euo pipefail
if ! command -v python3.11 >/dev/null; then
  apt-get update
  apt-get install -y software-properties-common
  add-apt-repository -y ppa:deadsnakes/ppa
  apt-get update
  apt-get install -y python3.11 python3.11-venv
fi
python3.11 -m venv /autograder/venv
/autograder/venv/bin/python -m pip install --upgrade pip
cd "$(dirname "$0")"
/autograder/venv/bin/python -m pip install -r requirements.txt
"""

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Gradescope runs this for every submission. It grades
# submission/{slug}.ipynb with the course's fast engine and writes
# results/results.json. COURSE_GRADESCOPE_ROOT is for local tests only.
set -euo pipefail
root="${{COURSE_GRADESCOPE_ROOT:-/autograder}}"
cd "$root/source"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MPLBACKEND=Agg
exec "$root/venv/bin/python" -m autograder.gradescope {slug} "$root"
"""


# --- Building the zip --------------------------------------------------------

_PROBE = """\
import json, sys
from pathlib import Path
from autograder import ROOT
from autograder.assignment import Assignment
from autograder.fast_engine import GradingContext, build_job
from autograder.sandbox import preload
import autograder.gradescope, autograder.reports
assignment = Assignment(sys.argv[1])
build_job(GradingContext(assignment), assignment.exercise_notebook
          .read_text(encoding="utf-8"))
preload()
package = ROOT / "autograder"
files = sorted(str(Path(m.__file__).relative_to(ROOT))
               for m in list(sys.modules.values())
               if getattr(m, "__file__", None)
               and Path(m.__file__).is_relative_to(package))
tops = sorted({name.split(".")[0] for name in sys.modules})
print(json.dumps({"files": files, "tops": tops}))
"""


def grading_modules(assignment):
    """What grading ``assignment`` imports, found by doing it.

    A child process builds the assignment's grading context and one
    sandbox job, and preloads the sandbox's modules.

    Returns
    -------
    files : list of str
        The package's module files, relative to the repository root.
    tops : list of str
        Every top-level module name that was imported.
    """
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, assignment.slug], cwd=str(ROOT),
        capture_output=True, text=True, check=False,
        env={**os.environ, "MPLBACKEND": "Agg"})
    if result.returncode:
        raise RuntimeError(f"could not list the modules that grading "
                           f"{assignment.slug} imports:\n{result.stderr}")
    found = json.loads(result.stdout.splitlines()[-1])
    return found["files"], found["tops"]


def runtime_requirements(tops, requirements=ROOT / "requirements.txt"):
    """The pinned lines of ``requirements.txt`` that ``tops`` need.

    Parameters
    ----------
    tops : iterable of str
        Imported top-level module names.

    Returns
    -------
    str
        ``name==version`` lines, those imported distributions and their
        dependencies, in the order of ``requirements.txt``.
    """
    from importlib.metadata import (
        PackageNotFoundError,
        distribution,
        packages_distributions,
    )

    from packaging.requirements import Requirement

    owners = packages_distributions()
    wanted = {dist for top in tops for dist in owners.get(top, [])}
    needed, todo = set(), [_canonical(name) for name in wanted]
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:  # required on another platform only
            continue
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(
                    {"extra": ""}):
                todo.append(_canonical(requirement.name))
    lines = requirements.read_text(encoding="utf-8").splitlines()
    return "".join(f"{line}\n" for line in lines
                   if _canonical(line.split("==")[0]) in needed)


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


#: Helper files that name every data file, whichever the folder reads.
_LISTS_EVERY_FILE = ("course_data.py", "datasets_registry.json")


def data_file_names(assignment):
    """The data files (``*.h5``) that the exercise folder reads.

    A name counts when the notebook or one of its helpers mentions it;
    ``course_data.py`` and the registry's copy, which list every file, do
    not count.
    """
    from autograder.data import read_registry

    texts = [assignment.exercise_notebook.read_text(encoding="utf-8")]
    texts += [text for name, text in assignment.copied_files().items()
              if name not in _LISTS_EVERY_FILE]
    return sorted(name for name in read_registry()["files"]
                  if any(name in text for text in texts))


def build_zip(assignment, out):
    """Write the Gradescope autograder zip of ``assignment`` to ``out``.

    Returns
    -------
    list of str
        The names in the zip.
    """
    from autograder.data import DATA_DIR, REGISTRY_PATH

    module_files, tops = grading_modules(assignment)
    files = {name: ROOT / name for name in module_files}
    files[f"solutions/{assignment.slug}/public_cases.json"] = (
        assignment.public_cases_file)
    files["datasets/registry.json"] = REGISTRY_PATH
    for name in data_file_names(assignment):
        path = DATA_DIR / name
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing; run "
                                    f"'course datasets' to generate it")
        files[f"datasets/{name}"] = path
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        _add_script(archive, "setup.sh", SETUP_SH)
        _add_script(archive, "run_autograder",
                    RUN_AUTOGRADER.format(slug=assignment.slug))
        archive.writestr("requirements.txt", runtime_requirements(tops))
        for name, path in sorted(files.items()):
            archive.write(path, name)
        return archive.namelist()


def _add_script(archive, name, text):
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o100755 << 16  # an executable regular file
    archive.writestr(info, text)


# --- Running on Gradescope ---------------------------------------------------

def find_notebook(folder, slug):
    """The submitted notebook: ``<slug>.ipynb`` anywhere in ``folder``, or
    the only notebook there.

    Raises
    ------
    FileNotFoundError
        Naming what was found and the file name expected.
    """
    notebooks = sorted(path for path in Path(folder).rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in path.parts)
    named = [path for path in notebooks if path.name == f"{slug}.ipynb"]
    if len(named) == 1 or len(notebooks) == 1:
        return (named or notebooks)[0]
    found = ", ".join(path.name for path in notebooks) or "no notebook"
    raise FileNotFoundError(f"upload your notebook {slug}.ipynb (found: "
                            f"{found})")


def grade_submission(assignment, root):
    """Grade ``root/submission`` and write ``root/results/results.json``.

    Returns
    -------
    SimpleNamespace
        The fields :func:`autograder.reports.write_gradescope` reads:
        ``score``, ``functions``, ``messages``, ``error``, ``note``.
    """
    from autograder.fast_engine import (
        GradingContext,
        SubmissionError,
        WorkerPool,
        grade_notebook,
    )
    from autograder.reports import write_gradescope

    entry = SimpleNamespace(score=None, functions={}, messages={},
                            error="", note="", lateness=None)
    try:
        text = find_notebook(Path(root) / "submission",
                             assignment.slug).read_text(encoding="utf-8")
        with WorkerPool(1) as pool:
            grade = grade_notebook(GradingContext(assignment), text,
                                   pool.run)
    except (FileNotFoundError, UnicodeDecodeError, SubmissionError) as error:
        entry.error = str(error)
    else:
        entry.score = grade.score
        for result in grade.functions:
            entry.functions[result.name] = result.points
            entry.messages[result.name] = result.message
        if grade.cell_errors:
            entry.note = "A cell raised " + "; ".join(grade.cell_errors)
    write_gradescope(Path(root) / "results" / "results.json", assignment,
                     entry)
    return entry


def main(argv):
    """``python -m autograder.gradescope SLUG ROOT`` (run_autograder)."""
    from autograder.assignment import Assignment

    slug, root = argv
    entry = grade_submission(Assignment(slug), root)
    print(f"{slug}: score {entry.score} {entry.error or entry.note} "
          f"(graded by {Path(__file__).parent})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
