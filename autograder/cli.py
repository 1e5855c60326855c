"""The ``course`` command.

Subcommands
-----------
course release [SLUG ...] [--check] [--no-execute]
    Regenerate ``exercises/`` from ``solutions/`` with nbgrader, or check
    that it is up to date and leaks nothing.
course datasets [--force]
    Generate any missing data set and verify every file's checksums.
course grade SLUG SOURCE [--engine fast|nbgrader] [--jobs N]
             [--scheduler ADDRESS] [--course DIR] [--report FILE]
             [--time-limit SECONDS] [--roster CSV] [--due DATETIME]
             [--extensions CSV] [--late-policy POLICY] [--similarity]
    Grade every submission in SOURCE (an nbgrader submitted/ tree, or a
    Canvas, Moodle or Blackboard download, or a zip or folder of
    <student>_<anything>.ipynb files): scores into the gradebook,
    feedback, grades.csv, Gradescope results and a summary. Exit status
    0 when every submission got a score and none has a problem to look
    at, 1 when some ended in an error or were flagged,
    2 for a usage error, an unreadable SOURCE or roster, or a missing
    or corrupt data file.
course gradescope SLUG [-o OUT.zip]
    Build the assignment's Gradescope autograder zip (setup.sh,
    run_autograder and the files grading needs; default
    grading/SLUG-gradescope.zip).
course publish --through CUTOFF [--out DIR]
    Build the site as a term publishes it up to a week (c2w1) or an
    assignment (c1w4_deep_nn_step_by_step): later pages and exercise
    folders are left out (default DIR: _build/html).
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
import warnings
from pathlib import Path


class _UsageError(Exception):
    """A command-line mistake; ``main`` prints it and exits with 2."""


def _assignments(slugs):
    """The named assignments, or all of them when ``slugs`` is empty."""
    from autograder.assignment import (
        Assignment,
        UnknownAssignment,
        assignments,
    )

    try:
        return ([Assignment.named(slug) for slug in slugs] if slugs
                else assignments())
    except UnknownAssignment as error:
        raise _UsageError(str(error)) from None


def _release(args):
    from autograder import release

    chosen = _assignments(args.slugs)
    if args.check:
        problems = [problem for assignment in chosen
                    for problem in release.release_problems(assignment)]
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            names = ", ".join(assignment.slug for assignment in chosen)
            print(f"exercises/ is up to date and leaks nothing "
                  f"(checked: {names}).")
        return 1 if problems else 0
    for assignment in chosen:
        print(f"releasing {assignment.slug} ...", flush=True)
        release.release(assignment, run=not args.no_execute)
        print(f"  wrote exercises/{assignment.slug}/")
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


def _grade(args):
    import json

    from autograder.data import DatasetError
    from autograder.grade import grade_class, progress_printer
    from autograder.intake import IntakeError

    [assignment] = _assignments([args.slug])
    course = args.course or f"grading/{args.slug}"
    late = _late_rules(args)
    try:
        entries = grade_class(assignment, args.source, course, args.engine,
                              args.jobs, args.scheduler, progress_printer(),
                              args.time_limit, args.roster, late,
                              args.similarity)
    except (IntakeError, DatasetError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    width = max([len(entry.student) for entry in entries] + [7])
    for entry in entries:
        score = ("error" if entry.score is None
                 else f"{entry.score:g}/{entry.max_score:g}")
        remarks = [entry.error, entry.note] + [
            str(problem) for problem in entry.problems] + [
            entry.lateness.describe() if entry.lateness else ""]
        print(f"{entry.student:<{width}}  {score:>7}  "
              f"{'; '.join(text for text in remarks if text)}")
    summary = json.loads((Path(course) / "summary.json").read_text())
    for item in summary["ignored"]:
        print(f"ignored: {item['origin']}: {item['reason']}")
    if args.report:
        Path(args.report).write_text(json.dumps(summary, indent=1))
    counts = summary["counts"]
    if args.similarity:
        found = summary["similarity"]
        print(f"similarity evidence: {len(found['alike_code'])} pair(s) "
              f"with alike code, {len(found['same_wrong_outputs'])} "
              f"group(s) with the same wrong outputs: "
              f"{course}/similarity.html (evidence, not a verdict)")
    print(f"\n{counts['found']} submissions: {counts['graded']} graded, "
          f"{counts['errors']} errors; {len(summary['ignored'])} other "
          f"file(s) ignored. Summary: {course}/summary.html; "
          f"grades: {course}/grades.csv; feedback: {course}/results/")
    return 1 if counts["errors"] or counts["with_problems"] else 0


def _late_rules(args):
    """The due date, extensions and policy of ``course grade``, or None."""
    from autograder.late import (
        LateRules,
        LateWorkError,
        load_extensions,
        parse_policy,
        parse_time,
    )

    if args.due is None:
        if args.extensions or args.late_policy != "none":
            raise _UsageError("--extensions and --late-policy need --due "
                              "DATETIME (the assignment's due date)")
        return None
    try:
        due = parse_time(args.due)
        return LateRules(due, parse_policy(args.late_policy),
                         load_extensions(args.extensions, due)
                         if args.extensions else {})
    except LateWorkError as error:
        raise _UsageError(str(error)) from None


def _gradescope(args):
    from autograder.gradescope import build_zip

    [assignment] = _assignments([args.slug])
    out = Path(args.out or f"grading/{args.slug}-gradescope.zip")
    try:
        names = build_zip(assignment, out)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({len(names)} files): upload it as the "
          f"assignment's autograder on Gradescope (base image Ubuntu 22.04)")
    return 0


def _publish(args):
    from autograder import ROOT, publish

    out = Path(args.out) if args.out else ROOT / "_build" / "html"
    try:
        chosen = publish.published(args.through)
    except publish.CutoffError as error:
        raise _UsageError(str(error)) from None
    print(f"publishing through {args.through}: "
          f"{', '.join(chosen.slugs) or 'no exercises'} ...", flush=True)
    result = publish.build(args.through, out)
    if result.returncode:
        print(result.stdout[-5000:] + result.stderr[-5000:], file=sys.stderr)
        print("error: the book build failed (warnings are errors)",
              file=sys.stderr)
        return 1
    print(f"The course site through {args.through} is built. Open: "
          f"file://{out.resolve()}/index.html")
    return 0


def _mutants(args):
    from autograder.runner import mutant_report

    print(f"{'assignment':<26} {'function':<24} {'killed':>9} "
          f"{'accepted':>9}")
    complete = True
    for assignment in _assignments(args.slugs):
        for name, total, killed, alternatives, accepted in mutant_report(
                assignment):
            complete &= killed == total and accepted == alternatives
            print(f"{assignment.slug:<26} {name:<24} "
                  f"{f'{killed}/{total}':>9} "
                  f"{f'{accepted}/{alternatives}':>9}")
    return 0 if complete else 1


def _check(args):
    from autograder.learner_check import main

    return main([args.notebook])


GRADE_EPILOG = """\
SOURCE may be:
  an nbgrader tree        <student>/<slug>/<slug>.ipynb (+ timestamp.txt)
  a Canvas download       smithcarol_123456_7890123_hw.ipynb
                          smithcarol_LATE_123456_7890123_hw.ipynb
  a Moodle download       Carol Smith_98765_assignsubmission_file_hw.ipynb,
                          or one folder per student:
                          Carol Smith_98765_assignsubmission_file_/hw.ipynb
  a Blackboard download   HW 1_csmith_attempt_2024-09-25-14-42-23_h.ipynb
                          (its .txt receipts are listed as ignored)
  plain names             <student>.ipynb or <student>_<anything>.ipynb
Without --roster the student id is derived from the name: smithcarol,
carol_smith_98765, csmith, <student>. Files that are not submissions
are listed as ignored, with the reason.

exit status:
  0  every submission got a score
  1  some submissions ended in an error (refused, unreadable, timed
     out, ...) or have a problem to look at (a syntax error, a forbidden
     import, another assignment's notebook, ...: see summary.html); all
     are graded and every output is written
  2  usage error, unknown assignment, unreadable SOURCE or roster,
     missing or corrupt data file (`course datasets` fixes it)
"""


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

    grade = commands.add_parser(
        "grade", help="grade a class of submissions",
        description="Grade every submission in SOURCE; write the "
                    "gradebook, feedback, grades.csv,\nGradescope results "
                    "and a class summary.",
        epilog=GRADE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    grade.add_argument("slug", metavar="SLUG", help="the assignment")
    grade.add_argument("source", metavar="SOURCE",
                       help="nbgrader submitted/ tree, or an LMS download "
                            "(zip or folder; see below)")
    grade.add_argument("--engine", choices=("fast", "nbgrader"),
                       default="fast",
                       help="fast: isolated workers, no kernel (default); "
                            "nbgrader: nbgrader's autograde")
    grade.add_argument("--jobs", type=int, default=2,
                       help="parallel workers of the fast engine (default 2)")
    grade.add_argument("--scheduler", metavar="ADDRESS",
                       help="run the fast engine on this Dask scheduler")
    grade.add_argument("--course", metavar="DIR",
                       help="course folder for the gradebook and outputs "
                            "(default grading/SLUG)")
    grade.add_argument("--time-limit", type=int, default=120,
                       metavar="SECONDS",
                       help="fast engine: wall-clock limit per notebook "
                            "(default 120)")
    grade.add_argument("--report", metavar="FILE",
                       help="also write the class summary JSON here")
    grade.add_argument("--roster", metavar="CSV",
                       help="map LMS names or ids to student ids "
                            "(columns student_id,lms_name,lms_id); "
                            "submissions it does not know are refused")
    grade.add_argument("--due", metavar="DATETIME",
                       help="the due date, e.g. 2026-10-01T23:59 (local "
                            "time) or 2026-10-01T21:59Z; later "
                            "submissions are late")
    grade.add_argument("--extensions", metavar="CSV",
                       help="per-student extensions (columns student_id "
                            "and due or extra_hours)")
    grade.add_argument("--late-policy", default="none", metavar="POLICY",
                       help="none (default), zero, per-hour:P, per-day:P "
                            "(P points or P%% of the maximum), "
                            "zero-after:H; comma-separated, e.g. "
                            "per-day:10%%,zero-after:72h")
    grade.add_argument("--similarity", action="store_true",
                       help="also write similarity.html: pairs of "
                            "submissions with alike graded code or the "
                            "same wrong outputs (evidence to review, "
                            "not a verdict)")
    grade.set_defaults(run=_grade)

    gradescope = commands.add_parser(
        "gradescope", help="build the Gradescope autograder zip of SLUG")
    gradescope.add_argument("slug", metavar="SLUG", help="the assignment")
    gradescope.add_argument("-o", "--out", metavar="OUT.zip",
                            help="where to write the zip (default "
                                 "grading/SLUG-gradescope.zip)")
    gradescope.set_defaults(run=_gradescope)

    publish = commands.add_parser(
        "publish", help="build the site up to a week of the term")
    publish.add_argument("--through", required=True, metavar="CUTOFF",
                         help="the last week (c2w1) or assignment "
                              "(c1w4_deep_nn_step_by_step) to publish")
    publish.add_argument("--out", metavar="DIR",
                         help="where to write the site (default "
                              "_build/html, replaced)")
    publish.set_defaults(run=_publish)

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
    _quiet_library_notices()
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except _UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _quiet_library_notices():
    """Silence notices that no user of the command can act on.

    nbgrader 0.9's gradebook adds a submission through a relationship that
    SQLAlchemy 2 flushes later, and SQLAlchemy says so (``SAWarning``,
    three notices per grading run); the rows are written all the same,
    as the gradebook tests check.
    """
    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning,
                            module=r"nbgrader\.")


if __name__ == "__main__":
    sys.exit(main())
