"""How far apart do BLAS kernels and SIMD paths put the course's numbers?

Runs, once per machine profile of :data:`tests.kernels.PROFILES` (plus this
machine as it is), in a child process with that profile's environment:

1. ``freeze_public_cases`` of every assignment (the visible checks' data);
2. every solution notebook, top to bottom, in a copy of its folder.

Then prints, per notebook, the largest relative difference between any
printed number and the committed output, and per graded function the
largest relative difference of its frozen expected values from this
machine's, beside the tolerance the visible check uses.

Usage::

    .venv/bin/python benchmarks/kernel_spread.py [--slug SLUG ...]
        [--out /tmp/kernel-spread] [--jobs 2]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from kernels import PROFILES  # noqa: E402

from autograder.assignment import Assignment, slugs  # noqa: E402
from autograder.compare import NUMBER  # noqa: E402
from autograder.kernel import run_notebook  # noqa: E402
from autograder.runner import freeze_public_cases  # noqa: E402

# --- In the child: compute under one profile ---------------------------------

def text_outputs(notebook):
    """The text a notebook's code cells show, one string per code cell."""
    texts = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        parts = [output.get("text", "") or
                 output.get("data", {}).get("text/plain", "")
                 for output in cell.outputs]
        texts.append("".join(parts))
    return texts


def notebook_outputs(slug):
    """Execute a copy of a solution notebook; return its text outputs."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / slug
        shutil.copytree(Assignment.named(slug).solution_folder, folder)
        notebook = nbformat.read(folder / f"{slug}.ipynb", as_version=4)
        run_notebook(notebook, folder, timeout=600)
    return text_outputs(notebook)


def compute(slug_list, out):
    """Child process: write public cases and notebook outputs to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for slug in slug_list:
        (out / f"{slug}.public.json").write_text(
            json.dumps(freeze_public_cases(Assignment.named(slug))))
        (out / f"{slug}.outputs.json").write_text(
            json.dumps(notebook_outputs(slug)))


# --- In the parent: compare ----------------------------------------------

def number_pairs(left, right):
    """Pairs of floats at the same place of two JSON trees or texts."""
    if isinstance(left, str) and isinstance(right, str):
        a, b = NUMBER.findall(left), NUMBER.findall(right)
        return list(zip(map(float, a), map(float, b))) if len(a) == len(
            b) else [(np.nan, np.nan)]
    if isinstance(left, dict) and isinstance(right, dict):
        return [pair for key in left if key in right
                for pair in number_pairs(left[key], right[key])]
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return [(np.nan, np.nan)]
        return [pair for a, b in zip(left, right)
                for pair in number_pairs(a, b)]
    if isinstance(left, (int, float)) and isinstance(right, (int, float)) \
            and not isinstance(left, bool):
        return [(float(left), float(right))]
    return []


def largest_relative_difference(pairs, floor=1e-12):
    """max |a - b| / max(|a|, |b|) over pairs (NaN: structure differs)."""
    if not pairs:
        return 0.0
    a, b = np.array(pairs).T
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), floor)
        diff = np.where(a == b, 0.0, np.abs(a - b) / scale)
    return float(np.max(diff))


def committed_outputs(slug):
    notebook = nbformat.read(Assignment.named(slug).solution_notebook, 4)
    return text_outputs(notebook)


def report(results, slug_list):
    """Print the spread tables from ``{profile: folder}``."""
    print("\nNotebook outputs: largest relative difference from the "
          "committed text, and the cells that differ at all")
    names = list(results)
    print(f"{'notebook':32s}" + "".join(f"{n:>16s}" for n in names))
    for slug in slug_list:
        committed = committed_outputs(slug)
        row, cells = [], set()
        for name in names:
            fresh = json.loads((results[name] / f"{slug}.outputs.json")
                               .read_text())
            row.append(largest_relative_difference(
                number_pairs(committed, fresh)))
            cells |= {i for i, (a, b) in enumerate(zip(committed, fresh))
                      if a != b}
        print(f"{slug:32s}" + "".join(f"{v:16.2e}" for v in row)
              + f"   cells {sorted(cells)}")
    print("\nPublic cases: largest relative difference of the frozen data "
          "from this machine's, against the check's rtol")
    base = names[0]
    for slug in slug_list:
        frozen = {name: json.loads((results[name] / f"{slug}.public.json")
                                   .read_text()) for name in names}
        for function, cases in frozen[base].items():
            spread = [largest_relative_difference(number_pairs(
                cases, frozen[name][function])) for name in names[1:]]
            rtol = max(dict(case["__dict__"])["rtol"] for case in cases)
            if max(spread, default=0) > 0:
                print(f"  {slug}.{function}: " + ", ".join(
                    f"{n} {s:.1e}" for n, s in zip(names[1:], spread))
                    + f"  (rtol {rtol:g})")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slug", nargs="*", default=None)
    parser.add_argument("--out", type=Path,
                        default=Path(tempfile.gettempdir()) / "kernel-spread")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    slug_list = args.slug or slugs()
    if args.child:
        compute(slug_list, args.out / args.child)
        return
    profiles = {"this machine": {}, **PROFILES}

    def run(item):
        name, env = item
        subprocess.run([sys.executable, __file__, "--child", name,
                        "--out", str(args.out), "--slug", *slug_list],
                       env={**os.environ, **env}, check=True)
        return name, args.out / name

    with ThreadPoolExecutor(args.jobs) as pool:
        results = dict(pool.map(run, profiles.items()))
    report(results, slug_list)


if __name__ == "__main__":
    main()
