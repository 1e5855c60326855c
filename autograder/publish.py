"""``course publish --through CUTOFF``: the site of a term so far.

A term opens week by week. The cut-off is a week (``c2w1``: its notes
and all its exercises) or an assignment (``c1w4_deep_nn_step_by_step``:
its week's notes and that week's exercises up to it, in ``_toc.yml``
order). The pages not tied to a week (introduction, setup, notation)
are always published.

The build works on a staged copy of the book holding only what is
published: a filtered ``_toc.yml``, the published weeks' pages, the
published exercise folders (the site zips each into ``downloads/``),
and the helper modules the notes' downloads may copy. A ``{doc}`` link to
a page that is not published yet becomes plain text. The staged book is
built with warnings as errors, sharing the repository's execution cache,
and the site replaces ``_build/html`` (or ``--out``).

Some exercise folders ship helpers that hold the graded functions of an
earlier assignment (:func:`graded_functions_shipped`); the order of
``_toc.yml`` keeps each such assignment before the folders that ship its
solutions, so a cut-off at that assignment publishes it alone.
"""
from __future__ import annotations

import ast
import inspect
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from autograder import ROOT

_WEEK_PAGE = re.compile(r"^book/(c\d)/week(\d)$")
_EXERCISE_PAGE = re.compile(r"^exercises/(?P<slug>[a-z0-9_]+)/(?P=slug)$")


class CutoffError(ValueError):
    """An unknown cut-off; the message lists the valid ones."""


@dataclass(frozen=True)
class Week:
    """One week of the term, as ``_toc.yml`` lists it.

    Attributes
    ----------
    name : str
        ``c<course>w<week>``, e.g. ``"c2w1"``.
    page : str
        Its notes, e.g. ``"book/c2/week1"``.
    slugs : tuple of str
        Its exercises, in ``_toc.yml`` order.
    """

    name: str
    page: str
    slugs: tuple


@dataclass(frozen=True)
class Publication:
    """What a cut-off publishes: toc files and exercise ids."""

    pages: frozenset
    slugs: tuple


def read_toc(root=ROOT):
    """``_toc.yml`` as data."""
    return yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))


def _toc_entries(entries):
    """Every entry with a ``file``, depth first (toc order)."""
    for entry in entries or []:
        if "file" in entry:
            yield entry
        for key in ("parts", "chapters", "sections"):
            yield from _toc_entries(entry.get(key))


def _toc_files(toc):
    """Every page of ``toc`` (root included), in toc order."""
    return [toc["root"]] + [entry["file"] for entry in
                            _toc_entries(toc.get("parts"))]


def term(toc=None):
    """The weeks of the term, in ``_toc.yml`` order (a list of Week)."""
    toc = toc or read_toc()
    weeks = []
    for entry in _toc_entries(toc.get("parts")):
        parts = _WEEK_PAGE.match(entry["file"])
        if parts:
            slugs = tuple(
                _EXERCISE_PAGE.match(section["file"])["slug"]
                for section in entry.get("sections", [])
                if _EXERCISE_PAGE.match(section["file"]))
            weeks.append(Week(f"{parts[1]}w{parts[2]}", entry["file"],
                              slugs))
    return weeks


def cutoffs(weeks=None):
    """Every cut-off in publishing order: each week's assignments one by
    one, then the week itself (the same set as its last assignment)."""
    weeks = weeks or term()
    return [name for week in weeks for name in (*week.slugs, week.name)]


def published(cutoff, toc=None):
    """What ``cutoff`` publishes.

    Raises
    ------
    CutoffError
        If ``cutoff`` is neither a week nor an assignment of ``_toc.yml``.
    """
    toc = toc or read_toc()
    weeks = term(toc)
    if cutoff not in cutoffs(weeks):
        raise CutoffError(
            f"unknown cut-off {cutoff!r}: give a week "
            f"({', '.join(week.name for week in weeks)}) or an "
            f"assignment id (e.g. {weeks[-1].slugs[-1]})")
    week_pages = {week.page for week in weeks}
    pages = {entry["file"] for entry in _toc_entries(toc.get("parts"))
             if entry["file"] not in week_pages
             and not _EXERCISE_PAGE.match(entry["file"])}
    pages.add(toc["root"])
    slugs = []
    for week in weeks:
        pages.add(week.page)
        for slug in week.slugs:
            slugs.append(slug)
            pages.add(f"exercises/{slug}/{slug}")
            if slug == cutoff:
                return Publication(frozenset(pages), tuple(slugs))
        if week.name == cutoff:
            return Publication(frozenset(pages), tuple(slugs))
    raise AssertionError("unreachable: the cut-off was checked")


def filtered_toc(toc, pages):
    """``toc`` without the entries whose file is not in ``pages``."""
    def keep(entries):
        kept = []
        for entry in entries:
            if "file" in entry and entry["file"] not in pages:
                continue
            entry = dict(entry)
            for key in ("parts", "chapters", "sections"):
                if key in entry:
                    entry[key] = keep(entry[key])
                    if not entry[key]:
                        del entry[key]
            if "file" in entry or "chapters" in entry:
                kept.append(entry)
        return kept

    return {**toc, "parts": keep(toc["parts"])}


# --- Solutions inside helpers -----------------------------------------------

def graded_functions_shipped(assignment, others):
    """Graded functions of ``others`` that ``assignment``'s folder ships
    in its helpers (its own graded functions do not count).

    Returns
    -------
    dict
        Slug of the other assignment -> sorted list of function names.
    """
    shipped = {}
    for source in assignment.helper_files.values():
        if source.suffix == ".py":
            found = graded_functions_in(source, others)
            found.pop(assignment.slug, None)
            for slug, names in found.items():
                shipped[slug] = sorted(set(shipped.get(slug, [])) |
                                       set(names))
    return shipped


def graded_functions_in(path, assignments):
    """The graded functions of ``assignments`` that a module file holds.

    A file holds a graded function when it defines the reference
    implementation (the reference module imports it from there) or a
    function of the same name with the same code (a copy).

    Returns
    -------
    dict
        Slug -> sorted list of function names (only slugs with some).
    """
    path = Path(path)
    defined = _functions_defined(path)
    found = {}
    for assignment in assignments:
        names = sorted(name for name in assignment.function_names
                       if _holds(path, defined,
                                 assignment.reference(name)))
        if names:
            found[assignment.slug] = names
    return found


def _functions_defined(path):
    """Top-level function name -> its AST dump without the docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: _code_dump(node) for node in tree.body
            if isinstance(node, ast.FunctionDef)}


def _code_dump(node):
    body = node.body
    if (body and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)):
        body = body[1:]
    return ast.dump(ast.Module(body=body, type_ignores=[]))


def _holds(path, defined, function):
    if Path(inspect.getsourcefile(function)).resolve() == path.resolve():
        return True
    if function.__name__ not in defined:
        return False
    tree = ast.parse(inspect.getsource(function))
    return _code_dump(tree.body[0]) == defined[function.__name__]


# --- Staging and building ----------------------------------------------------

_DOC_ROLE = re.compile(r"\{doc\}`(?:(?P<text>[^`<]*?)\s*<(?P<target>[^`>]+)>"
                       r"|(?P<bare>[^`<]+))`")
_REF_ROLE = re.compile(r"\{(?:ref|numref)\}`(?:(?P<text>[^`<]*?)\s*"
                       r"<(?P<target>[^`>]+)>|(?P<bare>[^`<]+))`")
_LABEL = re.compile(r"^\((?P<label>[\w.-]+)\)=\s*\n+#+\s*(?P<title>.+)$"
                    r"|^\s*:?name:\s*(?P<name>[\w.-]+)\s*$", re.M)


def labels(pages, root=ROOT):
    """Every MyST label of the Markdown ``pages``: label -> (page, title);
    the title is the labelled heading's, or "a figure" for a figure."""
    found = {}
    for page in pages:
        source = root / f"{page}.md"
        if not source.is_file():
            continue
        for match in _LABEL.finditer(source.read_text(encoding="utf-8")):
            if match["label"]:
                found[match["label"]] = (page, match["title"].strip())
            else:
                found[match["name"]] = (page, "a figure")
    return found


def cross_references(text, docname, label_index):
    """Every ``{doc}``, ``{ref}`` and ``{numref}`` link of a page:
    ``(match, target page, text to show instead)``; the target is None
    for a label of no page (left to Sphinx to report)."""
    found = []
    for match in _DOC_ROLE.finditer(text):
        target = _resolve(match["target"] or match["bare"], docname)
        found.append((match, target,
                      match["text"] or Path(match["bare"]).name))
    for match in _REF_ROLE.finditer(text):
        page, title = label_index.get(match["target"] or match["bare"],
                                      (None, ""))
        found.append((match, page, match["text"] or title))
    return found


def _resolve(target, docname):
    """A ``{doc}`` target as a docname relative to the book root."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts = []
    for part in f"{Path(docname).parent.as_posix()}/{target}".split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def unlink_unpublished(text, docname, pages, label_index):
    """``text`` with every link to a page that is not in ``pages`` turned
    into plain text: the link's own text, or the labelled heading."""
    for match, target, shown in reversed(
            sorted(cross_references(text, docname, label_index),
                   key=lambda found: found[0].start())):
        if target is not None and target not in pages:
            text = text[:match.start()] + shown + text[match.end():]
    return text


#: Copied into the staged book besides ``book/`` and the published
#: exercise folders: what the notes' downloads copy.
_STAGED_TREES = ("autograder/data", "autograder/helpers")
_STAGED_FILES = ("datasets/registry.json",)
_SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc",
                                  ".ipynb_checkpoints")


def stage(cutoff, folder, root=ROOT):
    """Write the book as ``cutoff`` publishes it into ``folder``.

    ``book/`` is copied without the weeks that are not published, and the
    published pages with their links to unpublished pages unlinked.

    Returns
    -------
    Publication
    """
    toc = read_toc(root)
    publication = published(cutoff, toc)
    folder = Path(folder)
    later = {f"{week.page}.md" for week in term(toc)
             if week.page not in publication.pages}

    def unpublished(directory, names):
        relative = Path(directory).relative_to(root).as_posix()
        return set(_SKIPPED(directory, names)) | {
            name for name in names if f"{relative}/{name}" in later}

    shutil.copytree(root / "book", folder / "book", ignore=unpublished)
    for tree in _STAGED_TREES:
        shutil.copytree(root / tree, folder / tree, ignore=_SKIPPED)
    for name in _STAGED_FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, folder / name)
    (folder / "exercises").mkdir()
    for slug in publication.slugs:
        shutil.copytree(root / "exercises" / slug,
                        folder / "exercises" / slug, ignore=_SKIPPED)
    label_index = labels(_toc_files(toc), root)
    for page in publication.pages:
        if not page.startswith("exercises/"):
            staged = folder / f"{page}.md"
            staged.write_text(unlink_unpublished(
                staged.read_text(encoding="utf-8"), page,
                publication.pages, label_index), encoding="utf-8")
    (folder / "_toc.yml").write_text(yaml.safe_dump(
        filtered_toc(toc, publication.pages), sort_keys=False))
    config = yaml.safe_load((root / "_config.yml").read_text("utf-8"))
    config["execute"]["cache"] = str(root / "_build" / ".jupyter_cache")
    (folder / "_config.yml").write_text(yaml.safe_dump(config,
                                                       sort_keys=False))
    return publication


def build(cutoff, out=ROOT / "_build" / "html", root=ROOT):
    """Build the site as ``cutoff`` publishes it into ``out``.

    Returns
    -------
    subprocess.CompletedProcess
        The ``jupyter-book build -W -n --keep-going`` run; ``out`` is
        replaced only when it succeeded.
    """
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    with tempfile.TemporaryDirectory(prefix="course-publish-") as tmp:
        staged, output = Path(tmp) / "book", Path(tmp) / "output"
        stage(cutoff, staged, root)
        result = subprocess.run(
            [str(jupyter_book), "build", str(staged), "-W", "-n",
             "--keep-going", "--all", "--path-output", str(output)],
            capture_output=True, text=True, check=False)
        if result.returncode == 0:
            out = Path(out)
            if out.exists():
                shutil.rmtree(out)
            shutil.copytree(output / "_build" / "html", out)
    return result
