"""The browser runtime: its numbers, its start-up time and its size.

For every assignment, the graded functions of the solution notebook are
run on the public cases (the visible checks' frozen inputs) twice: in
Pyodide, inside the JupyterLite site in headless Chromium with no
network, and on this desktop. For each, the script prints the largest
difference from the frozen expected values as a share of the check's
tolerance (``|got - expected| / (atol + rtol * |expected|)``: a check
passes while this stays at most 1), and the largest difference between
the two runtimes. It also prints the time from opening a notebook to an
idle kernel, and the size of the site.

Usage::

    .venv/bin/python benchmarks/bench_lite.py [--slug SLUG ...]
        [--site _build/html]   # a built site holding lite/
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "book" / "_tools"))
from lite_browser import LiteBrowser, serve  # noqa: E402
from make_pdf import chromium_path  # noqa: E402

from autograder.assignment import Assignment, slugs  # noqa: E402

#: Runs in the exercise folder (desktop or browser): defines the graded
#: functions, runs every public case, prints one JSON line.
MEASURE = r'''
import json, os, sys
import numpy as np
os.chdir(FOLDER)
sys.path.insert(0, FOLDER)
from course_checks import call_capturing, load_cases
namespace = {"np": np}
for source in CELLS:
    exec(source, namespace)


def leaves(value):
    if isinstance(value, dict):
        for key in sorted(value):
            yield from leaves(value[key])
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from leaves(item)
    elif isinstance(value, (int, float, np.number, np.ndarray)) and \
            not isinstance(value, bool):
        yield np.asarray(value, dtype=float)


report = {}
for name, cases in load_cases("public_cases.json").items():
    outputs = []
    worst = 0.0
    for case in cases:
        np.random.seed(0)
        got = call_capturing(namespace[name], case["args"],
                             case["kwargs"])[0]
        want = case["expected"]
        if len(case["outputs"]) == 1:
            got, want = (got,), (want,)
        got_leaves = [g.ravel().tolist() for g in leaves(got)]
        outputs.append(got_leaves)
        for g, w in zip(leaves(got), leaves(want)):
            if g.shape != w.shape:
                worst = float("inf")
                continue
            bound = case["atol"] + case["rtol"] * np.abs(w)
            if g.size:
                worst = max(worst, float(np.max(np.abs(g - w) / bound)))
    report[name] = {"share_of_tolerance": worst, "outputs": outputs}
print("MEASURED " + json.dumps(report))
'''

RUN_IN_KERNEL = """
(async (code) => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session.kernel;
  const future = kernel.requestExecute({code});
  let out = '';
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'stream') out += msg.content.text;
    if (msg.header.msg_type === 'error')
      out += 'ERROR ' + msg.content.ename + ': ' + msg.content.evalue;
  };
  await future.done;
  return out;
})(%s)
"""


def solution_cells(slug: str) -> list[str]:
    """The solution notebook's import cells and graded cells, in order."""
    notebook = json.loads(Assignment.named(slug).solution_notebook
                          .read_text(encoding="utf-8"))
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        code = [line for line in source.splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
        graded = cell["metadata"].get("nbgrader", {}).get("solution")
        imports = bool(code) and code[0].startswith(("import ", "from "))
        if graded or imports:
            cells.append("\n".join(line for line in source.splitlines()
                                   if not line.lstrip().startswith("%")))
    return cells


def program(folder: str, slug: str) -> str:
    return (f"FOLDER = {folder!r}\nCELLS = {solution_cells(slug)!r}\n"
            + MEASURE)


def parse(output: str) -> dict:
    for line in output.splitlines():
        if line.startswith("MEASURED "):
            return json.loads(line[len("MEASURED "):])
    raise RuntimeError(f"no measurement: {output[-2000:]}")


def desktop(slug: str) -> dict:
    """Measure in a copy of the exercise folder on this machine."""
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            [sys.executable, "-c",
             program(str(Assignment.named(slug).exercise_folder), slug)],
            capture_output=True, text=True, cwd=tmp)
    return parse(result.stdout + result.stderr)


def largest_gap(a: dict, b: dict) -> float:
    """Largest |a - b| / max(1, |b|) over every output number."""
    gap = 0.0
    for name in a:
        for case_a, case_b in zip(a[name]["outputs"], b[name]["outputs"]):
            for leaf_a, leaf_b in zip(case_a, case_b):
                for x, y in zip(leaf_a, leaf_b):
                    gap = max(gap, abs(x - y) / max(1.0, abs(y)))
    return gap


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slug", action="append")
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args(argv)
    chosen = args.slug or list(slugs())
    size = subprocess.run(["du", "-sb", str(args.site / "lite")],
                          capture_output=True, text=True).stdout.split()[0]
    print(f"site size: {int(size) / 1e6:.1f} MB ({args.site / 'lite'})")
    with serve(args.site) as url, tempfile.TemporaryDirectory() as tmp:
        browser = LiteBrowser(chromium_path(), Path(tmp), timeout=1800)
        try:
            start = browser.open_notebook(
                url, "c1w2_numpy_basics/c1w2_numpy_basics.ipynb",
                timeout=1800)
            print(f"open to idle kernel: {time.monotonic() - start:.1f} s")
            print(f"{'assignment':30} {'function':36} {'pyodide':>8} "
                  f"{'desktop':>8} {'gap':>9}")
            for slug in chosen:
                code = program(f"/drive/{slug}", slug)
                began = time.monotonic()
                try:
                    lite = parse(browser.evaluate(
                        RUN_IN_KERNEL % json.dumps(code)))
                    local = desktop(slug)
                except RuntimeError as error:
                    print(f"{slug:30} not measured: {error}", flush=True)
                    continue
                took = time.monotonic() - began
                for name in lite:
                    print(f"{slug:30} {name:36} "
                          f"{lite[name]['share_of_tolerance']:8.2g} "
                          f"{local[name]['share_of_tolerance']:8.2g} "
                          f"{largest_gap({name: lite[name]}, local):9.2g}")
                print(f"{slug:30} (all public cases: {took:.1f} s in "
                      "Pyodide)", flush=True)
            print(f"external requests: {len(browser.external_requests())}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
