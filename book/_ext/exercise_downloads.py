"""Sphinx extension: publish each exercise folder as a zip on the site.

An exercise notebook needs the files beside it (its checks and data
helper), so the site offers the whole folder: after an HTML build, every
``exercises/<slug>/`` is zipped into ``downloads/<slug>.zip`` in the
output. The download menu of each exercise page (the arrow at the top)
offers that zip first, before the theme's notebook-alone ``.ipynb``, and
each exercise notebook links to its zip in its first cell.
"""
import shutil
import tempfile
from pathlib import Path

#: Never shipped to learners, even if present in an exercise folder.
EXCLUDE = ("__pycache__", ".ipynb_checkpoints", "datasets", "*.pyc")


def exercise_slug(pagename):
    """The slug of an exercise page ``exercises/<slug>/<slug>``, or None."""
    parts = pagename.split("/")
    if len(parts) == 3 and parts[0] == "exercises" and parts[1] == parts[2]:
        return parts[1]
    return None


def zip_exercises(app, exception):
    """Write ``downloads/<slug>.zip`` for every exercise folder."""
    if exception is not None or app.builder.format != "html":
        return
    exercises = Path(app.srcdir) / "exercises"
    downloads = Path(app.outdir) / "downloads"
    downloads.mkdir(exist_ok=True)
    for folder in sorted(p for p in exercises.iterdir() if p.is_dir()):
        with tempfile.TemporaryDirectory() as tmp:
            staged = Path(tmp) / folder.name
            shutil.copytree(folder, staged,
                            ignore=shutil.ignore_patterns(*EXCLUDE))
            shutil.make_archive(str(downloads / folder.name), "zip", tmp,
                                folder.name)


def add_folder_button(app, pagename, templatename, context, doctree):
    """Offer the exercise folder's zip first in an exercise page's menu."""
    slug = exercise_slug(pagename)
    if slug is None:
        return
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"].insert(0, {
                "type": "link",
                "url": context["pathto"](f"downloads/{slug}.zip", 1),
                "text": "folder .zip",
                "tooltip": "Download the exercise folder: the notebook "
                           "with its checks and helpers",
                "icon": "fas fa-file-archive",
                "label": "download-exercise-folder-button",
            })


def setup(app):
    """Register the hooks (the button after the theme has built its menu)."""
    app.connect("html-page-context", add_folder_button, priority=600)
    app.connect("build-finished", zip_exercises)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
