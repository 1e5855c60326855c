"""How learners' mistakes fare: caught visibly, at grading, with a hint.

Runs every entry of the learner-mistake corpus (``tests/learner_mistakes``,
one module per assignment) through the visible checks frozen in the
exercise folder and the hidden tests, and prints per assignment and
overall the share caught by the visible checks, the share caught at
grading (hidden tests) and the share of caught mistakes whose first
message (visible if any, else hidden) has a hint naming the mistake;
then the entries that escape grading and those caught without a fitting
hint.

Usage::

    .venv/bin/python benchmarks/learner_mistakes.py [--slug SLUG]
        [--out benchmarks/results/learner_mistakes.txt]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the corpus lives with the tests
from autograder.assignment import Assignment, slugs  # noqa: E402
from tests import learner_mistakes  # noqa: E402


def measure(slug):
    """``(entry, outcome)`` for every corpus entry of one assignment."""
    assignment = Assignment.named(slug)
    return [(entry, learner_mistakes.outcome(assignment, entry))
            for entry in learner_mistakes.mistakes(assignment)]


def _share(part, whole):
    return f"{part:>4}/{whole:<4} {100 * part / max(whole, 1):5.1f} %"


def _row(name, rows):
    total = len(rows)
    visible = sum(result.visible is not None for _, result in rows)
    hidden = sum(bool(result.hidden) for _, result in rows)
    caught = [(entry, result) for entry, result in rows if result.caught]
    hinted = sum(result.hinted(entry) for entry, result in caught)
    return (f"{name:<28} {total:>5}  {_share(visible, total)}  "
            f"{_share(hidden, total)}  {_share(hinted, len(caught))}")


def report(results):
    """The table and the lists, as lines of text."""
    lines = [f"{'assignment':<28} {'cases':>5}  {'caught visibly':<17}  "
             f"{'caught at grading':<17}  {'hinted (of caught)':<17}"]
    everything = []
    for slug, rows in results.items():
        lines.append(_row(slug, rows))
        everything.extend((slug, entry, result) for entry, result in rows)
    lines.append(_row("all", [row[1:] for row in everything]))
    lines.append("\nescaping grading (full marks):")
    lines += [f"  {slug} {entry.function}: {entry.mistake}"
              + (f" [pending: {entry.pending}]" if entry.pending else "")
              for slug, entry, result in everything if not result.hidden]
    lines.append("\nescaping the visible checks, caught at grading:")
    lines += [f"  {slug} {entry.function}: {entry.mistake}"
              for slug, entry, result in everything
              if result.visible is None and result.hidden]
    lines.append("\ncaught without a hint that names the mistake:")
    lines += [f"  {slug} {entry.function}: {entry.mistake}"
              for slug, entry, result in everything
              if result.caught and not result.hinted(entry)]
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slug", action="append",
                        help="only this assignment (repeatable)")
    parser.add_argument("--out", type=Path, help="also write the report here")
    args = parser.parse_args()
    results = {slug: measure(slug) for slug in (args.slug or slugs())}
    text = "\n".join(report(results)) + "\n"
    print(text, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
