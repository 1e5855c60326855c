"""Outputs of a graded class: feedback, exports and the class summary.

Everything a learner sees (feedback, ``results.json``) holds comparator
messages and hints only: hidden tests and reference values never appear.
Every text that comes from a submission is HTML-escaped.
"""
from __future__ import annotations

import functools
import html
import json

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem
auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .4rem .6rem;
text-align: left; vertical-align: top; }
pre { white-space: pre-wrap; margin: 0; font-size: .85rem; }
.pass { color: #1a7f37; } .fail { color: #b42318; }
"""


def write_all(course, engine, entries, ignored=()):
    """Write feedback, results.json, grades.csv, summary.json/.html, figure.

    Parameters
    ----------
    course : CourseFolder
    engine : str
        The engine's name, for the summary.
    entries : list of Entry
        Every submission found; refused ones never enter the gradebook.
    ignored : sequence of autograder.intake.Ignored
        Files of SOURCE that are not submissions; summary.json names each.
    """
    assignment = course.assignment
    for entry in entries:
        if entry.score is not None:
            write_feedback(course.feedback_file(entry.student), assignment,
                           entry)
        if not entry.refused:
            write_gradescope(course.results_file(entry.student), assignment,
                             entry)
    course.register_students(entry.student for entry in entries
                             if not entry.refused)
    course.export_csv(course.root / "grades.csv")
    summary = summarize(assignment, engine, entries)
    summary["ignored"] = [{"origin": item.origin, "reason": item.reason}
                          for item in ignored]
    (course.root / "summary.json").write_text(json.dumps(summary, indent=1))
    plot_histogram(course.root / "histogram.png", entries,
                   summary["max_score"])
    (course.root / "summary.html").write_text(summary_page(summary))
    return summary


def _page(title, body):
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
            f"{html.escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}</body></html>")


def write_feedback(path, assignment, entry):
    """The feedback page of one learner, written to ``path``."""
    slug = assignment.slug
    rows = []
    for spec in assignment.specs:
        points = entry.functions.get(spec.name, 0)
        passed = points == spec.points
        message = entry.messages.get(spec.name, "")
        rows.append(
            f"<tr><td><code>{spec.name}</code></td>"
            f"<td class='{'pass' if passed else 'fail'}'>{points:g} / "
            f"{spec.points}</td><td><pre>{html.escape(message)}</pre></td>"
            f"</tr>")
    notes = "".join(f"<p>{html.escape(text)}</p>" for text in
                    [entry.note] + [f"A cell raised {error}" for error in
                                    entry.cell_errors] if text)
    body = (f"<h1>{html.escape(slug)}: feedback for "
            f"{html.escape(entry.student)}</h1>"
            f"<p>Score: <strong>{entry.score:g} / {entry.max_score:g}"
            f"</strong></p>{notes}<table><tr><th>function</th>"
            f"<th>points</th><th>what to look at</th></tr>{''.join(rows)}"
            f"</table><p>Functions are graded on the visible checks and on "
            f"hidden cases with other inputs; the messages name the first "
            f"failing case.</p>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_page(f"{slug} feedback", body))


def write_gradescope(path, assignment, entry):
    """One learner's ``results.json`` in Gradescope's format.

    Each graded function gives two tests: ``<name>: visible checks``
    (the cases the learner's notebook shows; no points, visibility
    ``visible``) and ``<name>: hidden tests`` (the function's points and
    first failure, visibility ``after_published``: shown once the
    instructor publishes the grades). The visible test fails when the
    function's first failure is not on a hidden case.
    """
    tests = []
    for spec in assignment.specs:
        points = entry.functions.get(spec.name, 0)
        message = entry.messages.get(spec.name, "") or entry.error
        visible_passed = points == spec.points or message.startswith(
            _hidden_labels(assignment, spec.name))
        tests.append({"name": f"{spec.name}: visible checks",
                      "status": "passed" if visible_passed else "failed",
                      "output": "" if visible_passed else message,
                      "visibility": "visible"})
        tests.append({"name": f"{spec.name}: hidden tests", "score": points,
                      "max_score": spec.points, "output": message,
                      "visibility": "after_published"})
    result = {"score": entry.score or 0, "tests": tests,
              "output": entry.error or entry.note or "Graded."}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1))


@functools.cache
def _hidden_labels(assignment, name):
    """The prefixes of messages about a hidden case of ``name`` (a tuple
    for ``str.startswith``)."""
    return tuple(f"{case.label}:" for case in
                 assignment.spec(name).hidden_cases())


def summarize(assignment, engine, entries):
    """The class summary as JSON-ready data."""
    specs = assignment.specs
    graded = [entry for entry in entries if entry.score is not None]
    pass_rates = {spec.name: (sum(entry.functions.get(spec.name, 0)
                                  == spec.points for entry in graded)
                              / len(graded) if graded else None)
                  for spec in specs}
    return {
        "assignment": assignment.slug, "engine": engine,
        "max_score": assignment.max_score,
        "counts": {"found": len(entries), "graded": len(graded),
                   "errors": len(entries) - len(graded)},
        "pass_rates": pass_rates,
        "submissions": [{"student": e.student, "origin": e.origin,
                         "score": e.score, "max_score": e.max_score,
                         "error": e.error, "note": e.note,
                         "functions": e.functions} for e in entries],
    }


def plot_histogram(path, entries, max_score):
    """A histogram of the scores of the graded submissions."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    scores = [entry.score for entry in entries if entry.score is not None]
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist(scores, bins=[x - 0.5 for x in range(int(max_score) + 2)],
            color="#4477aa", edgecolor="white")
    ax.set_xlabel("score")
    ax.set_ylabel("submissions")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"{len(scores)} graded submissions, "
                 f"{len(entries) - len(scores)} with errors")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def summary_page(summary):
    """The class summary as an HTML page for the instructor."""
    rates = "".join(
        f"<tr><td><code>{name}</code></td><td>"
        f"{'-' if rate is None else f'{100 * rate:.0f} %'}</td></tr>"
        for name, rate in sorted(summary["pass_rates"].items(),
                                 key=lambda item: item[1] or 0))
    rows = "".join(_submission_row(s) for s in summary["submissions"])
    counts = summary["counts"]
    body = (f"<h1>{html.escape(summary['assignment'])}: class summary</h1>"
            f"<p>{counts['found']} submissions found, {counts['graded']} "
            f"graded, {counts['errors']} with errors (engine: "
            f"{summary['engine']}; maximum {summary['max_score']} points)."
            f"</p><img src='histogram.png' alt='score histogram'>"
            f"<h2>What the class struggles with</h2><table><tr><th>function"
            f"</th><th>passed by</th></tr>{rates}</table>"
            f"<h2>Submissions</h2><table><tr><th>student</th><th>score</th>"
            f"<th>error or note</th></tr>{rows}</table>")
    return _page(f"{summary['assignment']} summary", body)


def _submission_row(submission):
    score = submission["score"]
    shown = "" if score is None else f"{score:g}"
    remark = submission["error"] or submission["note"]
    return (f"<tr><td>{html.escape(submission['student'])}</td>"
            f"<td>{shown}</td><td>{html.escape(remark)}</td></tr>")
