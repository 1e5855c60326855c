"""The learners' "Getting set up" page says what the course really does.

Each test ties one statement of ``book/setup.md`` to the code or the files
it describes, so the page fails a test when they part ways: the pinned
versions, the layout of an exercise folder, the zip link on every exercise
page, the `course check` command, the grader's time limit and the way it
reads a student id from a file name.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "book" / "setup.md"
EXERCISES = ROOT / "exercises"
EXAMPLE = "c1w2_logistic_regression"
IMPORT = re.compile(r"^\s*(?:from\s+(\w+)[\w.]*\s+import\b|import\s+(\w+))",
                    re.M)


def page_text() -> str:
    return PAGE.read_text(encoding="utf8")


def pinned_requirements() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        name, sep, version = line.strip().partition("==")
        if sep:
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_setup_page_comes_first_in_the_book():
    """Is the page in the table of contents, before the notation page?"""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    first = [entry["file"] for entry in toc["parts"][0]["chapters"]]
    assert first[:2] == ["book/setup", "book/notation"]


def test_install_line_pins_what_the_table_lists():
    """Does the pip line install exactly the packages and versions of the
    table, and are they the versions of requirements.txt?"""
    text = page_text()
    table = dict(re.findall(r"^\| `([\w-]+)` \| ([\d.]+) \|", text, re.M))
    command = text[text.index("python -m pip install"):]
    command = command[:command.index("```")]
    installed = dict(re.findall(r"([\w-]+)==([\d.]+)", command))
    assert len(table) == 5
    assert installed == table
    requirements = pinned_requirements()
    wrong = {name: (version, requirements.get(name))
             for name, version in table.items()
             if requirements.get(name) != version}
    assert not wrong, f"page version, requirements.txt version: {wrong}"


def _normal(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _dependencies(names):
    """The installed distributions ``names`` need, themselves included
    (extras left out)."""
    found, todo = set(), [_normal(name) for name in names]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        try:  # a requirement for other Pythons is not installed
            requirements = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        found.add(name)
        for requirement in requirements:
            if "extra ==" not in requirement:
                todo.append(_normal(re.match(r"[\w.-]+", requirement)[0]))
    return found


def test_install_covers_every_import_of_the_exercises():
    """Is every third-party module an exercise imports in the install
    line (the rest being the standard library and the folder's files)?"""
    imported = set()
    for folder in sorted(p for p in EXERCISES.iterdir() if p.is_dir()):
        local = {path.stem for path in folder.glob("*.py")}
        sources = [path.read_text() for path in folder.glob("*.py")]
        for notebook in folder.glob("*.ipynb"):
            cells = json.loads(notebook.read_text())["cells"]
            sources += ["".join(cell["source"]) for cell in cells
                        if cell["cell_type"] == "code"]
        for source in sources:
            for found in IMPORT.finditer(source):
                module = found.group(1) or found.group(2)
                if module not in local:
                    imported.add(module)
    third_party = {module for module in imported
                   if module not in sys.stdlib_module_names}
    # The command line of course_checks.py runs the notebook in a kernel:
    # what it imports comes with JupyterLab and ipykernel.
    # pyfive: course_data's HDF5 reader where h5py is missing (the
    # browser runtime); a desktop install never needs it.
    third_party.discard("pyfive")
    with_jupyter = third_party - {"numpy", "matplotlib", "h5py"}
    assert with_jupyter == {"nbclient", "nbformat", "traitlets", "zmq"}
    modules = importlib.metadata.packages_distributions()
    installed = set(re.findall(r"([\w-]+)==", page_text()))
    assert {"jupyterlab", "ipykernel"} <= installed
    closure = _dependencies({"jupyterlab", "ipykernel"})
    assert all(_normal(modules[module][0]) in closure
               for module in with_jupyter)
    assert third_party - with_jupyter <= installed


def test_folder_listing_matches_the_released_folder():
    """Does the page list exactly the files of the example's folder?"""
    text = page_text()
    listing = text[text.index(f"{EXAMPLE}/\n"):]
    listing = listing[:listing.index("```")]
    listed = set(re.findall(r"^\s+(\S+\.\w+)\s", listing, re.M))
    released = {path.name for path in (EXERCISES / EXAMPLE).iterdir()
                if path.is_file()}
    assert listed == released


@pytest.mark.parametrize("slug", sorted(
    p.name for p in EXERCISES.iterdir() if p.is_dir()))
def test_every_exercise_page_links_its_folder_zip(slug):
    """Does the top of each exercise offer "download the exercise
    folder" as downloads/<slug>.zip, as the page promises?"""
    cells = json.loads((EXERCISES / slug / f"{slug}.ipynb").read_text())[
        "cells"]
    first = "".join(cells[0]["source"])
    assert f'href="../../downloads/{slug}.zip"' in first
    assert "download the exercise folder" in first


def test_course_check_is_a_command_with_a_notebook_argument():
    """Is `course check NOTEBOOK` a subcommand of the course CLI?"""
    from autograder.cli import parser

    arguments = parser().parse_args(["check", "x.ipynb"])
    assert arguments.notebook == "x.ipynb"
    assert (f"course check exercises/{EXAMPLE}/{EXAMPLE}.ipynb"
            in page_text())


def test_time_limit_on_the_page_is_the_graders_default():
    """Does the grader stop a notebook after two minutes by default?"""
    from autograder.cli import parser

    arguments = parser().parse_args(["grade", EXAMPLE, "somewhere"])
    assert arguments.time_limit == 120
    assert "stopped after two minutes" in " ".join(page_text().split())


def test_example_file_name_gives_the_student_id():
    """Does the grader read "jdoe" from the file name the page shows,
    and drop whatever follows the first underscore of an id?"""
    from pathlib import PurePosixPath

    from autograder.intake import STUDENT_ID, parse_lms_path

    name = f"jdoe_{EXAMPLE}.ipynb"
    assert f"`{name}`" in page_text()
    assert parse_lms_path(PurePosixPath(name)).student == "jdoe"
    assert STUDENT_ID.match(parse_lms_path(PurePosixPath(name)).student)
    assert parse_lms_path(
        PurePosixPath(f"j_doe_{EXAMPLE}.ipynb")).student == "j"


@pytest.mark.slow
def test_setup_page_is_built_with_working_links():
    """Does the built page link to the example exercise, and is the zip
    it talks about in the site?"""
    from bs4 import BeautifulSoup

    html = ROOT / "_build" / "html"
    page = html / "book" / "setup.html"
    if not page.is_file():
        pytest.skip("the site is not built (make book)")
    soup = BeautifulSoup(page.read_text("utf8"), "html.parser")
    links = [a["href"] for a in soup.find_all("a", href=True)
             if EXAMPLE in a["href"]]
    assert links, "no link to the example exercise"
    for href in links:
        target = (page.parent / href.split("#")[0]).resolve()
        assert target.is_file(), href
    assert (html / "downloads" / f"{EXAMPLE}.zip").is_file()
