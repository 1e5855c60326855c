"""Sphinx extension: every page of notes downloads as a notebook that runs.

A page of notes is a MyST text notebook that runs inside the repository:
its first cell runs the shared preamble (``%run ../_preamble.py``) and
some pages import the course's helper modules from the ``autograder``
package. Neither exists on a learner's computer. So, after an HTML build,
each page under ``book/`` that is a notebook is also written as
``downloads/<chapter>_notes.zip`` (for example ``c2w1_notes.zip``), one
folder holding

- ``<chapter>_notes.ipynb``, the page as a Jupyter notebook whose cells
  load ``_preamble.py`` and the helpers from the folder itself,
- ``_preamble.py``, a copy of ``book/_preamble.py``,
- a copy of every helper module the page imports from
  ``autograder/data`` or ``autograder/helpers``, and of the modules those
  import in turn (each is written to work when copied beside a notebook,
  as in the exercise folders), with ``datasets_registry.json`` beside
  ``course_data.py`` (the checksums it verifies the data against).

Cells that use ``myst_nb`` (``glue`` hands a number to the book's text)
and MyST target lines such as ``(c2w1)=`` are left out. A page whose code
would still reach the repository after these rewrites fails the build.
The theme's download menu of each such page offers the zip first.
"""
from __future__ import annotations

import re
import textwrap
import zipfile
from pathlib import Path

import nbformat
from sphinx.errors import ExtensionError

#: Where the helper modules of the course live, relative to the root.
HELPER_FOLDERS = ("autograder/data", "autograder/helpers")
PREAMBLE = "book/_preamble.py"
#: Data files a helper reads from its own folder: helper -> (source, name).
COMPANIONS = {"course_data.py": ("datasets/registry.json",
                                 "datasets_registry.json")}

#: (pattern, replacement) applied to the source of every code cell.
REWRITES = [
    (re.compile(r"^%run \.\./_preamble\.py$", re.M), "%run _preamble.py"),
    (re.compile(r"^from autograder\.(?:data|helpers)\.(\w+) import", re.M),
     r"from \1 import"),
    (re.compile(r"^from autograder\.(?:data|helpers) import (\w+)", re.M),
     r"import \1"),
]
#: Left in a cell after the rewrites, any of these reaches the repository.
REPOSITORY = re.compile(r"autograder|\.\./|sys\.path")
#: A MyST target line, "(c2w1-dropout)=": an anchor for the book's links,
#: shown as a stray line of text by Jupyter; left out of the notebook.
TARGET = re.compile(r"^\([\w-]+\)=[ \t]*\n?", re.M)
#: Modules a copied helper imports by name (top-level or in a function).
IMPORTED = re.compile(r"^\s*(?:from (\w+) import|import (\w+))", re.M)


def is_notebook(text: str) -> bool:
    """Is a MyST page a text notebook (front matter with a kernelspec)?"""
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return bool(front) and "kernelspec:" in front.group(1)


def notes_pages(root: Path) -> list[str]:
    """Docnames of the pages of notes that are notebooks, e.g.
    'book/c2/week1'."""
    return sorted(
        page.relative_to(root).with_suffix("").as_posix()
        for page in (root / "book").glob("c*/week*.md")
        if is_notebook(page.read_text(encoding="utf8")))


def download_name(docname: str) -> str:
    """'book/c2/week1' -> 'c2w1_notes'."""
    course, week = docname.split("/")[-2:]
    return f"{course}w{week.removeprefix('week')}_notes"


def portable_source(source: str) -> str:
    """A code cell's source with the repository's paths rewritten."""
    for pattern, replacement in REWRITES:
        source = pattern.sub(replacement, source)
    return source


def helper_modules(sources: list[str], root: Path) -> list[Path]:
    """The helper files that code imports, with what they import in turn."""
    found: dict[str, Path] = {}
    queue = list(sources)
    while queue:
        text = queue.pop()
        for names in IMPORTED.findall(text):
            name = next(n for n in names if n)
            if name in found:
                continue
            for folder in HELPER_FOLDERS:
                path = root / folder / f"{name}.py"
                if path.is_file():
                    found[name] = path
                    queue.append(path.read_text(encoding="utf8"))
                    break
    return sorted(found.values(), key=lambda p: p.name)


def intro_cell(title: str, helpers: list[str]) -> nbformat.NotebookNode:
    """The first cell of a download: what it is and what it needs."""
    files = ", ".join(f"`{name}`" for name in ["_preamble.py"] + helpers)
    return nbformat.v4.new_markdown_cell(textwrap.fill(
        f"*{title}*: a page of notes of the course book *Deep Learning "
        "from Scratch with NumPy*, as a notebook that runs on its own. "
        f"Keep it in its folder, next to {files}, and run the cells from "
        "the top. It needs Python 3.11 with `numpy`, `matplotlib` and "
        "`h5py` (the book's page *Getting set up* gives the versions). "
        "References such as {ref}`...`, {numref}`...` or equation labels "
        "are MyST markup, which the book shows as links and numbers.",
        width=79, break_on_hyphens=False))


def notes_notebook(docname: str, root: Path):
    """(notebook, helper paths) for the page ``docname`` of notes."""
    from myst_nb.core.read import read_myst_markdown_notebook

    text = (root / f"{docname}.md").read_text(encoding="utf8")
    notebook = read_myst_markdown_notebook(text)
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = TARGET.sub("", cell.source).strip("\n")
        if cell.cell_type == "code":
            if "myst_nb" in cell.source:
                continue
            cell.source = portable_source(cell.source)
            if REPOSITORY.search(cell.source):
                raise ExtensionError(
                    f"{docname}: a code cell still reaches the repository "
                    f"after the download's rewrites:\n{cell.source}")
        cells.append(cell)
    helpers = helper_modules([c.source for c in cells
                              if c.cell_type == "code"], root)
    title = re.search(r"^# (.+)$", text, re.M).group(1)
    notebook.cells = [intro_cell(title, [p.name for p in helpers])] + cells
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["language_info"] = {"name": "python"}
    nbformat.validate(notebook)
    return notebook, helpers


def notes_folder(docname: str, root: Path) -> dict[str, bytes]:
    """The files of a page's notes folder, as its zip holds them (file
    name -> content): the notebook, the preamble, the helper modules and
    their companions."""
    name = download_name(docname)
    notebook, helpers = notes_notebook(docname, root)
    files = {f"{name}.ipynb": nbformat.writes(notebook).encode("utf8")}
    for path in [root / PREAMBLE] + helpers:
        files[path.name] = path.read_bytes()
        if path.name in COMPANIONS:
            source, companion = COMPANIONS[path.name]
            files[companion] = (root / source).read_bytes()
    return files


def write_download(docname: str, root: Path, folder: Path) -> Path:
    """Write ``folder/<name>.zip`` for a page of notes; return its path."""
    name = download_name(docname)
    archive = folder / f"{name}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for file_name, data in notes_folder(docname, root).items():
            zipped.writestr(f"{name}/{file_name}", data)
    return archive


def write_downloads(app, exception):
    """After an HTML build, zip every page of notes into downloads/."""
    if exception is not None or app.builder.format != "html":
        return
    root = Path(app.srcdir)
    folder = Path(app.outdir) / "downloads"
    folder.mkdir(exist_ok=True)
    for docname in notes_pages(root):
        write_download(docname, root, folder)


def add_download_button(app, pagename, templatename, context, doctree):
    """Offer the zip first in the download menu of a page of notes."""
    if pagename not in notes_pages(Path(app.srcdir)):
        return
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"].insert(0, {
                "type": "link",
                "url": context["pathto"](
                    f"downloads/{download_name(pagename)}.zip", 1),
                "text": ".zip",
                "tooltip": "Download the notebook with its helper files",
                "icon": "fas fa-file-archive",
                "label": "download-notes-button",
            })


def setup(app):
    """Register the hooks (after the theme has built its buttons)."""
    app.connect("html-page-context", add_download_button, priority=600)
    app.connect("build-finished", write_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
