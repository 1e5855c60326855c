"""The ``course`` command.

Subcommands
-----------
course release [SLUG ...] [--check] [--no-execute]
    Regenerate ``exercises/`` from ``solutions/`` with nbgrader, or check
    that it is up to date and leaks nothing.
course datasets [--force]
    Generate any missing data set and verify every file's checksums.
course mutants [SLUG ...]
    Print, per graded function, how many mutants the hidden tests kill and
    how many correct alternatives they accept.
course check NOTEBOOK
    Run a learner's notebook and print which graded functions pass their
    visible checks.
"""
from __future__ import annotations

import argparse
import sys


def _release(args):
    from autograder import release

    slugs = args.slugs or release.slugs()
    unknown = sorted(set(slugs) - set(release.slugs()))
    if unknown:
        print(f"error: unknown assignment(s) {unknown}; known: "
              f"{', '.join(release.slugs())}", file=sys.stderr)
        return 2
    if args.check:
        problems = [problem for slug in slugs
                    for problem in release.check(slug)]
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            print(f"exercises/ is up to date and leaks nothing "
                  f"(checked: {', '.join(slugs)}).")
        return 1 if problems else 0
    for slug in slugs:
        print(f"releasing {slug} ...", flush=True)
        release.release(slug, run=not args.no_execute)
        print(f"  wrote exercises/{slug}/")
    return 0


def _datasets(args):
    from autograder import data

    try:
        for line in data.ensure_all(force=args.force):
            print(line)
    except data.DatasetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _mutants(args):
    from autograder import release
    from autograder.runner import mutant_report

    print(f"{'assignment':<26} {'function':<24} {'killed':>9} "
          f"{'accepted':>9}")
    complete = True
    for slug in args.slugs or release.slugs():
        for name, total, killed, alternatives, accepted in mutant_report(
                slug):
            complete &= killed == total and accepted == alternatives
            print(f"{slug:<26} {name:<24} {f'{killed}/{total}':>9} "
                  f"{f'{accepted}/{alternatives}':>9}")
    return 0 if complete else 1


def _check(args):
    from autograder.learner_check import NotebookError, format_table, run_checks

    try:
        results = run_checks(args.notebook)
    except NotebookError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_table(results))
    return 0 if all(status == "passed" for status, _ in results.values()) else 1


def parser():
    """The argument parser of the ``course`` command."""
    main_parser = argparse.ArgumentParser(
        prog="course", description="Tools of the NumPy deep-learning course.")
    commands = main_parser.add_subparsers(dest="command", required=True)

    release = commands.add_parser(
        "release", help="generate exercises/ from solutions/ with nbgrader")
    release.add_argument("slugs", nargs="*", metavar="SLUG",
                         help="assignments to release (default: all)")
    release.add_argument("--check", action="store_true",
                         help="fail if exercises/ is stale or leaks "
                              "solutions, hidden tests or reference code")
    release.add_argument("--no-execute", action="store_true",
                         help="do not re-run the solution notebooks")
    release.set_defaults(run=_release)

    datasets = commands.add_parser(
        "datasets", help="generate missing data sets and verify them all")
    datasets.add_argument("--force", action="store_true",
                          help="regenerate every file, even valid ones")
    datasets.set_defaults(run=_datasets)

    mutants = commands.add_parser(
        "mutants", help="show how many mutants the hidden tests kill")
    mutants.add_argument("slugs", nargs="*", metavar="SLUG",
                         help="assignments (default: all)")
    mutants.set_defaults(run=_mutants)

    check = commands.add_parser(
        "check", help="run a notebook's visible checks and print a table")
    check.add_argument("notebook", help="path to the exercise notebook")
    check.set_defaults(run=_check)
    return main_parser


def main(argv=None):
    """Entry point of the ``course`` command."""
    args = parser().parse_args(argv)
    return args.run(args)



if __name__ == "__main__":
    sys.exit(main())
