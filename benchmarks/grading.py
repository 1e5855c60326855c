"""Throughput of grading: nbgrader's autograde against the fast engine.

Builds a class of N mixed submissions of a Course 1 assignment (solutions,
untouched exercises, partial solutions and every mutant, in turn), then,
in the same run:

1. ``nbgrader autograde SLUG`` (nbgrader's own command, one batch) in a
   course folder prepared by ``course grade --engine nbgrader``'s set-up;
2. ``course grade SLUG SOURCE --engine fast --jobs J``;

and prints submissions per second for each and their ratio, then where
the fast engine's time goes.

Usage::

    .venv/bin/python benchmarks/grading.py [--n 40] [--jobs 2]
        [--slug c1w2_logistic_regression]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograder.assignment import Assignment
from autograder.course_folder import CourseFolder
from autograder.fast_engine import (
    GradingContext,
    WorkerPool,
    build_job,
    grade_notebook,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the corpus lives with the tests
from tests import corpus  # noqa: E402

BIN = Path(sys.executable).parent


def build_class(slug, n):
    """N notebooks cycling through the honest corpus: name -> text."""
    honest = list(corpus.honest(Assignment.named(slug)).values())
    return {f"s{index:03d}": honest[index % len(honest)] for index in range(n)}


def time_nbgrader(slug, notebooks, workdir):
    """Seconds for one `nbgrader autograde SLUG` over the whole class."""
    course = workdir / "nbgrader-course"
    folder = CourseFolder(course, Assignment.named(slug))
    folder.prepare()
    for student, text in notebooks.items():
        folder.place(student, text.encode("utf-8"))
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    start = time.perf_counter()
    result = subprocess.run([str(BIN / "nbgrader"), "autograde", slug,
                             "--force"], cwd=course, capture_output=True,
                            text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(result.stderr[-2000:], file=sys.stderr)
        raise SystemExit("nbgrader autograde failed")
    return elapsed


def time_fast(slug, notebooks, workdir, jobs):
    """Seconds for `course grade --engine fast` over the whole class."""
    source = corpus.write_lms_folder(workdir / "download", notebooks)
    start = time.perf_counter()
    subprocess.run([str(BIN / "course"), "grade", slug, str(source),
                    "--course", str(workdir / "fast-course"), "--jobs",
                    str(jobs)], check=True, capture_output=True)
    return time.perf_counter() - start


def fast_profile(slug, notebooks):
    """Where the fast engine's time goes (one worker, in this process)."""
    phases = {}
    start = time.perf_counter()
    context = GradingContext(Assignment.named(slug))
    phases["reference results (once per class)"] = time.perf_counter() - start
    start = time.perf_counter()
    pool = WorkerPool(1)
    phases["start a sandbox worker (once)"] = time.perf_counter() - start
    build = run = 0.0
    texts = list(notebooks.values())
    for text in texts:
        t0 = time.perf_counter()
        job = build_job(context, text)
        t1 = time.perf_counter()
        pool.run(job)
        run += time.perf_counter() - t1
        build += t1 - t0
    t0 = time.perf_counter()
    for text in texts:
        grade_notebook(context, text, pool.run)
    total = time.perf_counter() - t0
    pool.close()
    per = len(texts)
    phases["build a job (per submission)"] = build / per
    phases["sandbox: fork, isolate, run cells and calls (per submission)"] = (
        run / per)
    phases["judge in the grader (per submission)"] = max(
        0.0, total / per - (build + run) / per)
    return phases


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--slug", default="c1w2_logistic_regression")
    args = parser.parse_args()
    notebooks = build_class(args.slug, args.n)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        nbgrader_seconds = time_nbgrader(args.slug, notebooks, workdir)
        fast_seconds = time_fast(args.slug, notebooks, workdir, args.jobs)
    nbgrader_rate = args.n / nbgrader_seconds
    fast_rate = args.n / fast_seconds
    print(f"class: {args.n} submissions of {args.slug}")
    print(f"{'engine':<34} {'seconds':>8} {'subs/s':>8}")
    print(f"{'nbgrader autograde':<34} {nbgrader_seconds:8.1f} "
          f"{nbgrader_rate:8.2f}")
    print(f"{f'course grade --engine fast -j{args.jobs}':<34} "
          f"{fast_seconds:8.1f} {fast_rate:8.2f}")
    print(f"ratio (fast / nbgrader throughput): "
          f"{fast_rate / nbgrader_rate:.1f}x")
    print("\nwhere the fast engine's time goes:")
    for phase, seconds in fast_profile(args.slug, notebooks).items():
        print(f"  {phase:<62} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
