"""The whole course book as one PDF, made offline with the system Chromium.

    .venv/bin/python book/_tools/make_pdf.py

1. Jupyter Book builds the book as a single HTML page
   (``--builder singlehtml``, into ``_build/singlehtml``), reusing the
   execution cache of the site, with warnings as errors.
2. That page is served on localhost and opened in a headless Chromium
   driven over its DevTools protocol (no playwright, no browser download).
   Once MathJax has typeset every formula and every figure has loaded, a
   print stylesheet and a table of contents are added to the page.
3. Chromium prints it to ``_build/pdf/book.pdf`` (A4, page numbers in the
   footer, a bookmark outline of the chapters), and a copy goes to
   ``_build/html/downloads/book.pdf`` when the site is built, where the
   landing page links to it.

Chromium is ``/usr/bin/chromium`` (``apt-get install chromium``) or the
path in ``COURSE_CHROMIUM``. Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import base64
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SINGLE = ROOT / "_build" / "singlehtml"
OUTPUT = ROOT / "_build" / "pdf" / "book.pdf"
SITE_COPY = ROOT / "_build" / "html" / "downloads" / "book.pdf"

# A4 in inches, and the margins (the footer with the page number sits in
# the bottom margin).
PAPER = {"paperWidth": 8.27, "paperHeight": 11.69, "marginTop": 0.6,
         "marginBottom": 0.7, "marginLeft": 0.6, "marginRight": 0.6}

FOOTER = ('<div style="width: 100%; font-size: 8px; color: #555; '
          'text-align: center;"><span class="pageNumber"></span></div>')

# Print layout of the single page: no theme chrome, each chapter and each
# exercise on new pages, figures and equations kept whole, links in the
# text shown as text.
PRINT_CSS = """
@page { size: A4; }
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer,
.bd-header-article, .header-article-items, .prev-next-area,
.bd-footer-content, .bd-footer-article, .theme-switch-button,
.search-button, .headerlink, .copybtn, #jb-print-toc, .skip-link,
#jb-print-docs-body,
.pst-async-banner-revealer, .bd-header-announcement
  { display: none !important; }
html, body { background: white !important; }
.bd-main .bd-content .bd-article-container { max-width: none !important; }
.bd-main .bd-content .bd-article { padding: 0 !important; }
.bd-main .bd-content { margin-left: 0 !important; }
.bd-container, .bd-container__inner, .bd-page-width
  { max-width: none !important; width: 100% !important; }
.bd-main .bd-content .bd-article h1:first-of-type { display: none; }
span[id^="document-"] + section { break-before: page; }
span[id^="document-"] + section > h2 { font-size: 2em; }
span[id^="document-exercises/"] + section > h3 { font-size: 1.7em; }
figure, div.math, table, .cell_output, pre { break-inside: avoid; }
details.above-input, details.below-input { display: none !important; }
h1, h2, h3, h4 { break-after: avoid; }
img { max-width: 100% !important; height: auto; }
a { color: inherit !important; text-decoration: none !important; }
#course-pdf-title { text-align: center; padding-top: 35%; }
#course-pdf-title .title { font-size: 2.6em; font-weight: 600; }
#course-pdf-toc { break-before: page; break-after: page; }
#course-pdf-toc ol { list-style: none; padding-left: 0; }
#course-pdf-toc ol ol { padding-left: 1.6em; }
#course-pdf-toc li { margin: 0.1em 0; }
#course-pdf-toc .part { font-weight: 600; margin-top: 0.9em; }
"""

# Title page and table of contents, built from the documents of _toc.yml
# as the single page holds them (an empty span "document-<file>" before
# each document's section): every part's caption, every chapter with its
# sections and its exercises, each a link to its heading (Chromium keeps
# links and makes the PDF outline from the headings).
PREPARE = """
(async (css, title, parts) => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  const headingText = h => [...h.childNodes]
    .filter(n => !(n.classList && n.classList.contains('headerlink')))
    .map(n => n.textContent).join('').trim();
  const section = file => {
    const marker = document.getElementById('document-' + file);
    return marker ? marker.nextElementSibling : null;
  };
  const entry = (sec, cls) => {
    const li = document.createElement('li');
    if (cls) li.className = cls;
    const a = document.createElement('a');
    a.href = '#' + sec.id;
    a.textContent = headingText(sec.querySelector('h1, h2, h3, h4'));
    li.appendChild(a);
    return li;
  };
  const list = document.createElement('ol');
  const chapters = [], missing = [];
  for (const part of parts) {
    const caption = document.createElement('li');
    caption.className = 'part';
    caption.textContent = part.caption;
    list.appendChild(caption);
    for (const chapter of part.chapters) {
      const sec = section(chapter.file);
      if (!sec) { missing.push(chapter.file); continue; }
      const li = entry(sec);
      chapters.push(li.firstChild.textContent);
      const sub = document.createElement('ol');
      sec.querySelectorAll(':scope > section').forEach(
        s => sub.appendChild(entry(s)));
      for (const file of chapter.sections) {
        const ex = section(file);
        if (ex) sub.appendChild(entry(ex)); else missing.push(file);
      }
      if (sub.children.length) li.appendChild(sub);
      list.appendChild(li);
    }
  }
  const toc = document.createElement('nav');
  toc.id = 'course-pdf-toc';
  toc.innerHTML = '<h2>Contents</h2>';
  toc.appendChild(list);
  const cover = document.createElement('div');
  cover.id = 'course-pdf-title';
  cover.innerHTML = '<p class="title"></p>'
    + '<p>Notes and exercises of the three courses, in one file</p>';
  cover.firstChild.textContent = title;
  const article = document.querySelector('article.bd-article')
    || document.querySelector('main');
  article.prepend(toc);
  article.prepend(cover);
  return {chapters, missing,
          formulas: document.querySelectorAll('mjx-container').length,
          unrendered: document.querySelectorAll('mjx-merror').length,
          images: document.images.length};
})
"""


class Chromium:
    """A headless Chromium and one page of it, over the DevTools protocol."""

    def __init__(self, executable: str, profile: Path, timeout=600,
                 extra_args=()):
        import websocket

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-quic", "--no-first-run",
             "--disable-background-networking",
             "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}",
             "--remote-debugging-port=0", *extra_args, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.is_file() and "\n" in port_file.read_text()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.process.kill()
                raise RuntimeError("Chromium opened no DevTools port")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/json/list") as answer:
            page = next(t for t in json.load(answer) if t["type"] == "page")
        self.socket = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=timeout,
            suppress_origin=True)
        self.last_id = 0
        self.call("Page.enable")

    def call(self, method: str, **params) -> dict:
        self.last_id += 1
        self.socket.send(json.dumps({"id": self.last_id, "method": method,
                                     "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.last_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression: str):
        """The value of a JavaScript expression (promises are awaited)."""
        result = self.call("Runtime.evaluate", expression=expression,
                           awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(json.dumps(result["exceptionDetails"])[:2000])
        return result["result"].get("value")

    def open(self, url: str, width: int = 1000, height: int = 1400) -> None:
        """Load a page at a window width; wait for images and MathJax."""
        self.call("Emulation.setDeviceMetricsOverride", width=width,
                  height=height, deviceScaleFactor=1, mobile=width < 600)
        self.call("Page.navigate", url=url)
        while json.loads(self.socket.recv()).get(
                "method") != "Page.loadEventFired":
            pass
        self.evaluate(
            "Promise.all([...document.images].map(i => {"
            " i.loading = 'eager'; return i.complete ? 1 :"
            " new Promise(r => { i.onload = i.onerror = r; }); }))"
            ".then(() => window.MathJax && MathJax.startup"
            " ? MathJax.startup.promise : null)")

    def close(self) -> None:
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def chromium_path() -> str:
    for candidate in (os.environ.get("COURSE_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    sys.exit("Chromium not found: `apt-get install chromium`, or set "
             "COURSE_CHROMIUM to its path")


def build_single_page() -> None:
    """Build the book as one HTML page, with warnings as errors."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", str(ROOT), "--builder",
               "singlehtml", "-W", "-n", "--keep-going"]
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        sys.exit("the single-page build failed")


def toc_parts() -> list[dict]:
    """The parts of _toc.yml: caption, chapters and their sections."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    return [{"caption": part["caption"],
             "chapters": [{"file": chapter["file"],
                           "sections": [section["file"] for section
                                        in chapter.get("sections", [])]}
                          for chapter in part["chapters"]]}
            for part in toc["parts"]]


def make_pdf(output: Path = OUTPUT) -> dict:
    """Print the single page to ``output``; return what was printed."""
    page = SINGLE / "book" / "intro.html"
    if not page.is_file():
        sys.exit(f"{page} is missing: build the single page first")
    # Sphinx writes the single page where the root document lives
    # (book/intro.html) but with links relative to the output folder, so
    # it is opened from there.
    shutil.copyfile(page, SINGLE / "book.html")
    handler = functools.partial(_QuietHandler, directory=str(SINGLE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    import yaml

    title = yaml.safe_load(
        (ROOT / "_config.yml").read_text(encoding="utf8"))["title"]
    with tempfile.TemporaryDirectory() as profile:
        browser = Chromium(chromium_path(), Path(profile))
        try:
            browser.open(f"http://127.0.0.1:{server.server_address[1]}"
                         "/book.html")
            printed = browser.evaluate(
                f"{PREPARE}({json.dumps(PRINT_CSS)}, {json.dumps(title)},"
                f" {json.dumps(toc_parts())})")
            if printed["unrendered"] or printed["missing"]:
                sys.exit(f"{printed['unrendered']} formulas failed to "
                         f"typeset; documents missing: {printed['missing']}")
            pdf = browser.call(
                "Page.printToPDF", printBackground=True,
                displayHeaderFooter=True, headerTemplate="<div></div>",
                footerTemplate=FOOTER, generateDocumentOutline=True,
                generateTaggedPDF=True, **PAPER)
        finally:
            browser.close()
            server.shutdown()
            server.server_close()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(base64.b64decode(pdf["data"]))
    return printed


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-build", action="store_true",
                        help="use the single page already in "
                             "_build/singlehtml")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--no-site-copy", action="store_true",
                        help="do not copy the PDF into _build/html")
    args = parser.parse_args(argv)
    if not args.no_build:
        build_single_page()
    printed = make_pdf(args.output)
    print(f"{args.output}: {len(printed['chapters'])} chapters, "
          f"{printed['formulas']} formulas, "
          f"{args.output.stat().st_size / 1e6:.1f} MB")
    if not args.no_site_copy and SITE_COPY.parent.parent.is_dir():
        SITE_COPY.parent.mkdir(exist_ok=True)
        shutil.copyfile(args.output, SITE_COPY)
        print(f"copied to {SITE_COPY.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
