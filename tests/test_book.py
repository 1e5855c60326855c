"""Tests of the course book: its configuration, its build and its rendering.

The fast tests read the sources only. The slow ones build the site once per
test session with the same command as ``make book`` (plus ``--all``, so that
every page is re-read and every warning is reported again; executed
notebooks still come from the execution cache) and then look at the result,
finally in a headless Chromium that has no network.

Chromium is ``/usr/bin/chromium`` (``apt-get install chromium``), or the
path in ``COURSE_CHROMIUM``. Without it the browser tests are skipped, unless
``COURSE_REQUIRE_BROWSER=1`` is set (as in CI), in which case they fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
import zipfile
from pathlib import Path, PurePosixPath

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
HTML = BUILD / "html"
WEEK2_PAGE = "book/c1/week2.html"
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
BUILD_COMMAND = [str(JUPYTER_BOOK), "build", ".", "-W", "-n", "--keep-going",
                 "--all"]
MAX_LINE = 79
MAX_MATHJAX_BYTES = 5 * 1024 * 1024

# Sphinx reports problems as "WARNING: ..." / "ERROR: ..." (optionally
# after "path:line: "). Kernel chatter such as "[IPKernelApp] WARNING | ..."
# is not a build warning and does not match.
SPHINX_PROBLEM = re.compile(r"\b(WARNING|ERROR|CRITICAL|SEVERE):")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def load_yaml(name: str) -> dict:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf8"))


def toc_files(entries) -> list[str]:
    """All `file:` entries of a _toc.yml subtree, depth first."""
    found = []
    for entry in entries or []:
        if "file" in entry:
            found.append(entry["file"])
        for key in ("parts", "chapters", "sections"):
            found += toc_files(entry.get(key))
    return found


def note_pages() -> list[Path]:
    return sorted((ROOT / "book").rglob("*.md"))


def code_cells(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each ```{code-cell} block."""
    cells, current, start = [], None, 0
    for number, line in enumerate(text.splitlines(), start=1):
        if current is None and line.startswith("```{code-cell}"):
            current, start = [], number + 1
        elif current is not None and line.startswith("```"):
            cells.append((start, current))
            current = None
        elif current is not None:
            current.append(line)
    return cells


# --------------------------------------------------------------------------
# Fast tests: the sources and the configuration
# --------------------------------------------------------------------------


def test_toc_lists_only_existing_pages():
    """Does every page named in _toc.yml exist as a .md or .ipynb file?"""
    toc = load_yaml("_toc.yml")
    pages = [toc["root"]] + toc_files(toc.get("parts"))
    missing = [page for page in pages
               if not any((ROOT / f"{page}{suffix}").is_file()
                          for suffix in (".md", ".ipynb"))]
    assert not missing, f"pages in _toc.yml without a source file: {missing}"
    for required in ("book/intro", "book/notation", "book/c1/week1",
                     "book/c1/week2"):
        assert required in pages, f"{required} is missing from _toc.yml"


def test_section_numbers_stop_at_three_levels():
    """Is every numbered part of the book numbered three levels deep, so
    that exercise headings read "Exercise 1", not "6.10.1.1."?"""
    parts = load_yaml("_toc.yml")["parts"]
    depths = {part["caption"]: part.get("numbered") for part in parts
              if part.get("numbered")}
    assert len(depths) == 3, depths
    assert set(depths.values()) == {3}, depths


def test_execution_settings_are_strict():
    """Is execution cached, and does an error in a page fail the build?"""
    execute = load_yaml("_config.yml")["execute"]
    assert execute["execute_notebooks"] == "cache"
    assert execute["allow_errors"] is False
    assert 0 < execute["timeout"] <= 600


@pytest.mark.parametrize("slug", ["c1w2_numpy_basics",
                                  "c1w2_logistic_regression"])
def test_exercise_notebooks_are_not_executed(slug):
    """Would an exercise notebook be excluded from execution at build time?

    myst-nb tests each pattern with PurePosixPath.match on the absolute
    path of the notebook; this repeats that test.
    """
    patterns = load_yaml("_config.yml")["execute"]["exclude_patterns"]
    notebook = PurePosixPath((ROOT / "exercises" / slug / f"{slug}.ipynb")
                             .as_posix())
    assert any(notebook.match(p) for p in patterns), (
        f"no execute.exclude_patterns entry matches {notebook}")
    note = PurePosixPath((ROOT / "book" / "c1" / "week2.md").as_posix())
    assert not any(note.match(p) for p in patterns), (
        "the notes themselves must be executed")


def test_private_folders_are_excluded_from_the_site():
    """Are solutions, tests and the virtualenv kept out of the book?"""
    excluded = load_yaml("_config.yml")["exclude_patterns"]
    for pattern in ("solutions/**", "tests/**", "autograder/**",
                    "benchmarks/**", ".venv", "_build", "README.md"):
        assert pattern in excluded, f"{pattern!r} not in exclude_patterns"
    assert load_yaml("_config.yml")["only_build_toc_files"] is True


def test_mathjax_is_vendored_outside_static():
    """Is MathJax served from the site itself, and not from _static/?"""
    sphinx = load_yaml("_config.yml")["sphinx"]["config"]
    mathjax_path = sphinx["mathjax_path"]
    assert "://" not in mathjax_path, "MathJax must not come from a CDN"
    # Sphinx resolves a relative mathjax_path against _static/.
    served = PurePosixPath(os.path.normpath(f"_static/{mathjax_path}"))
    assert served.parts[0] != "_static", (
        "files under _static/ are added to every page as scripts")
    extra = [ROOT / path for path in sphinx["html_extra_path"]]
    script = [path / served for path in extra if (path / served).is_file()]
    assert script, f"{served} is not in any html_extra_path folder"
    fonts = script[0].parent / "output" / "chtml" / "fonts" / "woff-v2"
    assert len(list(fonts.glob("*.woff"))) >= 20, f"fonts missing in {fonts}"
    size = sum(f.stat().st_size for f in script[0].parent.rglob("*")
               if f.is_file())
    assert size < MAX_MATHJAX_BYTES, f"vendored MathJax is {size} bytes"


@pytest.mark.parametrize("page", note_pages(),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_code_cells_fit_in_79_columns(page):
    """Does every line of code in the notes fit in 79 columns?"""
    long_lines = [
        f"{page.name}:{start + offset}: {len(line)} columns"
        for start, lines in code_cells(page.read_text(encoding="utf8"))
        for offset, line in enumerate(lines)
        if len(line) > MAX_LINE
    ]
    assert not long_lines, "\n".join(long_lines)


def test_preamble_fits_in_79_columns():
    """Does the shared preamble keep to 79 columns too?"""
    lines = (ROOT / "book" / "_preamble.py").read_text().splitlines()
    long_lines = [n for n, line in enumerate(lines, 1) if len(line) > MAX_LINE]
    assert not long_lines, f"lines over {MAX_LINE} columns: {long_lines}"


@pytest.mark.parametrize("page", [p for p in note_pages()
                                  if "{code-cell}" in p.read_text()],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_notes_load_the_shared_preamble(page):
    """Does each page of notes start with the hidden preamble cell?"""
    first_cell = code_cells(page.read_text(encoding="utf8"))[0][1]
    assert ":tags: [remove-cell]" in first_cell
    assert "%run ../_preamble.py" in first_cell


def figure_cells(text: str) -> list[tuple[str, dict]]:
    """(name, mystnb metadata) of each code cell that makes a figure."""
    found = []
    for match in re.finditer(r"```\{code-cell\}[^\n]*\n---\n(.*?)\n---\n",
                             text, re.DOTALL):
        mystnb = (yaml.safe_load(match.group(1)) or {}).get("mystnb", {})
        if "figure" in mystnb:
            found.append((mystnb["figure"].get("name", "?"), mystnb))
    return found


@pytest.mark.parametrize("page", [p for p in note_pages()
                                  if "name: fig-" in p.read_text()],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_figures_carry_their_own_alt_text(page):
    """Does every figure of the notes describe itself in a sentence or
    two, written with the figure (mystnb image alt)?"""
    text = page.read_text(encoding="utf8")
    figures = figure_cells(text)
    assert len(figures) == text.count("name: fig-")
    problems = []
    for name, mystnb in figures:
        alt = " ".join(str(mystnb.get("image", {}).get("alt", "")).split())
        caption = " ".join(str(mystnb["figure"].get("caption", "")).split())
        if len(alt.split()) < 8:
            problems.append(f"{name}: alt text too short: {alt!r}")
        elif alt == caption or "$" in alt or "{" in alt:
            problems.append(f"{name}: alt text repeats the caption or "
                            "holds markup")
    assert not problems, "\n".join(problems)


# A continued line of an aligned equation: "&", \quad or \qquad, then + or
# -. MathJax spaces "&+" as a binary operator, but "&\qquad +" as a sign.
CONTINUED_LINE = re.compile(r"^\s*&\s*(?:\\q?quad\s*)+(\{\})?\s*[-+]",
                            re.M)


def markdown_sources() -> dict[str, str]:
    """The notes and the markdown cells of every instructor notebook."""
    import nbformat

    sources = {str(page.relative_to(ROOT)): page.read_text(encoding="utf8")
               for page in note_pages()}
    for path in sorted((ROOT / "solutions").glob("*/*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        sources[str(path.relative_to(ROOT))] = "\n".join(
            cell.source for cell in notebook.cells
            if cell.cell_type == "markdown")
    return sources


def test_continued_equation_lines_start_with_a_binary_operator():
    """Does every continued line of an aligned equation put {} before its
    + or -, so that MathJax spaces it as an operator, not as a sign?"""
    continued = {name: CONTINUED_LINE.findall(text)
                 for name, text in markdown_sources().items()}
    bare = [name for name, found in continued.items() if "" in found]
    assert sum(len(found) for found in continued.values()) >= 8
    assert not bare, f"bare + or - after & in: {bare}"


# --------------------------------------------------------------------------
# Slow tests: the build
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def book_build():
    """Build the book once; return (return code, build log)."""
    if not JUPYTER_BOOK.exists():
        pytest.fail(f"jupyter-book not found next to {sys.executable}")
    result = subprocess.run(BUILD_COMMAND, cwd=ROOT, capture_output=True,
                            text=True, timeout=1800)
    log = ANSI.sub("", result.stdout + result.stderr)
    (BUILD / "logs").mkdir(parents=True, exist_ok=True)
    (BUILD / "logs" / "book-build.log").write_text(log, encoding="utf8")
    return result.returncode, log


@pytest.fixture(scope="session")
def built_site(book_build):
    """The built site, only after a successful build."""
    returncode, _ = book_build
    if returncode != 0:
        pytest.fail("the book build failed (see test_book_builds and "
                    "_build/logs/book-build.log)", pytrace=False)
    return HTML


@pytest.mark.slow
def test_book_builds(book_build):
    """Does `jupyter-book build . -W -n --keep-going` succeed?"""
    returncode, log = book_build
    problems = [line for line in log.splitlines()
                if SPHINX_PROBLEM.search(line)]
    assert returncode == 0, (
        "build failed; problems reported:\n" + "\n".join(problems)
        + f"\n\nend of the log:\n{log[-2000:]}")


@pytest.mark.slow
def test_build_log_has_no_warnings(book_build):
    """Is the build log free of Sphinx warnings and errors?"""
    _, log = book_build
    problems = [line for line in log.splitlines()
                if SPHINX_PROBLEM.search(line)]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("page", ["index.html", "book/intro.html",
                                  "book/notation.html", "book/c1/week1.html",
                                  WEEK2_PAGE])
def test_pages_are_built(built_site, page):
    """Is each page of the table of contents in the site?"""
    assert (built_site / page).is_file(), f"{page} was not built"


@pytest.mark.slow
def test_no_solutions_are_published(built_site):
    """Does the site leave out the instructor notebooks and the tests?"""
    for folder in ("solutions", "tests", "autograder"):
        assert not (built_site / folder).exists()
        assert not (built_site / "_sources" / folder).exists()


@pytest.mark.slow
def test_no_heading_is_numbered_four_levels_deep(built_site):
    """Does no heading of the site carry a number such as 6.10.1.1?"""
    deep = [f"{page.relative_to(built_site)}: {number}"
            for page in sorted(built_site.rglob("*.html"))
            for number in re.findall(
                r'class="section-number">(\d+\.\d+\.\d+\.\d+\.)',
                page.read_text("utf8"))]
    assert not deep, "\n".join(deep[:20])


HASHED = re.compile(r"[0-9a-f]{16}|\.(png|jpe?g|svg|gif)\b|_images/")


@pytest.mark.slow
def test_every_image_has_meaningful_alt_text(built_site):
    """Does every <img> of the site say what it shows, rather than carry
    its file name (or nothing) as alt text?"""
    from bs4 import BeautifulSoup

    images, problems = 0, []
    for page in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf8"), "html.parser")
        for image in soup.find_all("img"):
            images += 1
            alt = " ".join(image.get("alt", "").split())
            where = f"{page.relative_to(built_site)}: {image.get('src')}"
            if len(alt.split()) < 5 or HASHED.search(alt):
                problems.append(f"{where}: alt {alt!r}")
    assert images >= 54, f"only {images} images in the site"
    assert not problems, "\n".join(problems)


class _LocalAssetCollector:
    """Collect src/href of the scripts and stylesheets in an HTML page."""

    TAGS = re.compile(r"<(script|link)\b[^>]*>", re.IGNORECASE)
    ATTR = re.compile(r"""\b(src|href)\s*=\s*["']([^"']+)["']""",
                      re.IGNORECASE)

    @classmethod
    def assets(cls, html: str) -> list[str]:
        found = []
        for tag in cls.TAGS.finditer(html):
            text = tag.group(0)
            if tag.group(1).lower() == "link" and not re.search(
                    r"""rel=["'](stylesheet|preload|modulepreload)""",
                    text):
                continue
            found += [value for _, value in cls.ATTR.findall(text)]
        return found


@pytest.mark.slow
def test_pages_load_nothing_from_the_network(built_site):
    """Do all pages load their scripts and stylesheets from the site?"""
    pages = sorted(built_site.rglob("*.html"))
    assert pages, "no HTML pages were built"
    remote = [
        f"{page.relative_to(built_site)}: {url}"
        for page in pages
        for url in _LocalAssetCollector.assets(page.read_text("utf8"))
        if url.startswith(("http:", "https:", "//"))
    ]
    assert not remote, "\n".join(remote)


@pytest.mark.slow
def test_mathjax_script_resolves_to_the_vendored_copy(built_site):
    """Does the week 2 page load tex-chtml.js from <site>/mathjax/?"""
    page = built_site / WEEK2_PAGE
    scripts = [url for url in _LocalAssetCollector.assets(page.read_text())
               if "tex-chtml" in url]
    assert len(scripts) == 1, f"MathJax scripts on the page: {scripts}"
    path = urllib.parse.urlsplit(scripts[0]).path
    target = (page.parent / path).resolve()
    assert target == (built_site / "mathjax" / "tex-chtml.js").resolve()
    assert target.is_file()
    assert not (built_site / "_static" / "mathjax").exists()


@pytest.mark.slow
def test_week2_shows_the_broadcasting_demo(built_site):
    """Does week 2 print the exact output of the food-matrix demo?"""
    text = (built_site / WEEK2_PAGE).read_text("utf8")
    for value in ("59.", "239.", "155.4", "76.9", "94.91525424",
                  "43.51464435", "63.70656371", "1.17035111"):
        assert value in text, f"{value} missing from the broadcasting demo"


# --------------------------------------------------------------------------
# Slow tests: the rendered page in a headless browser
# --------------------------------------------------------------------------


def chromium() -> str:
    """Path of Chromium; skip (or fail when required) if there is none."""
    candidates = [os.environ.get("COURSE_CHROMIUM"), "/usr/bin/chromium",
                  shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    reason = ("Chromium not found (install it with `apt-get install "
              "chromium`, or set COURSE_CHROMIUM)")
    if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; COURSE_REQUIRE_BROWSER=1 requires it")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_url(built_site):
    """Serve the built site on a free localhost port for the session."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--virtual-time-budget=15000", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True,
                          timeout=180)


@pytest.fixture(scope="session")
def week2_dom(site_url, tmp_path_factory):
    """The week 2 page's DOM after Chromium has run its scripts."""
    tmp_path = tmp_path_factory.mktemp("chromium-dom")
    result = run_chromium(tmp_path, "--dump-dom", f"{site_url}/{WEEK2_PAGE}")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "</html>" in result.stdout, "Chromium returned no DOM"
    return result.stdout


@pytest.mark.slow
def test_browser_renders_math_with_mathjax(week2_dom):
    """Has MathJax turned the week 2 math into rendered output?"""
    rendered = week2_dom.count("<mjx-container")
    assert rendered >= 50, f"only {rendered} mjx-container elements"
    assert 'display="true"' in week2_dom, "no display equation rendered"


@pytest.mark.slow
def test_browser_leaves_no_raw_tex_in_the_text(week2_dom):
    """Is there no unrendered TeX left in the visible text of week 2?"""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(week2_dom, "html.parser")
    for hidden in soup.find_all(["mjx-container", "script", "style",
                                 "noscript", "pre", "code", "template"]):
        hidden.decompose()
    text = soup.get_text(" ")
    for tex in ("\\frac", "\\mathcal", "\\begin{", "\\(", "\\[", "$$"):
        assert tex not in text, (
            f"raw TeX {tex!r} in the text: "
            f"...{text[max(0, text.find(tex) - 80):text.find(tex) + 80]}...")


@pytest.mark.slow
def test_browser_page_shows_every_figure(week2_dom, built_site):
    """Are all figures of week 2 in the page, with their PNG files?"""
    source = (ROOT / "book" / "c1" / "week2.md").read_text("utf8")
    expected = len(re.findall(r"^\s+name: fig-", source, re.MULTILINE))
    images = re.findall(r"""<img\b[^>]*\bsrc=["']([^"']+\.png)["']""",
                        week2_dom)
    generated = [src for src in images if "_images/" in src]
    assert len(generated) >= expected >= 7, (
        f"{len(generated)} generated images for {expected} figures")
    page_dir = (built_site / WEEK2_PAGE).parent
    for src in generated:
        path = urllib.parse.urlsplit(src).path
        target = (page_dir / urllib.parse.unquote(path)).resolve()
        assert target.is_file(), f"image {src} has no file"
        assert target.stat().st_size > 2000, f"image {src} looks empty"


@pytest.mark.slow
def test_browser_screenshot_is_not_blank(site_url, tmp_path):
    """Does a screenshot of week 2 show a page rather than a blank?

    The screenshot is kept in _build/screenshots/ for a person to look at.
    """
    from PIL import Image, ImageStat

    shot = BUILD / "screenshots" / "week2.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    shot.unlink(missing_ok=True)
    result = run_chromium(tmp_path, f"--screenshot={shot}",
                          "--window-size=1280,2000",
                          f"{site_url}/{WEEK2_PAGE}")
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file(), "Chromium wrote no screenshot"
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        spread = ImageStat.Stat(image.convert("L")).stddev[0]
    assert spread > 10, f"the screenshot is nearly uniform ({spread:.1f})"


# --------------------------------------------------------------------------
# Slow tests: every page, measured in Chromium over the DevTools protocol
# --------------------------------------------------------------------------

# A laptop and a phone, in CSS pixels.
WIDTHS = (1280, 390)


def toc_pages() -> list[str]:
    """Site path of every page in _toc.yml, e.g. 'book/c1/week2.html'."""
    toc = load_yaml("_toc.yml")
    return [f"{page}.html" for page in [toc["root"]]
            + toc_files(toc.get("parts"))]


def DevTools(profile: Path):
    """A headless Chromium driven over its DevTools protocol.

    ``--dump-dom`` shows a page as its scripts leave it; these tests need
    more: a given window width, MathJax finished, and the layout measured
    by JavaScript inside the page. The client is the one that prints the
    PDF (``book/_tools/make_pdf.py``).
    """
    sys.path.insert(0, str(ROOT / "book" / "_tools"))
    from make_pdf import Chromium

    return Chromium(chromium(), profile, timeout=60)


@pytest.fixture(scope="session")
def devtools(built_site, tmp_path_factory):
    """One Chromium for the session's measurements."""
    browser = DevTools(tmp_path_factory.mktemp("chromium-devtools"))
    yield browser
    browser.close()


# Every rendered display equation: its width, the width of the box MathJax
# put it in, the column around it, and whether its number overlaps it.
MEASURE_EQUATIONS = """
[...document.querySelectorAll('mjx-container[display="true"]')].map(
  (box, index) => {
    const math = box.querySelector('mjx-math').getBoundingClientRect();
    const block = box.closest('div.math') || box.parentElement;
    const column = block.parentElement.getBoundingClientRect();
    const number = block.querySelector('.eqno');
    let overlap = false;
    if (number) {
      const n = number.getBoundingClientRect();
      overlap = n.left < math.right && math.left < n.right
        && n.top < math.bottom && math.top < n.bottom;
    }
    return {index: index + 1, label: block.id || '(unnumbered)',
            math: math.width, box: box.clientWidth,
            right: box.getBoundingClientRect().right,
            column: column.width, columnRight: column.right, overlap};
  })
"""


def equation_cases() -> list:
    return [pytest.param(page, width, id=f"{page}-{width}px")
            for page in toc_pages() for width in WIDTHS]


@pytest.mark.slow
@pytest.mark.parametrize("page, width", equation_cases())
def test_display_equations_fit_their_column(devtools, site_url, page,
                                            width):
    """Is every display equation at most as wide as its column, with its
    number clear of it?"""
    devtools.open(f"{site_url}/{page}", width)
    equations = devtools.evaluate(MEASURE_EQUATIONS)
    too_wide = [
        f"equation {e['index']} {e['label']}: {e['math']:.0f} px wide in "
        f"a {e['box']} px box ({e['column']:.0f} px column)"
        for e in equations
        if e["math"] > e["box"] + 0.5
        or e["right"] > e["columnRight"] + 0.5]
    overlapping = [f"equation {e['index']} {e['label']} overlaps its "
                   "number" for e in equations if e["overlap"]]
    assert not too_wide + overlapping, "\n".join(too_wide + overlapping)


def test_equation_cases_cover_every_page_at_both_widths():
    """Is every page of the table of contents measured at each width?"""
    cases = [case.values for case in equation_cases()]
    assert len(cases) == len(toc_pages()) * len(WIDTHS) >= 40
    assert ("book/c2/week2.html", 390) in cases


# The text a reader sees, outside code, scripts and typeset math; and the
# text of every formula as MathJax reads it out (its assistive MathML).
RENDERED_TEXT = """
(() => {
  const main = document.querySelector('main') || document.body;
  const copy = main.cloneNode(true);
  copy.querySelectorAll('mjx-container, script, style, pre, code, '
                        + 'noscript, template').forEach(e => e.remove());
  return {
    text: copy.textContent,
    math: [...main.querySelectorAll('mjx-assistive-mml')].map(
      e => e.textContent),
    errors: [...main.querySelectorAll('mjx-merror')].map(
      e => e.textContent),
    typeset: main.querySelectorAll('mjx-container').length,
    source: main.querySelectorAll('.math').length,
  };
})()
"""
RAW_TEX = re.compile(r"\\[A-Za-z]+|\\[()\[\]]|\$\$")

@pytest.mark.slow
@pytest.mark.parametrize("page", toc_pages())
def test_no_raw_tex_in_the_rendered_text(devtools, site_url, page):
    """Is every formula typeset, with no TeX command or backslash left in
    the text or in the formulas as MathJax reads them out?"""
    devtools.open(f"{site_url}/{page}", 1280)
    rendered = devtools.evaluate(RENDERED_TEXT)
    assert not rendered["errors"], f"MathJax errors: {rendered['errors']}"
    assert rendered["typeset"] >= rendered["source"], "math not typeset"
    raw = [match.group(0) for match in RAW_TEX.finditer(rendered["text"])]
    assert not raw, f"raw TeX in the text: {raw}"
    backslashes = [formula for formula in rendered["math"]
                   if "\\" in formula]
    assert not backslashes, f"backslashes in typeset math: {backslashes}"


SEARCH_RESULTS = """
new Promise(resolve => {
  const started = Date.now();
  (function poll() {
    const status = document.querySelector('#search-results p.search-summary');
    if ((status && /finished/i.test(status.textContent))
        || Date.now() - started > 30000) {
      resolve({status: status ? status.textContent : '',
               snippets: [...document.querySelectorAll(
                 '#search-results p.context')].map(p => p.textContent)});
    } else {
      setTimeout(poll, 100);
    }
  })();
})
"""


@pytest.mark.slow
@pytest.mark.parametrize("query", ["Adam", "softmax", "sigmoid", "decay"])
def test_search_snippets_show_no_raw_tex(devtools, site_url, query):
    """Do the snippets of the search results read formulas as text, with
    no TeX delimiters or commands left?"""
    devtools.open(f"{site_url}/search.html?q={query}", 1280)
    results = devtools.evaluate(SEARCH_RESULTS)
    assert "finished" in results["status"], results["status"]
    assert len(results["snippets"]) >= 3, results["status"]
    raw = [snippet for snippet in results["snippets"]
           if RAW_TEX.search(snippet)]
    assert not raw, "\n\n".join(raw)


@pytest.mark.slow
def test_search_turns_formulas_into_plain_text(devtools, site_url):
    """Does the snippet helper turn a fraction with subscripts, a hat and
    a Greek letter into plain text?"""
    devtools.open(f"{site_url}/search.html", 1280)
    plain = devtools.evaluate(
        "Search.courseMath(String.raw`\\(v^{\\text{corrected}}_{dW} = "
        "\\frac{v_{dW}}{1 - \\beta_1^{\\,t}} + \\hat y\\)`)")
    assert plain == "v^corrected_dW = v_dW/(1 - β_1^ t) + ŷ"


# --------------------------------------------------------------------------
# Slow tests: every page of notes downloads as a notebook that runs on its
# own (book/_ext/notes_downloads.py), from a folder outside the repository
# with the project made unimportable
# --------------------------------------------------------------------------

NOTES_PAGES = sorted(
    page.relative_to(ROOT).with_suffix("").as_posix()
    for page in (ROOT / "book").glob("c*/week*.md")
    if "kernelspec:" in page.read_text(encoding="utf8").split("\n---", 1)[0])


def notes_zip_name(page: str) -> str:
    """'book/c2/week1' -> 'c2w1_notes'."""
    course, week = page.split("/")[-2:]
    return f"{course}w{week.removeprefix('week')}_notes"


@pytest.fixture(scope="session")
def outside_the_project(tmp_path_factory) -> dict[str, str]:
    """Environment in which ``import autograder`` fails: a folder first on
    PYTHONPATH holds an ``autograder`` package that refuses to load, in
    front of the editable install of the real one."""
    blocker = tmp_path_factory.mktemp("no-project") / "autograder"
    blocker.mkdir()
    (blocker / "__init__.py").write_text(
        'raise ImportError("the course repository is out of reach")\n')
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "JUPYTER"))}
    env.update(PYTHONPATH=str(blocker.parent), OPENBLAS_NUM_THREADS="1",
               OMP_NUM_THREADS="1", PYTHONNOUSERSITE="1")
    return env


def test_notes_pages_are_the_nine_weeks():
    """Are the pages whose downloads are run the nine weeks of notes?"""
    assert len(NOTES_PAGES) == 9
    assert NOTES_PAGES[0] == "book/c1/week1"
    assert NOTES_PAGES[-1] == "book/c3/week2"


@pytest.mark.slow
@pytest.mark.parametrize("page", NOTES_PAGES)
def test_notes_page_offers_its_notebook_in_the_download_menu(built_site,
                                                             page):
    """Does the page's download menu link a zip that the site holds?"""
    html = (built_site / f"{page}.html").read_text(encoding="utf8")
    name = notes_zip_name(page)
    link = re.search(r'href="([^"]*downloads/' + name + r'\.zip)"', html)
    assert link, f"no link to {name}.zip on {page}.html"
    target = (built_site / page).parent / link.group(1)
    assert target.resolve().is_file(), f"{link.group(1)} is missing"
    menu = html[html.index('dropdown-download-buttons'):]
    assert menu.index(f"{name}.zip") < menu.index("_sources/"), (
        "the zip is not the first entry of the download menu")


@pytest.mark.slow
def test_the_project_is_out_of_reach_outside_it(outside_the_project,
                                                tmp_path):
    """Does ``import autograder`` fail in the environment in which the
    downloads are run (so that a passing run proves something)?"""
    result = subprocess.run([sys.executable, "-c", "import autograder"],
                            cwd=tmp_path, env=outside_the_project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "out of reach" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("page", NOTES_PAGES)
def test_notes_download_runs_outside_the_repository(built_site,
                                                    outside_the_project,
                                                    tmp_path, page):
    """Does the page's zip, unpacked in a temporary folder, run from top to
    bottom without the project, and draw every figure of the page?"""
    import nbformat

    name = notes_zip_name(page)
    with zipfile.ZipFile(built_site / "downloads" / f"{name}.zip") as zipped:
        zipped.extractall(tmp_path)
    folder = tmp_path / name
    assert ROOT not in folder.resolve().parents
    result = subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
         "--output", "executed.ipynb",
         "--ExecutePreprocessor.timeout=600", f"{name}.ipynb"],
        cwd=folder, env=outside_the_project, capture_output=True,
        text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]
    executed = nbformat.read(folder / "executed.ipynb", as_version=4)
    images = sum("image/png" in output.get("data", {})
                 for cell in executed.cells if cell.cell_type == "code"
                 for output in cell.outputs)
    figures = (ROOT / f"{page}.md").read_text(encoding="utf8").count(
        "name: fig-")
    assert images >= figures >= 1, f"{images} images for {figures} figures"


# --------------------------------------------------------------------------
# Slow tests: the whole book as one PDF (book/_tools/make_pdf.py), read
# with poppler's pdfinfo, pdftotext and pdfimages (apt-get install
# poppler-utils); skipped without them unless COURSE_REQUIRE_BROWSER=1.
# --------------------------------------------------------------------------

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


def chapter_titles() -> list[str]:
    """Every chapter's heading as the book numbers it, e.g.
    '6. Optimization algorithms'; unnumbered parts keep the bare title."""
    titles, number = [], 0
    for part in load_yaml("_toc.yml")["parts"]:
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


@pytest.fixture(scope="session")
def book_pdf(built_site, tmp_path_factory) -> Path:
    """The book printed to a PDF in a temporary folder.

    It depends on the site's build so that the two Jupyter Book builds
    (HTML, then single-page HTML) never run at the same time.
    """
    chromium()
    output = tmp_path_factory.mktemp("pdf") / "book.pdf"
    result = subprocess.run(
        [sys.executable, str(MAKE_PDF), "--output", str(output),
         "--no-site-copy"], cwd=ROOT, capture_output=True, text=True,
        timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[
        -3000:]
    return output


@pytest.fixture(scope="session")
def pdf_pages(book_pdf) -> list[str]:
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
def test_pdf_opens_with_a_title_page_and_contents(pdf_pages):
    """Is page 1 the title and page 2 a table of contents that lists
    every chapter?"""
    title = yaml.safe_load((ROOT / "_config.yml").read_text())["title"]
    assert flat(title) in flat(pdf_pages[0])
    contents = flat(" ".join(pdf_pages[1:5]))
    assert flat(pdf_pages[1]).startswith("Contents")
    missing = [t for t in chapter_titles() if flat(t) not in contents]
    assert not missing, f"not in the contents: {missing}"


@pytest.mark.slow
def test_pdf_has_every_numbered_chapter(pdf_pages):
    """Does every chapter start a page, with its number, in the order of
    the table of contents (after the contents pages)?"""
    def page_starts_with(page: str, title: str) -> bool:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # A long title wraps onto a second line.
        return flat(" ".join(lines[:2])).startswith(flat(title))

    after_contents = next(index for index, page in enumerate(pdf_pages)
                          if index > 1 and not re.match(r"\s*\d+\.", page)
                          and "Getting started" not in page)
    found, start = {}, after_contents
    for title in chapter_titles():
        for index in range(start, len(pdf_pages)):
            if page_starts_with(pdf_pages[index], title):
                found[title] = start = index
                break
    missing = [t for t in chapter_titles() if t not in found]
    assert not missing, f"no page starts with (in order): {missing}"


@pytest.mark.slow
def test_pdf_has_every_exercise(pdf_pages):
    """Is every exercise notebook in the PDF, under its title?"""
    text = flat("\n".join(pdf_pages))
    missing = []
    for part in load_yaml("_toc.yml")["parts"]:
        for chapter in part["chapters"]:
            for section in chapter.get("sections", []):
                notebook = (ROOT / f"{section['file']}.ipynb").read_text()
                title = re.search(r'"# ([^"\\]+)', notebook).group(1)
                if flat(title) not in text:
                    missing.append(title)
    assert not missing


@pytest.mark.slow
def test_pdf_has_typeset_math_and_no_raw_tex(pdf_pages):
    """Are the formulas typeset, with none of the notes' TeX commands
    left as text?"""
    text = "\n".join(pdf_pages)
    raw = sorted({command for command in tex_commands()
                  if re.search(rf"\\{command}\b", text)})
    assert not raw, f"raw TeX in the PDF: {raw}"
    for leftover in ("$$", "\\(", "\\[", "\\begin{"):
        assert leftover not in text, leftover
    # The Adam update, typeset: Greek letters and the corrected moments.
    adam = [page for page in pdf_pages if "6.5. Adam" in page]
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


# --------------------------------------------------------------------------
# Slow tests: the offline course bundle (book/_tools/make_bundle.py),
# unpacked in a temporary folder and opened from the disk in a Chromium
# whose network is switched off
# --------------------------------------------------------------------------

MAKE_BUNDLE = ROOT / "book" / "_tools" / "make_bundle.py"
BUNDLE_NAME = "deep-learning-numpy-offline"
# Pages opened from the disk: the landing page, a page of notes with many
# formulas and figures, an exercise and the setup page.
BUNDLE_PAGES = ["book/intro.html", "book/c2/week2.html",
                "exercises/c2w2_optimization_methods/"
                "c2w2_optimization_methods.html", "book/setup.html"]
# What every page opened from the disk reports: formulas (source and
# typeset), MathJax errors, images that did not load, and every resource
# the page loaded that did not come from the disk.
FROM_DISK = """
(() => ({
  source: document.querySelectorAll('main .math').length,
  typeset: document.querySelectorAll('main mjx-container').length,
  errors: document.querySelectorAll('mjx-merror').length,
  broken: [...document.images].filter(i => !i.naturalWidth).map(
    i => i.getAttribute('src')),
  remote: performance.getEntriesByType('resource').map(e => e.name)
    .filter(name => !/^(file|data|blob):/.test(name)),
}))()
"""


def exercise_slugs() -> list[str]:
    return sorted(p.name for p in (ROOT / "exercises").iterdir()
                  if (p / f"{p.name}.ipynb").is_file())


@pytest.fixture(scope="session")
def offline_bundle(built_site, book_pdf, tmp_path_factory) -> Path:
    """The bundle made from the built site and the PDF, unpacked."""
    folder = tmp_path_factory.mktemp("bundle")
    archive = folder / "bundle.zip"
    result = subprocess.run(
        [sys.executable, str(MAKE_BUNDLE), "--site", str(built_site),
         "--pdf", str(book_pdf), "--output", str(archive)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    with zipfile.ZipFile(archive) as zipped:
        tops = {name.split("/")[0] for name in zipped.namelist()}
        assert tops == {BUNDLE_NAME}, tops
        zipped.extractall(folder / "unpacked")
    return folder / "unpacked" / BUNDLE_NAME


@pytest.fixture(scope="session")
def offline_browser(tmp_path_factory):
    """A Chromium with its network switched off."""
    browser = DevTools(tmp_path_factory.mktemp("chromium-offline"))
    browser.call("Network.enable")
    browser.call("Network.emulateNetworkConditions", offline=True,
                 latency=0, downloadThroughput=-1, uploadThroughput=-1)
    yield browser
    browser.close()


def test_bundle_tool_needs_the_pdf(tmp_path):
    """Does the bundle tool stop with a message that names the missing PDF
    and the command that makes it, and write no archive?"""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html></html>")
    output = tmp_path / "bundle.zip"
    result = subprocess.run(
        [sys.executable, str(MAKE_BUNDLE), "--site", str(site), "--pdf",
         str(tmp_path / "none.pdf"), "--output", str(output)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "none.pdf" in result.stderr and "make pdf" in result.stderr
    assert not output.exists()


@pytest.mark.slow
def test_bundle_holds_the_site_the_pdf_and_every_exercise_folder(
        offline_bundle, book_pdf):
    """Does the bundle hold the site, the PDF where the landing page links
    it, every page's notes download, and every exercise folder with the
    files of exercises/ (nothing missing, nothing changed)?"""
    site = offline_bundle / "site"
    assert (site / "index.html").is_file()
    assert (site / "downloads" / "book.pdf").read_bytes() == \
        book_pdf.read_bytes()
    intro = (site / "book" / "intro.html").read_text(encoding="utf8")
    assert 'href="../downloads/book.pdf"' in intro
    for page in NOTES_PAGES:
        assert (site / "downloads" / f"{notes_zip_name(page)}.zip").is_file()
    bundled = sorted(p.name for p in (offline_bundle / "exercises").iterdir())
    assert bundled == exercise_slugs() and len(bundled) == 12
    for slug in bundled:
        source = ROOT / "exercises" / slug
        copy = offline_bundle / "exercises" / slug
        names = sorted(p.name for p in source.iterdir() if p.is_file())
        assert sorted(p.name for p in copy.iterdir()) == names, slug
        changed = [name for name in names if (source / name).read_bytes()
                   != (copy / name).read_bytes()]
        assert not changed, f"{slug}: {changed}"


@pytest.mark.slow
def test_bundle_start_page_links_everything(offline_bundle):
    """Does every link of the bundle's start page lead to a file or folder
    in the bundle, and does it link the site, the PDF, the setup page and
    all twelve exercise folders?"""
    html = (offline_bundle / "index.html").read_text(encoding="utf8")
    links = re.findall(r'href="([^"]+)"', html)
    missing = [link for link in links
               if not (offline_bundle / urllib.parse.unquote(link)).exists()]
    assert not missing, missing
    assert {"site/index.html", "site/downloads/book.pdf",
            "site/book/setup.html"} <= set(links)
    assert {f"exercises/{slug}/" for slug in exercise_slugs()} <= set(links)
    assert (offline_bundle / "README.txt").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("page", BUNDLE_PAGES)
def test_bundle_pages_work_from_the_disk_offline(offline_bundle,
                                                 offline_browser, page):
    """Opened from the disk with the network off, does the page typeset
    all its formulas, show all its images and load nothing from
    elsewhere?"""
    offline_browser.open((offline_bundle / "site" / page).as_uri(), 1280)
    state = offline_browser.evaluate(FROM_DISK)
    assert state["typeset"] >= state["source"], state
    assert not state["errors"] and not state["broken"], state
    assert not state["remote"], state["remote"]


@pytest.mark.slow
@pytest.mark.parametrize("query", ["Adam", "dropout"])
def test_bundle_search_shows_snippets_from_the_disk(offline_bundle,
                                                    offline_browser,
                                                    query):
    """Does the search of the bundle, opened from the disk with the
    network off, find pages and show a snippet for them, formulas as
    text?"""
    url = (offline_bundle / "site" / "search.html").as_uri()
    offline_browser.open(f"{url}?q={query}", 1280)
    results = offline_browser.evaluate(SEARCH_RESULTS)
    assert "finished" in results["status"], results["status"]
    assert len(results["snippets"]) >= 3, results
    assert any(query.lower() in snippet.lower()
               for snippet in results["snippets"])
    raw = [snippet for snippet in results["snippets"]
           if RAW_TEX.search(snippet)]
    assert not raw, "\n\n".join(raw)


@pytest.mark.slow
def test_site_itself_loads_no_offline_search(built_site):
    """Is the snippet copy only in the bundle, so that the site on a
    server stays as Sphinx built it?"""
    search = (built_site / "search.html").read_text(encoding="utf8")
    assert "offline-search.js" not in search
    assert not (built_site / "_static" / "offline-pages.js").exists()


@pytest.mark.slow
def test_exercise_page_offers_its_folder_first_in_the_download_menu(
        built_site, slug):
    """Is the exercise folder's zip the first entry of the exercise page's
    download menu, before the notebook alone, and is it on the site?"""
    page = built_site / "exercises" / slug / f"{slug}.html"
    html = page.read_text(encoding="utf8")
    menu = html[html.index("dropdown-download-buttons"):]
    link = re.search(r'href="([^"]*downloads/' + slug + r'\.zip)"', menu)
    assert link, f"no link to {slug}.zip in the download menu"
    assert (page.parent / link.group(1)).resolve().is_file()
    # "Run in the browser" (a link into lite/) may come first: it is not
    # a download. Of the downloads, the folder comes before the notebook.
    notebook_alone = f"_sources/exercises/{slug}/{slug}.ipynb"
    assert menu.index(f"{slug}.zip") < menu.index(notebook_alone), (
        "the folder is not the first download of the menu")
