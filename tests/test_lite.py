"""Tests of the exercises' JupyterLite site ("Run in the browser").

The site is built once per test session with the local Pyodide runtime
(``book/_tools/build_lite.py``), served on localhost and opened in a
headless Chromium that can reach nothing but localhost. Two exercises are
solved there with the solution notebooks' code, and one wrong function
must show its failed check with the hint.

Chromium is ``/usr/bin/chromium`` or ``COURSE_CHROMIUM``; without it the
browser tests are skipped, unless ``COURSE_REQUIRE_BROWSER=1`` (as in
CI). If the site cannot be built (its runtime files are fetched from npm
and PyPI on the first build, then cached in ``.cache/lite``), the tests
that need it are skipped with the reason.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from autograder.assignment import Assignment, slugs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_tools"))

import build_lite  # noqa: E402
from lite_browser import (  # noqa: E402
    LiteBrowser,
    cell_text,
    is_error,
    serve,
)

BROWSER_SLUGS = ("c1w2_logistic_regression", "c2w2_optimization_methods")
PASSED = "visible checks passed."
#: Where the test leaves its figures (time to the first check result).
TIMINGS = ROOT / "_build" / "lite-timings.json"


def chromium() -> str:
    """Path of Chromium; skip (or fail when required) if there is none."""
    for candidate in (os.environ.get("COURSE_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    reason = ("Chromium not found (install it with `apt-get install "
              "chromium`, or set COURSE_CHROMIUM)")
    if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; COURSE_REQUIRE_BROWSER=1 requires it")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def lite_site(tmp_path_factory):
    """A freshly built site (local runtime): the folder holding ``lite/``."""
    root = tmp_path_factory.mktemp("lite-site")
    try:
        build_lite.build("local", root / "lite")
    except build_lite.LiteBuildError as error:
        pytest.skip(f"the JupyterLite site could not be built (its "
                    f"runtime is fetched from npm and PyPI once, then "
                    f"cached in .cache/lite): {error}")
    return root


def is_check(cell: dict) -> bool:
    """Is this code cell a visible check (nbgrader id ``test_...``)?"""
    return (cell["id"] or "").startswith("test_")


def solution_sources(slug: str) -> dict[str, str]:
    """grade_id -> source of every graded cell of the solution notebook."""
    notebook = json.loads(Assignment.named(slug).solution_notebook
                          .read_text(encoding="utf-8"))
    return {cell["metadata"]["nbgrader"]["grade_id"]: "".join(cell["source"])
            for cell in notebook["cells"]
            if cell["metadata"].get("nbgrader", {}).get("solution")}


# --- The build (no browser) ---------------------------------------------


def test_every_exercise_folder_is_in_the_site(lite_site):
    """Does the site hold every exercise folder, file for file (JSON
    files as the same data, in strict JSON)?"""
    files = lite_site / "lite" / "files"
    for slug in slugs():
        folder = Assignment.named(slug).exercise_folder
        for source in folder.iterdir():
            copy = files / slug / source.name
            if source.suffix == ".json":
                data = json.loads(source.read_text(encoding="utf-8"))
                assert json.loads(copy.read_text(encoding="utf-8")) == \
                    build_lite.without_nonfinite(data)
            elif source.is_file() and source.suffix != ".pyc":
                assert copy.read_bytes() == source.read_bytes()


def test_json_contents_parse_in_the_browser(lite_site):
    """Does every JSON file of the site parse as strict JSON (no
    Infinity or NaN, which JupyterLite's JSON.parse rejects)?"""
    def refuse(token):
        raise ValueError(f"non-standard JSON number {token}")
    checked = 0
    for path in (lite_site / "lite" / "files").rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)
        checked += 1
    assert checked > len(slugs())


def test_every_data_file_a_helper_names_is_shipped(lite_site):
    """Does each folder carry, in datasets/, the data its helpers load?"""
    registry = json.loads((ROOT / "datasets" / "registry.json").read_text())
    shipped = 0
    for slug in slugs():
        folder = Assignment.named(slug).exercise_folder
        for name in build_lite.data_files(folder, registry):
            copy = lite_site / "lite" / "files" / slug / "datasets" / name
            assert copy.read_bytes() == (ROOT / "datasets" / name
                                         ).read_bytes()
            shipped += 1
    assert shipped >= len(registry["files"])


def test_runtime_wheels_match_the_official_lock(lite_site):
    """Is every served wheel the one the lock names, byte for byte?"""
    pyodide = lite_site / "lite" / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    assert lock["info"]["version"] == build_lite.PYODIDE_VERSION
    served = [entry for entry in lock["packages"].values()
              if (pyodide / entry["file_name"]).is_file()]
    assert {"numpy", "matplotlib", "pyfive"} <= {e["name"] for e in served}
    for entry in served:
        data = (pyodide / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]


def test_a_tampered_wheel_stops_the_build(tmp_path):
    """Does a wheel whose sha256 differs from the lock fail the build?"""
    cache = tmp_path / "cache"
    shutil.copytree(build_lite.CACHE, cache,
                    ignore=shutil.ignore_patterns("site-*", "*.db"))
    name, version, _ = build_lite.WHEELS_PACKAGE
    [wheels] = cache.glob(f"{name.replace('-', '_')}-{version}-*.whl")
    import zipfile
    tampered = tmp_path / wheels.name
    with zipfile.ZipFile(wheels) as old, \
            zipfile.ZipFile(tampered, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename.endswith("numpy-2.0.2-cp312-cp312-"
                                      "pyodide_2024_0_wasm32.whl"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            new.writestr(item, data)
    shutil.move(tampered, wheels)
    pinned = hashlib.sha256(wheels.read_bytes()).hexdigest()
    with pytest.raises(build_lite.LiteBuildError, match="sha256|pinned"):
        build_lite.assemble_pyodide(tmp_path / "pyodide", cache)
    assert pinned != build_lite.WHEELS_PACKAGE[2]


def test_cdn_runtime_points_the_kernel_at_the_cdn():
    """Does the cdn setting load Pyodide from the CDN, not the site?"""
    settings = build_lite.lite_config("cdn")["jupyter-config-data"][
        "litePluginSettings"][build_lite.KERNEL_PLUGIN]
    assert settings["pyodideUrl"].startswith("https://")
    assert build_lite.PYODIDE_VERSION in settings["pyodideUrl"]


def test_unknown_runtime_is_named_in_the_error(tmp_path):
    """Does an unknown runtime name give an error listing the choices?"""
    with pytest.raises(build_lite.LiteBuildError, match="local, cdn"):
        build_lite.build("offline", tmp_path / "lite", tmp_path)


def test_a_term_serves_only_its_published_exercises(tmp_path):
    """Does a site published through c1w2 leave later folders out?"""
    shown = build_lite.publication("c1w2")
    staged = build_lite.stage_contents(tmp_path / "contents", shown.slugs)
    assert staged == sorted(shown.slugs) == ["c1w2_logistic_regression",
                                             "c1w2_numpy_basics"]
    assert sorted(p.name for p in (tmp_path / "contents").iterdir()) \
        == staged
    notes = build_lite.stage_notes(tmp_path / "notes", shown.pages)
    assert notes == ["c1w1_notes/c1w1_notes.ipynb",
                     "c1w2_notes/c1w2_notes.ipynb"]
    with pytest.raises(build_lite.LiteBuildError, match="unknown cut-off"):
        build_lite.publication("c9w9")


def test_every_page_of_notes_is_staged_as_its_download(tmp_path):
    """Is each page of notes in the site as the folder its download zip
    holds (the notebook, the preamble, the course modules it imports)?"""
    import zipfile

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from notes_downloads import download_name, notes_pages, write_download

    written = build_lite.stage_notes(tmp_path / "notes")
    docnames = notes_pages(ROOT)
    assert len(written) == len(docnames) == 9
    for docname, name in zip(docnames, written):
        folder = (tmp_path / "notes" / name).parent
        assert folder.name == download_name(docname)
        archive = write_download(docname, ROOT, tmp_path)
        with zipfile.ZipFile(archive) as zipped:
            assert sorted(zipped.namelist()) == sorted(
                f"{folder.name}/{p.name}" for p in folder.iterdir())
    assert (tmp_path / "notes" / "c3w1_notes" / "strategy_utils.py").is_file()


def test_exercise_pages_get_the_run_in_browser_link(tmp_path):
    """Does a real Sphinx build put the Lite link on an exercise page and
    a week page of the notes, and on no other page?"""
    source = tmp_path / "src"
    (source / "exercises" / "demo").mkdir(parents=True)
    (source / "exercises" / "demo" / "demo.rst").write_text("Demo\n====\n")
    (source / "book" / "c2").mkdir(parents=True)
    (source / "book" / "c2" / "week3.rst").write_text("Week\n====\n")
    (source / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   exercises/demo/demo\n"
        "   book/c2/week3\n")
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / 'book' / '_ext')!r})"
        "\nextensions = ['run_in_browser']\n")
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html",
                    str(source), str(tmp_path / "out")], check=True)
    page = (tmp_path / "out" / "exercises" / "demo" / "demo.html").read_text()
    assert ('href="../../lite/notebooks/index.html?path=demo/demo.ipynb"'
            in page)
    assert "Run in the browser" in page
    notes = (tmp_path / "out" / "book" / "c2" / "week3.html").read_text()
    assert ('href="../../lite/notebooks/index.html?path=notes/c2w3_notes/'
            'c2w3_notes.ipynb"' in notes)
    home = (tmp_path / "out" / "index.html").read_text()
    assert "Run in the browser" not in home


# --- In the browser -------------------------------------------------------


@pytest.fixture(scope="session")
def served_site(lite_site):
    with serve(lite_site) as url:
        yield url


@pytest.fixture
def browser(tmp_path):
    """A headless Chromium with no network but localhost."""
    instance = LiteBrowser(chromium(), tmp_path / "profile", timeout=300)
    yield instance
    instance.close()


def record_timing(slug: str, seconds: float) -> None:
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    timings = (json.loads(TIMINGS.read_text()) if TIMINGS.is_file()
               else {})
    timings[slug] = round(seconds, 1)
    TIMINGS.write_text(json.dumps(timings, indent=2))


@pytest.mark.slow
@pytest.mark.parametrize("slug", BROWSER_SLUGS)
def test_solved_exercise_passes_every_check_offline(slug, served_site,
                                                    browser):
    """With the solutions filled in, does every visible check pass,
    with no request leaving localhost?"""
    start = browser.open_notebook(served_site, f"{slug}/{slug}.ipynb",
                                  timeout=900)
    sources = solution_sources(slug)
    assert sorted(browser.fill(sources)) == sorted(sources)
    cells, first = browser.run_all(
        timeout=1800, first=lambda cell: PASSED in cell_text(cell),
        awaited=is_check)
    errors = [(c["id"], cell_text(c)[-1500:]) for c in cells if is_error(c)]
    assert not errors
    checks = [c for c in cells if is_check(c)]
    assert checks and all(PASSED in cell_text(c) for c in checks)
    assert browser.external_requests() == []
    record_timing(slug, first - start)


@pytest.mark.slow
def test_wrong_function_shows_the_failure_and_its_hint(served_site,
                                                       browser):
    """Does a propagate without 1/m fail its check, with the hint?"""
    slug = "c1w2_logistic_regression"
    hint = Assignment.named(slug).mutant("propagate", "dw without 1/m").hint
    sources = solution_sources(slug)
    sources["propagate"] = (
        "def propagate(w, b, X, Y):\n"
        "    m = X.shape[1]\n"
        "    A = sigmoid(w.T @ X + b)\n"
        "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
        "    return {'dw': X @ (A - Y).T, 'db': np.sum(A - Y) / m}, "
        "np.squeeze(cost)\n")
    browser.open_notebook(served_site, f"{slug}/{slug}.ipynb", timeout=900)
    browser.fill(sources)
    cells, _ = browser.run_all(timeout=1800, awaited=is_check)
    by_id = {c["id"]: c for c in cells if c["id"]}
    failed = by_id["test_propagate"]
    assert is_error(failed)
    assert "propagate, check 1" in cell_text(failed)
    assert f"Hint: {hint}" in cell_text(failed)
    assert PASSED in cell_text(by_id["test_sigmoid"])
    shot = os.environ.get("COURSE_LITE_SCREENSHOT")
    if shot:
        browser.scroll_to("test_propagate")
        browser.screenshot(Path(shot))


@pytest.mark.slow
@pytest.mark.parametrize("page", ["c1w2_notes", "c3w1_notes"])
def test_notes_code_runs_in_the_browser_offline(page, served_site, browser):
    """Does a page's notebook of notes run to the end in the browser, its
    course modules beside it, with no request leaving localhost?"""
    browser.open_notebook(served_site, f"notes/{page}/{page}.ipynb",
                          timeout=900)
    cells, _ = browser.run_all(timeout=1800)
    errors = [cell_text(c)[-1500:] for c in cells if is_error(c)]
    assert not errors
    assert cells and all(c["count"] is not None for c in cells)
    assert sum(bool(c["outputs"]) for c in cells) >= 3
    assert browser.external_requests() == []
