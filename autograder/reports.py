"""Outputs of a graded class: feedback, exports and the class summary.

Everything a learner sees (feedback, ``results.json``) holds comparator
messages and hints only: hidden tests and reference values never appear.
Every text that comes from a submission is HTML-escaped.
"""
from __future__ import annotations

import collections
import functools
import html
import json
import statistics

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem
auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .4rem .6rem;
text-align: left; vertical-align: top; }
pre { white-space: pre-wrap; margin: 0; font-size: .85rem; }
.pass { color: #1a7f37; } .fail { color: #b42318; }
.students th, .students td { font-size: .8rem; padding: .2rem .3rem; }
.students th code { writing-mode: vertical-rl; }
.problems td:nth-child(2) { color: #b42318; white-space: nowrap; }
ul { margin: 0; padding-left: 1.2rem; }
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
                    [entry.note, _late_sentence(entry)]
                    + [f"A cell raised {error}" for error in
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


def _late_sentence(entry):
    """'' when on time or no due date; else what lateness cost."""
    if not entry.lateness or not entry.lateness.describe():
        return ""
    sentence = entry.lateness.describe()
    if entry.lateness.penalty:
        sentence += (f" (score before the penalty: "
                     f"{entry.raw_score:g})")
    return sentence[0].upper() + sentence[1:] + "."


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
    output = " ".join(text for text in (entry.error, entry.note,
                                        _late_sentence(entry)) if text)
    result = {"score": entry.score or 0, "tests": tests,
              "output": output or "Graded."}
    if entry.lateness:
        result["extra_data"] = {"late": entry.lateness.as_dict()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1))


#: How many of the most common mistakes the summary lists per function.
COMMON_MISTAKES = 3


@functools.cache
def _hidden_labels(assignment, name):
    """The prefixes of messages about a hidden case of ``name`` (a tuple
    for ``str.startswith``)."""
    return tuple(f"{case.label}:" for case in
                 assignment.spec(name).hidden_cases())


def summarize(assignment, engine, entries):
    """The class summary as JSON-ready data.

    Besides counts and pass rates it holds the mean and median score, the
    most common mistakes of each function (from the comparators' hints,
    else the failure's first line) and, per submission, its points per
    function and its notebook-level problems
    (:class:`autograder.diagnose.Problem` as dicts).
    """
    specs = assignment.specs
    graded = [entry for entry in entries if entry.score is not None]
    scores = [entry.score for entry in graded]
    pass_rates = {spec.name: (sum(entry.functions.get(spec.name, 0)
                                  == spec.points for entry in graded)
                              / len(graded) if graded else None)
                  for spec in specs}
    return {
        "assignment": assignment.slug, "engine": engine,
        "max_score": assignment.max_score,
        "counts": {"found": len(entries), "graded": len(graded),
                   "errors": len(entries) - len(graded),
                   "with_problems": sum(bool(e.problems) for e in entries),
                   "late": sum(bool(e.lateness and e.lateness.seconds_late)
                               for e in entries)},
        "mean": statistics.fmean(scores) if scores else None,
        "median": statistics.median(scores) if scores else None,
        "function_points": {spec.name: spec.points for spec in specs},
        "pass_rates": pass_rates,
        "common_mistakes": {spec.name: common_mistakes(graded, spec.name)
                            for spec in specs},
        "submissions": [_submission_summary(e) for e in entries],
    }


def _submission_summary(entry):
    return {"student": entry.student, "origin": entry.origin,
            "score": entry.score, "raw_score": entry.raw_score,
            "max_score": entry.max_score, "error": entry.error,
            "note": entry.note, "functions": entry.functions,
            "late": entry.lateness.as_dict() if entry.lateness else None,
            "late_note": entry.lateness.describe() if entry.lateness else "",
            "problems": [problem.as_dict() for problem in entry.problems]}


def mistake_of(message):
    """What one failure message says went wrong, for counting.

    Its hints when it has any (``Hint: ...`` lines), else its first line
    without the case label (``hidden case 3: ``).
    """
    hints = [line.strip()[len("Hint: "):] for line in message.splitlines()
             if line.strip().startswith("Hint: ")]
    if hints:
        return hints
    first = message.splitlines()[0] if message.strip() else "failed"
    if ": raised NotImplementedError" in first:
        return ["not attempted (the stub raises NotImplementedError)"]
    if ": raised " in first:
        return ["raised " + first.split(": raised ", 1)[1].split(":")[0]]
    return [first.split(": ", 1)[-1][:120]]


def common_mistakes(entries, name):
    """``[mistake, how many submissions]`` pairs, most common first."""
    counts = collections.Counter()
    for entry in entries:
        message = entry.messages.get(name, "")
        if message:
            counts.update(set(mistake_of(message)))
    return [[mistake, count]
            for mistake, count in counts.most_common(COMMON_MISTAKES)]


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
    counts = summary["counts"]
    body = (f"<h1>{html.escape(summary['assignment'])}: class summary</h1>"
            f"<p>{counts['found']} submissions found, {counts['graded']} "
            f"graded, {counts['errors']} with errors, "
            f"{counts.get('with_problems', 0)} with problems to look at, "
            f"{counts.get('late', 0)} late "
            f"(engine: {summary['engine']}; maximum "
            f"{summary['max_score']} points). {_mean_median(summary)}</p>"
            f"<img src='histogram.png' alt='score histogram'>"
            f"{_problems_section(summary)}"
            f"<h2>What the class struggles with</h2>"
            f"{_struggles_table(summary)}"
            f"<h2>Submissions</h2>{_submissions_table(summary)}"
            f"{_similarity_section(summary)}")
    return _page(f"{summary['assignment']} summary", body)


def _similarity_section(summary):
    found = summary.get("similarity")
    if found is None:
        return ""
    return (f"<h2>Similarity evidence</h2><p>{len(found['alike_code'])} "
            f"pair(s) with alike graded code and "
            f"{len(found['same_wrong_outputs'])} group(s) with the same "
            f"wrong outputs: see <a href='similarity.html'>similarity.html"
            f"</a>. Evidence to review, not a verdict.</p>")


def _mean_median(summary):
    if summary.get("mean") is None:
        return ""
    return (f"Mean score {summary['mean']:.2f}, median "
            f"{summary['median']:g}.")


def _problems_section(summary):
    rows = "".join(
        f"<tr><td>{html.escape(s['student'])}</td>"
        f"<td>{html.escape(problem['kind'])}</td>"
        f"<td>{_place(problem)}</td>"
        f"<td>{html.escape(problem['detail'])}</td></tr>"
        for s in summary["submissions"] for problem in s.get("problems", []))
    if not rows:
        return "<h2>Problems</h2><p>No notebook-level problem found.</p>"
    return (f"<h2>Problems</h2><table class='problems'><tr><th>student</th>"
            f"<th>problem</th><th>where</th><th>what</th></tr>{rows}"
            f"</table>")


def _place(problem):
    if problem.get("cell") is None:
        return ""
    line = f", line {problem['line']}" if problem.get("line") else ""
    return f"cell {problem['cell']}{line}"


def _struggles_table(summary):
    rows = []
    for name, rate in sorted(summary["pass_rates"].items(),
                             key=lambda item: item[1] or 0):
        mistakes = "".join(
            f"<li>{html.escape(text)} ({count})</li>"
            for text, count in summary.get("common_mistakes", {}).get(
                name, []))
        rows.append(f"<tr><td><code>{name}</code></td><td>"
                    f"{'-' if rate is None else f'{100 * rate:.0f} %'}"
                    f"</td><td><ul>{mistakes}</ul></td></tr>")
    return (f"<table><tr><th>function</th><th>passed by</th>"
            f"<th>most common mistakes (submissions)</th></tr>"
            f"{''.join(rows)}</table>")


def _submissions_table(summary):
    """One row per student, one column per graded function."""
    names = list(summary["pass_rates"])
    header = "".join(f"<th><code>{name}</code></th>" for name in names)
    rows = "".join(_submission_row(s, summary["function_points"])
                   for s in summary["submissions"])
    return (f"<table class='students'><tr><th>student</th><th>score</th>"
            f"{header}<th>error, problems or note</th></tr>{rows}</table>")


def _submission_row(submission, points):
    names = list(points)
    score, late = submission["score"], submission.get("late")
    shown = "" if score is None else f"{score:g}"
    if late and late["penalty"]:
        shown += f" ({submission['raw_score']:g} &minus; {late['penalty']:g}"
        shown += " late)"
    cells = "".join(_points_cell(submission, name, points[name])
                    for name in names)
    remarks = [submission["error"]] + [
        f"{p['kind']}" + (f" ({_place(p)})" if _place(p) else "")
        for p in submission.get("problems", [])] + [
        submission["note"], submission.get("late_note", "")]
    remark = "; ".join(text for text in remarks if text)
    return (f"<tr><td>{html.escape(submission['student'])}</td>"
            f"<td>{shown}</td>{cells}<td>{html.escape(remark)}</td></tr>")


def _points_cell(submission, name, most):
    if submission["score"] is None or name not in submission["functions"]:
        return "<td></td>"
    points = submission["functions"][name]
    return (f"<td class='{'pass' if points == most else 'fail'}'>"
            f"{points:g}</td>")
