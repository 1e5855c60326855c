"""The whole book as one PDF (book/_tools/make_pdf.py), opened and read.

The PDF is made once per session into a temporary folder: Jupyter Book
builds the single-page HTML (reusing the execution cache), and the system
Chromium prints it. poppler's ``pdfinfo``, ``pdftotext`` and ``pdfimages``
(``apt-get install poppler-utils``) read the result. Without Chromium or
poppler the tests are skipped, unless ``COURSE_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MAKE_PDF = ROOT / "book" / "_tools" / "make_pdf.py"
MIN_PAGES, MAX_PAGES = 150, 800


def require(tool: str) -> str:
    """Path of a command-line tool; skip (or fail when required)."""
    found = shutil.which(tool)
    if found:
        return found
    reason = f"{tool} not found (apt-get install poppler-utils chromium)"
    if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; COURSE_REQUIRE_BROWSER=1 requires it")
    pytest.skip(reason)


def chromium_available() -> None:
    candidates = [os.environ.get("COURSE_CHROMIUM"), "/usr/bin/chromium",
                  shutil.which("chromium")]
    if not any(c and Path(c).is_file() for c in candidates):
        require("chromium")


def toc() -> dict:
    return yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))


def chapter_titles() -> list[str]:
    """Every chapter's heading as the book numbers it, e.g.
    '6. Optimization algorithms'; unnumbered parts keep the bare title."""
    titles, number = [], 0
    for part in toc()["parts"]:
        for chapter in part["chapters"]:
            text = (ROOT / f"{chapter['file']}.md").read_text("utf8")
            title = re.search(r"^# (.+)$", text, re.MULTILINE).group(1)
            if part.get("numbered"):
                number += 1
                title = f"{number}. {title}"
            titles.append(title)
    return titles


def tex_commands() -> set[str]:
    """Every TeX command the notes' formulas use (\\frac, \\beta, ...)."""
    commands = set()
    for page in (ROOT / "book").rglob("*.md"):
        text = page.read_text(encoding="utf8")
        text = re.sub(r"```.*?```|`[^`\n]*`", "", text, flags=re.DOTALL)
        commands |= set(re.findall(r"\\([A-Za-z]{2,})", text))
    return commands


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory) -> Path:
    """The book printed to a PDF in a temporary folder."""
    chromium_available()
    output = tmp_path_factory.mktemp("pdf") / "book.pdf"
    result = subprocess.run(
        [sys.executable, str(MAKE_PDF), "--output", str(output),
         "--no-site-copy"], cwd=ROOT, capture_output=True, text=True,
        timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[
        -3000:]
    return output


@pytest.fixture(scope="module")
def pages(book_pdf) -> list[str]:
    """The text of every page, laid out as printed."""
    text = subprocess.run([require("pdftotext"), "-layout", str(book_pdf),
                           "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_tool_reads_the_table_of_contents():
    """Do the chapter titles and the TeX commands come from the sources?"""
    titles = chapter_titles()
    assert len(titles) == 11
    assert "6. Optimization algorithms" in titles
    assert {"frac", "beta", "sum", "text"} <= tex_commands()


@pytest.mark.slow
def test_pdf_is_an_a4_book_of_plausible_length(book_pdf):
    """Is the PDF A4, titled after the book, and a few hundred pages?"""
    info = subprocess.run([require("pdfinfo"), str(book_pdf)],
                          capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines()
                  if ":" in line)
    title = yaml.safe_load((ROOT / "_config.yml").read_text())["title"]
    assert fields["Title"].strip() == title
    assert "(A4)" in fields["Page size"]
    assert MIN_PAGES <= int(fields["Pages"]) <= MAX_PAGES, fields["Pages"]


@pytest.mark.slow
def test_pdf_opens_with_a_title_page_and_contents(pages):
    """Is page 1 the title and page 2 a table of contents that lists
    every chapter?"""
    title = yaml.safe_load((ROOT / "_config.yml").read_text())["title"]
    assert flat(title) in flat(pages[0])
    contents = flat(" ".join(pages[1:5]))
    assert flat(pages[1]).startswith("Contents")
    missing = [t for t in chapter_titles() if flat(t) not in contents]
    assert not missing, f"not in the contents: {missing}"


@pytest.mark.slow
def test_pdf_has_every_numbered_chapter(pages):
    """Does every chapter start a page, with its number, in the order of
    the table of contents (after the contents pages)?"""
    def page_starts_with(page: str, title: str) -> bool:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # A long title wraps onto a second line.
        return flat(" ".join(lines[:2])).startswith(flat(title))

    after_contents = next(index for index, page in enumerate(pages)
                          if index > 1 and not re.match(r"\s*\d+\.", page)
                          and "Getting started" not in page)
    found, start = {}, after_contents
    for title in chapter_titles():
        for index in range(start, len(pages)):
            if page_starts_with(pages[index], title):
                found[title] = start = index
                break
    missing = [t for t in chapter_titles() if t not in found]
    assert not missing, f"no page starts with (in order): {missing}"


@pytest.mark.slow
def test_pdf_has_every_exercise(pages):
    """Is every exercise notebook in the PDF, under its title?"""
    text = flat("\n".join(pages))
    missing = []
    for part in toc()["parts"]:
        for chapter in part["chapters"]:
            for section in chapter.get("sections", []):
                notebook = (ROOT / f"{section['file']}.ipynb").read_text()
                title = re.search(r'"# ([^"\\]+)', notebook).group(1)
                if flat(title) not in text:
                    missing.append(title)
    assert not missing


@pytest.mark.slow
def test_pdf_has_typeset_math_and_no_raw_tex(pages):
    """Are the formulas typeset, with none of the notes' TeX commands
    left as text?"""
    text = "\n".join(pages)
    raw = sorted({command for command in tex_commands()
                  if re.search(rf"\\{command}\b", text)})
    assert not raw, f"raw TeX in the PDF: {raw}"
    for leftover in ("$$", "\\(", "\\[", "\\begin{"):
        assert leftover not in text, leftover
    # The Adam update, typeset: Greek letters and the corrected moments.
    adam = [page for page in pages if "6.5. Adam" in page]
    assert adam, "no page holds section 6.5"
    assert "β" in text and "corrected" in text and "ε" in text


@pytest.mark.slow
def test_pdf_has_the_figures(book_pdf):
    """Are the figures of the notes in the PDF as images?"""
    listing = subprocess.run([require("pdfimages"), "-list", str(book_pdf)],
                             capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    figures = sum(1 for line in listing if line.split()[2] == "image")
    notes = sum(page.read_text().count("name: fig-")
                for page in (ROOT / "book").rglob("*.md"))
    assert figures >= notes >= 50, f"{figures} images for {notes} figures"
