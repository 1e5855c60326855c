"""The downloads of the notes: every page as a notebook that runs alone.

``book/_ext/notes_downloads.py`` turns each page of notes into a zip with
the page as a notebook, the shared preamble and the helper modules the
page imports. These tests read what it makes without building the site;
``tests/test_book.py`` runs every zip of the built site from a folder that
cannot import the project.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ROOT / "book" / "_ext" / "notes_downloads.py"
#: What a learner installs (book/setup.md) and what Jupyter brings along;
#: ``pyfive`` is course_data's reader where h5py is missing (the browser).
INSTALLED = {"numpy", "matplotlib", "h5py", "IPython", "matplotlib_inline",
             "pyfive"}
IMPORT = re.compile(r"^\s*(?:from\s+(\w+)[\w.]*\s+import\b|import\s+(\w+))",
                    re.M)


def load_extension():
    spec = importlib.util.spec_from_file_location("notes_downloads",
                                                  EXTENSION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


notes = load_extension()


def toc_notebook_pages() -> list[str]:
    """Pages of the table of contents under book/ that are notebooks."""
    text = (ROOT / "_toc.yml").read_text(encoding="utf8")
    pages = re.findall(r"file: (book/\S+)", text)
    return [page for page in pages
            if notes.is_notebook((ROOT / f"{page}.md").read_text("utf8"))]


def test_every_notebook_page_of_the_book_has_a_download():
    """Is every page of notes in the table of contents that is a notebook
    one of the pages the extension zips, and are all nine weeks there?"""
    assert notes.notes_pages(ROOT) == sorted(toc_notebook_pages())
    assert len(notes.notes_pages(ROOT)) == 9
    assert notes.download_name("book/c2/week1") == "c2w1_notes"


def test_rewrites_point_into_the_download_folder():
    """Are the preamble and the helper imports rewritten to the files
    beside the notebook, and is everything else left alone?"""
    source = ('%run ../_preamble.py\n'
              'from autograder.data import strategy_utils as su\n'
              'from autograder.helpers.opt_utils import make_moons\n'
              'x = "../data"  # not code that loads anything\n')
    assert notes.portable_source(source) == (
        '%run _preamble.py\n'
        'import strategy_utils as su\n'
        'from opt_utils import make_moons\n'
        'x = "../data"  # not code that loads anything\n')


def test_a_page_that_still_reaches_the_repository_fails(tmp_path):
    """Does a code cell that the rewrites cannot free from the repository
    (here a sys.path entry) stop the build with the page's name?"""
    page = tmp_path / "book" / "c9" / "week1.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\nkernelspec:\n  name: python3\n---\n\n# A page\n\n"
        "```{code-cell} ipython3\nimport sys\n\n"
        "sys.path.insert(0, \"../..\")\n```\n", encoding="utf8")
    with pytest.raises(Exception, match="book/c9/week1"):
        notes.notes_notebook("book/c9/week1", tmp_path)


@pytest.mark.parametrize("page", notes.notes_pages(ROOT))
def test_download_carries_everything_its_code_imports(page):
    """Is every module the notebook and its helper files import either
    in the download, in the standard library or among the packages a
    learner installs; and is nothing left that needs the repository or
    myst_nb?"""
    notebook, helpers = notes.notes_notebook(page, ROOT)
    code = [cell.source for cell in notebook.cells
            if cell.cell_type == "code"]
    assert code, "no code cell"
    assert "%run _preamble.py" in code[0] or "%run _preamble.py" in code[1]
    carried = {path.stem for path in helpers} | {"_preamble"}
    sources = code + [path.read_text(encoding="utf8") for path in helpers]
    sources.append((ROOT / notes.PREAMBLE).read_text(encoding="utf8"))
    missing = set()
    for source in sources:
        for found in IMPORT.finditer(source):
            module = found.group(1) or found.group(2)
            if not (module in carried or module in INSTALLED
                    or module in sys.stdlib_module_names):
                missing.add(module)
    assert not missing, f"imported but not carried: {missing}"
    joined = "\n".join(code)
    assert "autograder" not in joined and "myst_nb" not in joined


def test_download_zip_holds_one_folder(tmp_path):
    """Does a zip hold one folder named after the week, with the notebook,
    the preamble and the page's helpers, a first cell that says what the
    folder is and what it needs, and no MyST target line such as
    "(c3w1)=" left in its text?"""
    archive = notes.write_download("book/c3/week1", ROOT, tmp_path)
    assert archive.name == "c3w1_notes.zip"
    with zipfile.ZipFile(archive) as zipped:
        names = sorted(zipped.namelist())
        first = zipped.read("c3w1_notes/c3w1_notes.ipynb").decode()
    assert names == ["c3w1_notes/_preamble.py", "c3w1_notes/c3w1_notes.ipynb",
                     "c3w1_notes/course_data.py",
                     "c3w1_notes/datasets_registry.json",
                     "c3w1_notes/lr_utils.py", "c3w1_notes/strategy_utils.py"]
    assert "runs on its own" in first and "Getting set up" in first
    assert "(c3w1)=" in (ROOT / "book" / "c3" / "week1.md").read_text()
    assert "(c3w1)=" not in first


def test_setup_page_lists_the_files_of_its_example_download():
    """Does the folder the "Getting set up" page shows for the notes of
    Course 2, Week 1 hold exactly the files of that download?"""
    text = (ROOT / "book" / "setup.md").read_text(encoding="utf8")
    section = text[text.index("(setup-notes)="):
                   text.index("(setup-repository)=")]
    listing = section[section.index("```text"):]
    listing = listing[:listing.index("```", 3)]
    shown = re.findall(r"^ {4}(\S+)", listing, re.M)
    notebook, helpers = notes.notes_notebook("book/c2/week1", ROOT)
    assert "c2w1_notes/" in listing
    companions = [notes.COMPANIONS[p.name][1] for p in helpers
                  if p.name in notes.COMPANIONS]
    assert sorted(shown) == sorted(
        ["c2w1_notes.ipynb", "_preamble.py"] + [p.name for p in helpers]
        + companions)


def test_extension_is_loaded_by_the_book():
    """Does _config.yml load the extension from book/_ext?"""
    config = yaml.safe_load((ROOT / "_config.yml").read_text("utf8"))
    assert config["sphinx"]["local_extensions"]["notes_downloads"] == \
        "book/_ext"
