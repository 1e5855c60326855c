"""Similarity evidence: submissions an instructor may want to compare.

Two kinds of evidence, never a verdict:

* **alike graded code**: the graded functions of two submissions share
  most of their winnowed fingerprints once layout, comments, docstrings
  and redundant parentheses are normalized (Python's AST printed back)
  and names and strings are filtered out (copydetect's tokenizer and
  winnowing, the method of Moss). The release's stubs are boilerplate:
  an untouched notebook matches nobody.
* **the same wrong outputs**: two submissions whose failing function
  returned exactly the same values on every hidden random case. A common
  mistake makes many submissions agree, so each group says how many
  share it; a pair that only they share is the rarer signal.

Short functions written from the same lesson often look alike, and two
learners can make the same mistake on their own: the page says so, and
shows both codes side by side for a person to judge.
"""
from __future__ import annotations

import ast
import html
import io
import itertools
import json
from dataclasses import dataclass

import numpy as np
from copydetect import CodeFingerprint, compare_files
from copydetect.utils import highlight_overlap

#: copydetect's noise threshold (k, in filtered characters) and guarantee
#: threshold: matches shorter than NOISE are ignored, matches as long as
#: GUARANTEE are always found.
NOISE, GUARANTEE = 25, 30
#: Both submissions must share at least this part of their graded code
#: (measured on every assignment, tests/test_similarity.py: a solution
#: and its copy with renamed variables, other comments and layout share
#: 1.00; the solution and the mutants modules' correct alternatives share
#: 0.00 to 0.27).
THRESHOLD = 0.75
#: Groups of identical wrong outputs larger than this are listed as
#: common mistakes, not as pairs.
MAX_GROUP = 3


# --- The graded code of a submission -----------------------------------------

def graded_code(data, names):
    """The code of each graded function, normalized (see
    :func:`normalized`).

    Parameters
    ----------
    data : bytes
        The notebook file.
    names : sequence of str
        The graded function names.

    Returns
    -------
    dict
        Name -> code of its last top-level definition (the one that
        runs); functions not found are left out.
    """
    try:
        cells = json.loads(data)["cells"]
    except (ValueError, TypeError, KeyError):
        return {}
    found = {}
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in names:
                found[node.name] = normalized(node)
    return found


def normalized(function):
    """A function's code as the AST prints it: one layout, no comments,
    no redundant parentheses, no docstring (the release's text, which
    every learner has)."""
    body = function.body
    if (len(body) > 1 and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)):
        function.body = body[1:]
    return ast.unparse(function)


def joined(functions, names):
    """One text of the graded functions, in the assignment's order."""
    return "\n\n".join(functions[name] for name in names if name in functions)


def _fingerprint(code, boilerplate=None):
    return CodeFingerprint("graded.py", NOISE, GUARANTEE - NOISE + 1,
                           boilerplate=boilerplate, language="python",
                           fp=io.StringIO(code))


# --- Alike code --------------------------------------------------------------

@dataclass
class AlikePair:
    """Two submissions whose graded code shares fingerprints.

    Parameters
    ----------
    students : tuple of str
    shares : tuple of float
        For each, the part of its graded code found in the other's.
    slices : tuple of arrays
        For each, 2 x N character ranges of the shared code in its text.
    """

    students: tuple
    shares: tuple
    slices: tuple


def alike_pairs(codes, stubs="", threshold=THRESHOLD):
    """Pairs whose graded code is alike, most alike first.

    Parameters
    ----------
    codes : dict
        Student -> the text of their graded functions.
    stubs : str
        The release's text of the same functions (boilerplate).
    threshold : float
        Both shares must reach it.
    """
    boilerplate = (np.array(sorted(_fingerprint(stubs).hashes))
                   if stubs else None)
    prints = {student: _fingerprint(code, boilerplate)
              for student, code in codes.items() if code.strip()}
    pairs = []
    for first, second in itertools.combinations(sorted(prints), 2):
        _, shares, slices = compare_files(prints[first], prints[second])
        if min(shares) >= threshold:
            pairs.append(AlikePair((first, second),
                                   tuple(float(s) for s in shares), slices))
    return sorted(pairs, key=lambda pair: -min(pair.shares))


# --- Identical wrong outputs -------------------------------------------------

def same_wrong_outputs(wrong_outputs):
    """Groups of submissions with identical wrong outputs per function.

    Parameters
    ----------
    wrong_outputs : dict
        Student -> {function name -> digest of its outputs on the hidden
        cases}, for the functions that failed.

    Returns
    -------
    list of dict
        ``{"function", "students", "shared_by"}``, rarest first.
    """
    groups = {}
    for student, digests in wrong_outputs.items():
        for name, digest in digests.items():
            if digest:
                groups.setdefault((name, digest), []).append(student)
    found = [{"function": name, "students": sorted(students),
              "shared_by": len(students)}
             for (name, _), students in groups.items() if len(students) > 1]
    return sorted(found, key=lambda group: (group["shared_by"],
                                            group["function"]))


# --- The page ----------------------------------------------------------------

def evidence(assignment, entries, submissions):
    """The similarity evidence of a graded class, JSON-ready.

    Parameters
    ----------
    assignment : Assignment
    entries : list of Entry
        Graded entries (with ``wrong_outputs``).
    submissions : dict
        Student -> notebook bytes.
    """
    names = assignment.function_names
    codes = {student: joined(graded_code(data, names), names)
             for student, data in submissions.items()}
    stubs = joined(graded_code(assignment.exercise_notebook.read_bytes(),
                               names), names)
    pairs = alike_pairs(codes, stubs)
    outputs = same_wrong_outputs({entry.student: entry.wrong_outputs
                                  for entry in entries})
    return {"pairs": pairs, "outputs": outputs, "codes": codes}


def similarity_page(slug, found):
    """The HTML page of :func:`evidence`: both codes side by side."""
    from autograder.reports import _page

    pairs = "".join(_pair_section(pair, found["codes"])
                    for pair in found["pairs"]) or (
        "<p>No pair of submissions shares most of its graded code.</p>")
    body = (f"<h1>{html.escape(slug)}: similarity evidence</h1>"
            f"<p class='caution'><strong>Evidence to review, not a "
            f"verdict.</strong> Short functions written from the same "
            f"lesson can look alike, and two learners can make the same "
            f"mistake independently. Read both codes and talk with the "
            f"learners before drawing any conclusion.</p>"
            f"<h2>Alike graded code</h2><p>Names, comments, strings and "
            f"layout are ignored; the code of the release is not counted. "
            f"Each code is shown reformatted (one layout, no comments or "
            f"docstrings); highlighted: the code found in both.</p>"
            f"{pairs}"
            f"<h2>Identical wrong outputs on hidden cases</h2>"
            f"{_outputs_table(found['outputs'])}")
    return _page(f"{slug} similarity", body).replace(
        "</style>", SIDE_BY_SIDE + "</style>")


SIDE_BY_SIDE = """
body { max-width: 90rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.pair pre { background: #f6f8fa; padding: .5rem; overflow-x: auto; }
mark { background: #ffe08a; }
.caution { background: #fff4e5; padding: .6rem; border-left: 4px solid
#e8a33d; }
"""


def _pair_section(pair, codes):
    columns = []
    for student, share, slices in zip(pair.students, pair.shares,
                                      pair.slices):
        code = codes[student]
        marked, _ = highlight_overlap(code, np.asarray(slices), "<mark>",
                                      "</mark>", escape_html=True)
        columns.append(f"<div><h3>{html.escape(student)}: {share:.0%} of "
                       f"its graded code found in the other</h3>"
                       f"<pre>{marked}</pre></div>")
    first, second = (html.escape(s) for s in pair.students)
    return (f"<section><h3>{first} and {second}</h3>"
            f"<div class='pair'>{''.join(columns)}</div></section>")


def _outputs_table(groups):
    if not groups:
        return ("<p>No two submissions gave the same wrong outputs.</p>")
    rows = "".join(
        f"<tr><td><code>{html.escape(group['function'])}</code></td>"
        f"<td>{html.escape(', '.join(group['students']))}</td>"
        f"<td>{_group_remark(group)}</td></tr>" for group in groups)
    return (f"<table><tr><th>function</th><th>submissions</th><th>how rare"
            f"</th></tr>{rows}</table>")


def _group_remark(group):
    if group["shared_by"] <= MAX_GROUP:
        return (f"only these {group['shared_by']} submissions gave these "
                f"outputs")
    return (f"{group['shared_by']} submissions agree: most likely a common "
            f"mistake")


def to_json(found):
    """:func:`evidence` without the code texts and slices, for
    ``summary.json``."""
    return {"alike_code": [{"students": list(pair.students),
                            "shares": list(pair.shares)}
                           for pair in found["pairs"]],
            "same_wrong_outputs": found["outputs"]}
