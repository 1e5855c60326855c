"""Sphinx extension: a "Run in the browser" link on every exercise page.

The link opens the exercise folder's notebook in the site's JupyterLite
build (``<site>/lite/``, written by ``book/_tools/build_lite.py``, which
``make book`` runs after the HTML build). It appears twice: as a button at
the top of the page's text and in the page's download menu.
"""
import re
import urllib.parse

EXERCISE_PAGE = re.compile(r"^exercises/(?P<slug>[^/]+)/(?P=slug)$")


def lite_url(pathto, slug):
    """The page-relative URL that opens ``<slug>/<slug>.ipynb`` in Lite."""
    path = urllib.parse.quote(f"{slug}/{slug}.ipynb")
    return pathto("lite/notebooks/index.html", 1) + f"?path={path}"


def button_html(url):
    """The button shown at the top of an exercise page."""
    return (f'<p class="run-in-browser"><a class="btn btn-primary" '
            f'href="{url}" target="_blank" rel="noopener">'
            '&#9654; Run in the browser</a> '
            '<span>No install: the notebook, its checks and data open in '
            'JupyterLite; your work stays in this browser. Use File &#8250; '
            'Download to keep the notebook you submit.</span></p>')


def add_run_button(app, pagename, templatename, context, doctree):
    """Put the link into the body and the download menu of the page."""
    match = EXERCISE_PAGE.match(pagename)
    if not match or "body" not in context:
        return
    url = lite_url(context["pathto"], match["slug"])
    body = context["body"]
    heading_end = body.find("</h1>")
    cut = heading_end + len("</h1>") if heading_end >= 0 else 0
    context["body"] = body[:cut] + button_html(url) + body[cut:]
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"].insert(0, {
                "type": "link", "url": url, "text": "Run in the browser",
                "tooltip": "Open this exercise in JupyterLite",
                "icon": "fas fa-play", "label": "run-in-browser-button"})


def setup(app):
    """Register the hook (after the theme has built its buttons)."""
    app.connect("html-page-context", add_run_button, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
