"""Sphinx extension: a "Run in the browser" link on every exercise page
and every week page of the notes.

The link opens, in the site's JupyterLite build (``<site>/lite/``, written
by ``book/_tools/build_lite.py``, which ``make book`` runs after the HTML
build), the exercise folder's notebook or the notebook of the page's code
(``notes/c1w2_notes/c1w2_notes.ipynb``, the notebook of its download). It
appears twice: as a button at the top of the page's text and in the page's
download menu.
"""
import re
import urllib.parse

EXERCISE_PAGE = re.compile(r"^exercises/(?P<slug>[^/]+)/(?P=slug)$")
NOTES_PAGE = re.compile(r"^book/(?P<course>c\d)/(?P<week>week\d)$")

EXERCISE_TEXT = ("No install: the notebook, its checks and data open in "
                 "JupyterLite; your work stays in this browser. Use File "
                 "&#8250; Download to keep the notebook you submit.")
NOTES_TEXT = ("This page's code as a notebook in JupyterLite, in your "
              "browser: run it, change the numbers, try your own.")


def lite_url(pathto, notebook):
    """The page-relative URL that opens ``notebook`` (a path in the Lite
    site's files, e.g. ``c1w2_numpy_basics/c1w2_numpy_basics.ipynb``)."""
    path = urllib.parse.quote(notebook)
    return pathto("lite/notebooks/index.html", 1) + f"?path={path}"


def notebook_of(pagename):
    """The Lite notebook of a page and the text beside its button, or
    None for a page that has none."""
    exercise = EXERCISE_PAGE.match(pagename)
    if exercise:
        slug = exercise["slug"]
        return f"{slug}/{slug}.ipynb", EXERCISE_TEXT
    notes = NOTES_PAGE.match(pagename)
    if notes:
        name = f"{notes['course']}w{notes['week'].removeprefix('week')}_notes"
        return f"notes/{name}/{name}.ipynb", NOTES_TEXT
    return None


def button_html(url, text=EXERCISE_TEXT):
    """The button shown at the top of the page."""
    return (f'<p class="run-in-browser"><a class="btn btn-primary" '
            f'href="{url}" target="_blank" rel="noopener">'
            f'&#9654; Run in the browser</a> <span>{text}</span></p>')


def add_run_button(app, pagename, templatename, context, doctree):
    """Put the link into the body and the download menu of the page."""
    found = notebook_of(pagename)
    if not found or "body" not in context:
        return
    notebook, text = found
    url = lite_url(context["pathto"], notebook)
    body = context["body"]
    heading_end = body.find("</h1>")
    cut = heading_end + len("</h1>") if heading_end >= 0 else 0
    context["body"] = body[:cut] + button_html(url, text) + body[cut:]
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"].insert(0, {
                "type": "link", "url": url, "text": "Run in the browser",
                "tooltip": "Open this page's notebook in JupyterLite",
                "icon": "fas fa-play", "label": "run-in-browser-button"})


def setup(app):
    """Register the hook (after the theme has built its buttons)."""
    app.connect("html-page-context", add_run_button, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
