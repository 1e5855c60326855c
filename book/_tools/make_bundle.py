"""The offline course bundle: one zip with the site, the PDF and every
exercise folder, for learners without a connection.

    .venv/bin/python book/_tools/make_bundle.py      (after `make pdf`)

It reads the built site (``_build/html``) and the PDF
(``_build/pdf/book.pdf``) and writes
``_build/bundle/deep-learning-numpy-offline.zip``, which holds one folder:

    deep-learning-numpy-offline/
        index.html      start here: the book, the PDF and the exercises
        README.txt      the same in plain text
        site/           the course site; open site/index.html
        exercises/      one folder per assignment, as the site's zips hold
                        them (notebook, checks, helpers)

The PDF is ``site/downloads/book.pdf``, where the site's landing page
links it. The site works opened from the disk (``file://``): MathJax, the
figures and the theme are all in it. Only the search snippets need help,
because Sphinx reads each found page with ``fetch()``, which a page opened
from the disk may not do; so the bundle's ``search.html`` also loads the
main part of every page (``_static/offline-pages.js``) and a small script
that answers those reads from it (``book/_tools/offline-search.js``).
Nothing is fetched from the network, and the site in ``_build/html`` is
left as it is.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import zipfile
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(__file__).resolve().parent
SITE = ROOT / "_build" / "html"
PDF = ROOT / "_build" / "pdf" / "book.pdf"
NAME = "deep-learning-numpy-offline"
OUTPUT = ROOT / "_build" / "bundle" / f"{NAME}.zip"

#: Elements of a page that carry no text for a search snippet.
NO_TEXT = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)


class BundleError(Exception):
    """Something the bundle needs is missing or not what it should be."""


def search_docnames(site: Path) -> list[str]:
    """The pages Sphinx's search can find (the index's docnames)."""
    text = (site / "searchindex.js").read_text(encoding="utf8")
    start, end = text.index("("), text.rindex(")")
    return json.loads(text[start + 1:end])["docnames"]


def main_part(html: str, page: str) -> str:
    """The page's element with role="main" (what Sphinx makes snippets
    from), without scripts and styles."""
    start = html.find("<main")
    end = html.rfind("</main>")
    if start < 0 or end < start or 'role="main"' not in html[start:end]:
        raise BundleError(f"{page}: no <main role=\"main\"> element")
    return NO_TEXT.sub("", html[start:end + len("</main>")])


def add_offline_search(site: Path) -> int:
    """Make the search snippets work from the disk; return the number of
    pages whose text the bundle carries."""
    pages = {}
    for docname in search_docnames(site):
        page = f"{docname}.html"
        path = site / page
        if not path.is_file():
            raise BundleError(f"the search index names a missing {page}")
        pages[page] = main_part(path.read_text(encoding="utf8"), page)
    data = json.dumps(pages, ensure_ascii=False, separators=(",", ":"))
    static = site / "_static"
    (static / "offline-pages.js").write_text(
        "// The main part of every page, for search snippets offline.\n"
        f"window.COURSE_OFFLINE_PAGES = {data};\n", encoding="utf8")
    shutil.copy2(TOOLS / "offline-search.js", static / "offline-search.js")
    search = site / "search.html"
    html = search.read_text(encoding="utf8")
    if html.count("</head>") != 1:
        raise BundleError("search.html has no single </head>")
    scripts = ('<script src="_static/offline-pages.js"></script>\n'
               '<script src="_static/offline-search.js"></script>\n')
    search.write_text(html.replace("</head>", scripts + "</head>"),
                      encoding="utf8")
    return len(pages)


def exercise_title(folder: Path) -> str:
    """The first heading of an exercise notebook."""
    notebook = json.loads((folder / f"{folder.name}.ipynb").read_text(
        encoding="utf8"))
    for cell in notebook["cells"]:
        found = re.search(r"^# (.+)$", "".join(cell["source"]), re.M)
        if cell["cell_type"] == "markdown" and found:
            return found.group(1).strip()
    return folder.name


def unpack_exercises(site: Path, folder: Path) -> list[Path]:
    """Unzip the site's zip of every folder of exercises/, in the order of
    the table of contents; a missing zip is an error."""
    found = {p.name for p in (ROOT / "exercises").iterdir()
             if p.is_dir() and (p / f"{p.name}.ipynb").is_file()}
    toc = (ROOT / "_toc.yml").read_text(encoding="utf8")
    in_toc = re.findall(r"file: exercises/(\w+)/\1\b", toc)
    expected = [slug for slug in in_toc if slug in found]
    expected += sorted(found - set(in_toc))
    folder.mkdir(parents=True)
    for slug in expected:
        archive = site / "downloads" / f"{slug}.zip"
        if not archive.is_file():
            raise BundleError(f"the site offers no downloads/{slug}.zip "
                              "(build the book first: make book)")
        with zipfile.ZipFile(archive) as zipped:
            names = zipped.namelist()
            if not all(name.startswith(f"{slug}/") for name in names):
                raise BundleError(f"{archive.name} holds more than "
                                  f"the folder {slug}/")
            zipped.extractall(folder)
    return [folder / slug for slug in expected]


def start_page(exercises: list[Path]) -> str:
    """index.html of the bundle: what is in it, as links."""
    items = "\n".join(
        f'  <li><a href="exercises/{p.name}/">{escape(exercise_title(p))}'
        f"</a> (<code>exercises/{p.name}/</code>)</li>" for p in exercises)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deep Learning from Scratch with NumPy: offline copy</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5;
       max-width: 42em; margin: 2em auto; padding: 0 1em; }}
code {{ font-size: 0.95em; }}
</style>
</head>
<body>
<h1>Deep Learning from Scratch with NumPy</h1>
<p>The whole course on your disk: it needs no network connection.</p>
<ul>
  <li><a href="site/index.html"><strong>The book</strong></a>: the
  course site, with its notes, exercises and search.</li>
  <li><a href="site/downloads/book.pdf"><strong>The book as one
  PDF</strong></a>, for reading or printing.</li>
  <li><strong>The exercises</strong>, one folder each (the notebook, its
  checks and its helpers), in the order of the course:
<ol>
{items}
</ol>
  </li>
</ul>
<p>To solve an exercise you need Python 3.11 and five packages; the
book's page <a href="site/book/setup.html">Getting set up</a> says which,
how to open a folder in JupyterLab and how to hand in your work. To rerun
the code of a page of notes, take the <code>.zip</code> in that page's
download menu.</p>
</body>
</html>
"""


def readme(exercises: list[Path]) -> str:
    """README.txt of the bundle."""
    lines = [
        "Deep Learning from Scratch with NumPy: offline copy",
        "",
        "Open index.html in a web browser. It links:",
        "",
        "  site/index.html          the course book (notes, exercises,"
        " search)",
        "  site/downloads/book.pdf  the whole book as one PDF",
        "  exercises/               one folder per exercise:",
        ""]
    lines += [f"    {p.name}/" for p in exercises]
    lines += [
        "",
        "To solve an exercise you need Python 3.11 and five packages: see",
        "site/book/setup.html (Getting set up). Nothing here needs a",
        "network connection.",
        ""]
    return "\n".join(lines)


def make_bundle(site: Path, pdf: Path, output: Path) -> Path:
    """Write the bundle's zip; return its path."""
    if not (site / "index.html").is_file():
        raise BundleError(f"no site in {site} (run make book)")
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        raise BundleError(f"no PDF at {pdf} (run make pdf)")
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp) / NAME
        shutil.copytree(site, top / "site",
                        ignore=shutil.ignore_patterns(".buildinfo"))
        (top / "site" / "downloads").mkdir(exist_ok=True)
        shutil.copy2(pdf, top / "site" / "downloads" / "book.pdf")
        count = add_offline_search(top / "site")
        exercises = unpack_exercises(site, top / "exercises")
        (top / "index.html").write_text(start_page(exercises),
                                        encoding="utf8")
        (top / "README.txt").write_text(readme(exercises), encoding="utf8")
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_suffix(".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(top.rglob("*")):
                zipped.write(path, path.relative_to(tmp).as_posix())
        partial.replace(output)
    print(f"{output}: the site ({count} pages searchable offline), the "
          f"PDF and {len(exercises)} exercise folders, "
          f"{output.stat().st_size / 2 ** 20:.1f} MB")
    return output


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=SITE,
                        help="the built site (default: %(default)s)")
    parser.add_argument("--pdf", type=Path, default=PDF,
                        help="the book's PDF (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help="the zip to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        make_bundle(args.site, args.pdf, args.output)
    except BundleError as error:
        print(f"make_bundle: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
