"""Sphinx extension: publish each exercise folder as a zip on the site.

An exercise notebook needs the files beside it (its checks and data
helper), so the site offers the whole folder: after an HTML build, every
``exercises/<slug>/`` is zipped into ``downloads/<slug>.zip`` in the
output. Each exercise notebook links to its zip.
"""
import shutil
import tempfile
from pathlib import Path

#: Never shipped to learners, even if present in an exercise folder.
EXCLUDE = ("__pycache__", ".ipynb_checkpoints", "datasets", "*.pyc")


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


def setup(app):
    """Register the build-finished hook."""
    app.connect("build-finished", zip_exercises)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
