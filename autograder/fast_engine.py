"""The fast, trusted engine: grade a notebook without a Jupyter kernel.

The grader (this module, in the instructor's process) reads the learner's
notebook as data, builds the inputs of every public and hidden case, and
sends the learner's code and those inputs to a sandbox worker
(:mod:`autograder.sandbox`). The worker returns the learner's outputs as
plain JSON; the grader decodes them strictly and compares them with the
reference's outputs here, where the learner's code never runs.

Which cells run: every code cell up to the last test cell, in order,
except the test cells themselves (nbgrader runs the same cells before the
tests; later cells cannot change a grade). Test cells are found by their
nbgrader metadata or, when the metadata was stripped, by their source.
"""
from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
import warnings
from dataclasses import dataclass, field

import nbformat
import numpy as np
from nbformat.warnings import DuplicateCellId

from autograder import ROOT
from autograder.compare import Mismatch, encode, load_cases
from autograder.runner import judge, reference_result
from autograder.spec import Case


class SubmissionError(Exception):
    """The submission cannot be graded; the message names the problem."""


@dataclass
class FunctionResult:
    """The grade of one graded function.

    Parameters
    ----------
    name : str
    points, max_points : float
    message : str
        Empty when passed; otherwise the first failure (variable, check,
        hint), never showing a hidden case's expected values.
    """

    name: str
    points: float
    max_points: float
    message: str = ""
    #: For a failed function whose hidden calls all returned: a digest of
    #: those outputs (identical wrong outputs are similarity evidence).
    output_digest: str = ""


@dataclass
class NotebookGrade:
    """The fast engine's grade of one notebook."""

    functions: list = field(default_factory=list)
    cell_errors: list = field(default_factory=list)
    #: ``(cell number, error)`` of each failed cell, numbered as in the
    #: notebook (from 1).
    failed_cells: list = field(default_factory=list)

    @property
    def score(self):
        return sum(result.points for result in self.functions)


# --- Reading the notebook ----------------------------------------------------

_TEST_SOURCE = re.compile(r"^\s*(check|hidden_test)\(", re.M)


def _is_test_cell(cell):
    nbgrader = cell.get("metadata", {}).get("nbgrader", {})
    if nbgrader.get("grade") and not nbgrader.get("solution"):
        return True
    return bool(_TEST_SOURCE.search(cell.get("source", "")))


def read_notebook(text):
    """Parse a submission; raise SubmissionError if it is not a notebook."""
    try:
        with warnings.catch_warnings():
            # A copied cell keeps its id; nbformat renames it and warns,
            # which tells the instructor nothing to act on.
            warnings.simplefilter("ignore", DuplicateCellId)
            notebook = nbformat.reads(text, as_version=4)
    except Exception as error:
        raise SubmissionError(f"not valid notebook JSON ({str(error)[:200]})")
    if not isinstance(notebook.get("cells"), list):
        raise SubmissionError("not a notebook: it has no list of cells")
    return notebook


def _numbered_cells_to_run(notebook):
    """``(cell number counted from 1, cell)`` of the cells run."""
    code = [(number, cell) for number, cell in enumerate(notebook.cells, 1)
            if cell.get("cell_type") == "code"]
    tests = [index for index, (_, cell) in enumerate(code)
             if _is_test_cell(cell)]
    end = tests[-1] if tests else len(code)
    return [(number, cell) for number, cell in code[:end]
            if not _is_test_cell(cell)]


def run_cell_numbers(notebook):
    """The notebook's cell numbers (from 1) of :func:`cells_to_run`."""
    return [number for number, _ in _numbered_cells_to_run(notebook)]


def cells_to_run(notebook):
    """The code cells run before the tests, as plain Python source."""
    from IPython.core.inputtransformer2 import TransformerManager

    transformer = TransformerManager()
    sources = []
    for _, cell in _numbered_cells_to_run(notebook):
        try:
            sources.append(transformer.transform_cell(cell.get("source", "")))
        except Exception:  # let the sandbox report the syntax error
            sources.append(cell.get("source", ""))
    return sources


# --- Building the job --------------------------------------------------------

class GradingContext:
    """What every submission of a class is graded against, computed once.

    Attributes
    ----------
    assignment : Assignment
    files : dict
        The release's copies of ``course_checks.py``, the helpers and
        ``public_cases.json``, by file name: the sandbox uses these, never
        the learner's.
    cases : dict
        Function name -> list of :class:`autograder.spec.Case`: the public
        (visible-check) cases, then the hidden ones.
    expected : dict
        Function name -> list of the reference's ``(output, printed)``.
    limits, function_seconds
        The sandbox's wall-clock limit for a whole notebook, and for the
        cases of one function.
    """

    def __init__(self, assignment, wall_seconds=120, function_seconds=30):
        self.assignment = assignment
        self.limits = {"wall_seconds": wall_seconds}
        self.function_seconds = function_seconds
        # The files of the exercise folder, as nbgrader's source folder
        # has them: the notebook's first cell stops when one is missing.
        self.files = {**assignment.copied_files(),
                      "public_cases.json": assignment.public_cases_file
                      .read_text(encoding="utf-8")}
        public = load_cases(assignment.public_cases_file)
        self.cases, self.expected = {}, {}
        for spec in assignment.specs:
            frozen = [Case(f"visible check: {case['label']}", case["args"],
                           case["kwargs"]) for case in public[spec.name]]
            cases = frozen + list(spec.hidden_cases())
            self.cases[spec.name] = cases
            with np.errstate(all="ignore"):
                self.expected[spec.name] = [
                    reference_result(assignment, spec, case)
                    for case in cases]


def data_files():
    """The registered data files, to be copied into ``datasets/``."""
    from autograder.data import DATA_DIR, read_registry

    return {f"datasets/{name}": str(DATA_DIR / name)
            for name in read_registry()["files"]
            if (DATA_DIR / name).is_file()}


def build_job(context, notebook_text):
    """The sandbox job of one submission (plain JSON data)."""
    notebook = read_notebook(notebook_text)
    return {
        "cells": cells_to_run(notebook),
        "files": context.files,
        "data_files": data_files(),
        "calls": {name: [{"args": encode(case.args),
                          "kwargs": encode(case.kwargs),
                          "outputs": list(context.assignment.spec(
                              name).outputs),
                          "arg_names": list(
                              context.assignment.argument_names(name))}
                         for case in function_cases]
                  for name, function_cases in context.cases.items()},
        "limits": context.limits,
        "function_seconds": context.function_seconds,
    }


# --- Judging what came back --------------------------------------------------

class UnsupportedObject:
    """Stands for a value the sandbox could not turn into data."""

    def __init__(self, description):
        self.description = description

    def __repr__(self):
        return f"<{self.description}>"


_DTYPE_KINDS = "biuf"


def decode_untrusted(data):
    """Decode the learner's JSON data strictly into plain values.

    Only numbers, strings, booleans, None, lists, tuples, dicts and numeric
    arrays come out; anything else becomes :class:`UnsupportedObject`.
    """
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode_untrusted(item) for item in data]
    if not isinstance(data, dict):
        return UnsupportedObject("unknown data")
    if "__ndarray__" in data:
        return _decode_array(data)
    if "__npscalar__" in data:
        dtype = np.dtype(str(data.get("dtype")))
        value = data["__npscalar__"]
        if dtype.kind not in _DTYPE_KINDS or not isinstance(
                value, (bool, int, float)):
            return UnsupportedObject(f"a NumPy scalar of dtype {dtype}")
        return dtype.type(value)
    if "__unsupported__" in data:
        return UnsupportedObject(f"an object of type "
                                 f"{str(data['__unsupported__'])[:100]}")
    if "__tuple__" in data and isinstance(data["__tuple__"], list):
        return tuple(decode_untrusted(item) for item in data["__tuple__"])
    if "__dict__" in data and isinstance(data["__dict__"], list):
        return {str(pair[0]): decode_untrusted(pair[1])
                for pair in data["__dict__"]
                if isinstance(pair, list) and len(pair) == 2}
    return UnsupportedObject("an object that is not data")


def _decode_array(data):
    try:
        dtype = np.dtype(str(data.get("dtype")))
    except TypeError:
        return UnsupportedObject("an array of unknown dtype")
    if dtype.kind not in _DTYPE_KINDS:
        return UnsupportedObject(f"an array of dtype {dtype}")
    try:
        return np.array(data["__ndarray__"], dtype=dtype).reshape(
            [int(n) for n in data["shape"]])
    except (TypeError, ValueError, KeyError):
        return UnsupportedObject("a malformed array")


def decode_links(data):
    """The sandbox's report of shared memory, checked to be plain data.

    Returns
    -------
    list of [str, str, str]
        See :func:`autograder.compare.memory_links`; anything malformed
        is dropped.
    """
    if not isinstance(data, list):
        return []
    return [[str(name)[:300], str(other)[:300], kind]
            for name, other, kind in (
                link for link in data[:10_000]
                if isinstance(link, list) and len(link) == 3
                and all(isinstance(part, str) for part in link))
            if kind in ("output", "input")]


def judge_function(context, spec, outcome):
    """Grade one function from the sandbox's outcome of its calls."""
    cases = context.cases[spec.name]
    if "error" in outcome or not isinstance(outcome.get("calls"), list):
        return FunctionResult(spec.name, 0, spec.points,
                              str(outcome.get("error", "no result")))
    if len(outcome["calls"]) != len(cases):
        return FunctionResult(spec.name, 0, spec.points,
                              "the sandbox returned the wrong number of "
                              "results")
    for case, expected, call in zip(cases, context.expected[spec.name],
                                    outcome["calls"]):
        reveal = case.label.startswith("visible check")
        if call.get("error"):
            return FunctionResult(spec.name, 0, spec.points,
                                  f"{case.label}: raised {call['error']}")
        actual = (decode_untrusted(call.get("output")),
                  str(call.get("printed", "")),
                  decode_untrusted(call.get("args_after")),
                  decode_links(call.get("links")))
        try:
            with np.errstate(all="ignore"):
                judge(context.assignment, spec, case, expected, actual,
                      reveal)
        except Mismatch as mismatch:
            return FunctionResult(spec.name, 0, spec.points,
                                  f"{case.label}: {mismatch}")
        except Exception as error:  # malformed data from the sandbox
            return FunctionResult(spec.name, 0, spec.points,
                                  f"{case.label}: unusable result "
                                  f"({type(error).__name__})")
    return FunctionResult(spec.name, spec.points, spec.points)


def grade_notebook(context, notebook_text, run_job):
    """Grade one submission with the fast engine.

    Parameters
    ----------
    context : GradingContext
        The assignment's cases and reference results.
    notebook_text : str
        The submitted notebook, as text.
    run_job : callable
        Runs a sandbox job and returns its result dict (a worker pool's
        ``run``, or a Dask task).

    Raises
    ------
    SubmissionError
        When the notebook cannot be read or the sandbox gave up on it.
    """
    numbers = run_cell_numbers(read_notebook(notebook_text))
    result = run_job(build_job(context, notebook_text))
    if "error" in result:
        raise SubmissionError(str(result["error"]))
    outcomes = result.get("functions", {})
    errors = result.get("cells", [])
    grade = NotebookGrade(cell_errors=[str(error)[:300] for error in
                                       errors if error])
    if isinstance(errors, list):
        grade.failed_cells = [(number, str(error)[:300]) for number, error
                              in zip(numbers, errors) if error]
    for spec in context.assignment.specs:
        outcome = outcomes.get(spec.name, {"error": "no result"})
        if not isinstance(outcome, dict):
            outcome = {"error": "malformed result"}
        result = judge_function(context, spec, outcome)
        if result.points < result.max_points:
            result.output_digest = hidden_output_digest(
                context.cases[spec.name], outcome)
        grade.functions.append(result)
    return grade


def hidden_output_digest(cases, outcome):
    """A digest of the outputs of the hidden cases, or '' when a call
    raised or the outcome is malformed."""
    import hashlib

    calls = outcome.get("calls")
    if not isinstance(calls, list) or len(calls) != len(cases):
        return ""
    hidden = [call for case, call in zip(cases, calls)
              if not case.label.startswith("visible check")]
    if not hidden or any(not isinstance(call, dict) or call.get("error")
                         for call in hidden):
        return ""
    text = json.dumps([call.get("output") for call in hidden],
                      sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


# --- Worker pools ------------------------------------------------------------

class SandboxWorker:
    """One pre-warmed sandbox worker process (see
    :mod:`autograder.sandbox`)."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "autograder.sandbox"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env=_worker_environment(), cwd=str(ROOT))
        hello = json.loads(self.process.stdout.readline() or "{}")
        if not hello.get("ready"):
            raise RuntimeError("the sandbox worker did not start")
        self.isolated = hello["isolated"]
        self.network_isolated = hello["network_isolated"]
        self.slot = hello["slot"]

    def run(self, job):
        """Send one job; return its result."""
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox worker stopped")
        return json.loads(line)

    def close(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)


def _worker_environment():
    import os

    environment = dict(os.environ)
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                     "MKL_NUM_THREADS"):
        environment[variable] = "1"
    environment["MPLBACKEND"] = "Agg"
    return environment


class WorkerPool:
    """``jobs`` sandbox workers shared by grading threads."""

    def __init__(self, jobs=1):
        self.workers = [SandboxWorker() for _ in range(max(1, jobs))]
        self.idle = queue.Queue()
        for worker in self.workers:
            self.idle.put(worker)
        self.isolated = all(worker.isolated for worker in self.workers)
        self.network_isolated = all(worker.network_isolated
                                    for worker in self.workers)

    def run(self, job):
        """Run a job on the next idle worker (thread-safe)."""
        worker = self.idle.get()
        try:
            return worker.run(job)
        except RuntimeError:
            worker.close()
            worker = SandboxWorker()
            return {"error": "the sandbox worker stopped; it was restarted"}
        finally:
            self.idle.put(worker)

    def close(self):
        for worker in self.workers:
            worker.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_LOCAL = threading.local()


def run_job_in_this_process(job):
    """Run a job on a sandbox worker owned by the calling process.

    This is the function a Dask worker runs: it starts (once per worker
    thread) its own sandbox worker and returns the raw result, which the
    grader then judges in its own process.
    """
    worker = getattr(_LOCAL, "worker", None)
    if worker is None or worker.process.poll() is not None:
        worker = _LOCAL.worker = SandboxWorker()
    return worker.run(job)
