"""course grade: the sandbox, the fast engine, outputs, Dask (intake:
tests/test_intake.py)."""
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder import corpus
from autograder.fast_engine import GradingContext, WorkerPool, grade_notebook
from autograder.grade import grade_class
from autograder.release import SOLUTIONS
from autograder.sandbox import BASE_UID, _processes_of
from autograder.spec import load_specs
from tests.conftest import SLUGS

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0,
                               reason="full isolation needs root")


# --- The sandbox ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def pool():
    """One sandbox worker, for direct jobs."""
    with WorkerPool(1) as workers:
        yield workers


def _job(cells, calls=None):
    return {"cells": cells, "calls": calls or {}, "files": {},
            "data_files": {}, "limits": {"wall_seconds": 10},
            "function_seconds": 3}


@ROOT_ONLY
def test_sandbox_cannot_read_the_solutions(pool):
    """Is the instructor's folder invisible from learner code?"""
    path = SOLUTIONS / "c1w2_numpy_basics" / "c1w2_numpy_basics.ipynb"
    result = pool.run(_job([f"open({str(path)!r}).read()"]))
    assert result["cells"][0].startswith("FileNotFoundError")


@ROOT_ONLY
def test_sandbox_cannot_signal_the_grader(pool):
    """Does killing the parent fail, leaving the grader running?"""
    result = pool.run(_job(["import os, signal\n"
                            "os.kill(os.getppid(), signal.SIGKILL)"]))
    assert result["cells"][0].startswith("PermissionError")
    assert pool.run(_job(["x = 1"]))["cells"] == [None]


@ROOT_ONLY
def test_no_learner_process_outlives_its_job(pool):
    """Is a detached background process killed when the job ends?"""
    cells = ["import os, time\n"
             "if os.fork() == 0:\n"
             "    os.setsid()\n"
             "    time.sleep(600)\n"]
    assert pool.run(_job(cells))["cells"] == [None]
    assert _processes_of(BASE_UID + pool.workers[0].slot) == []


def test_os_exit_in_a_function_loses_that_function_only(pool):
    """Does os._exit inside one function leave the others' results?"""
    cells = ["import os\ndef bad(x):\n    os._exit(1)\n"
             "def good(x):\n    return x"]
    call = [{"args": {"__tuple__": [3]}, "kwargs": {"__dict__": []}}]
    result = pool.run(_job(cells, {"bad": call, "good": call}))
    assert "ended abruptly" in result["functions"]["bad"]["error"]
    assert result["functions"]["good"]["calls"][0]["output"] == 3


def test_memory_hog_gets_a_memory_error(pool):
    """Does a huge allocation fail inside the sandbox only?"""
    result = pool.run(_job(["import numpy as np\nx = np.ones(1 << 40)"]))
    assert result["cells"][0].startswith("MemoryError")


# --- A class through the command line --------------------------------------------------

@pytest.fixture(scope="module")
def cli_class(tmp_path_factory):
    """A mixed class of numpy-basics submissions graded by `course grade`."""
    slug = "c1w2_numpy_basics"
    root = tmp_path_factory.mktemp("cli")
    honest = corpus.honest(slug)
    submissions = {"solution": honest["solution"],
                   "untouched": honest["untouched"],
                   "partial": honest["partial"],
                   **corpus.bad(slug),
                   **{name: text for name, (text, _) in
                      corpus.dishonest(slug).items()}}
    source = corpus.write_lms_folder(root / "download", submissions)
    before = _tree_hash(source)
    course = root / "course"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "course"), "grade", slug,
         str(source), "--course", str(course), "--jobs", "2",
         "--time-limit", "20", "--report", str(root / "report.json")],
        capture_output=True, text=True)
    summary = json.loads((root / "report.json").read_text())
    entries = {e["student"]: e for e in summary["submissions"]}
    return slug, course, source, before, result, summary, entries


def _tree_hash(folder):
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def test_cli_accounts_for_every_submission(cli_class):
    """Does the summary hold a score or a named error for every file?"""
    _, _, source, _, result, summary, entries = cli_class
    assert result.returncode == 1, result.stderr  # some are broken
    assert len(entries) == len(list(source.iterdir()))
    for entry in entries.values():
        assert entry["score"] is not None or entry["error"]


def test_cli_leaves_source_untouched(cli_class):
    """Is nothing in SOURCE modified by grading?"""
    _, _, source, before, _, _, _ = cli_class
    assert _tree_hash(source) == before


def _points(slug, name):
    return next(spec.points for spec in load_specs(slug) if spec.name == name)


@pytest.mark.parametrize("student, expected", [
    ("corrupt-json", "not valid notebook JSON"),
    ("not-utf8", "not UTF-8"),
    ("infinite-loop-at-top-level", "time limit"),
])
def test_bad_input_gets_a_named_error(cli_class, student, expected):
    """Does each unreadable or runaway notebook get a named error?"""
    entry = cli_class[6][student]
    assert entry["score"] is None and expected in entry["error"]


@pytest.mark.parametrize("student", [
    "solution", "duplicated-graded-cell", "stripped-metadata", "sys-exit",
    "memory-hog", "huge-output", "fork-bomb", "kill-parent",
    "write-gradebook"])
def test_bad_but_correct_code_gets_full_marks(cli_class, student):
    """Is correct code graded in full despite the noise around it?"""
    entry = cli_class[6][student]
    assert entry["score"] == entry["max_score"], entry


@pytest.mark.parametrize("student", [
    "deleted-graded-cell", "infinite-loop-in-function",
    "os-exit-in-function"])
def test_one_broken_function_loses_its_points(cli_class, student):
    """Does a deleted, looping or exiting function cost only itself?"""
    slug, entries = cli_class[0], cli_class[6]
    last = load_specs(slug)[-1].name
    assert entries[student]["functions"][last] == 0
    assert entries[student]["score"] == (entries[student]["max_score"]
                                         - _points(slug, last))


@pytest.mark.parametrize("student", ["patch-allclose", "always-equal",
                                     "read-caller"])
def test_cheats_earn_nothing(cli_class, student):
    """Does cheating the comparison leave the wrong function at 0?"""
    slug, entries = cli_class[0], cli_class[6]
    name = corpus.dishonest(slug)[student][1]
    assert entries[student]["functions"][name] == 0
    assert entries[student]["score"] == (entries[student]["max_score"]
                                         - _points(slug, name))


def test_gradebook_matches_summary_and_was_not_tampered(cli_class):
    """Are the gradebook's scores the summary's, none forged to 594?"""
    slug, course, _, _, _, _, entries = cli_class
    with Gradebook(f"sqlite:///{course}/gradebook.db") as book:
        for student, entry in entries.items():
            if entry["score"] is not None:
                assert book.find_submission(slug, student).score == \
                    entry["score"]
        assert all(grade.auto_score != 594
                   for submission in book.assignment_submissions(slug)
                   for notebook in submission.notebooks
                   for grade in notebook.grades)


def test_outputs_exist_and_hide_hidden_tests(cli_class):
    """Are feedback, results.json, CSV, summary and figure all written?"""
    slug, course, _, _, _, summary, entries = cli_class
    feedback = (course / "feedback" / "solution" / slug /
                "feedback.html").read_text()
    assert "hidden_test" not in feedback and "BEGIN HIDDEN" not in feedback
    wrong = (course / "feedback" / "patch-allclose" / slug /
             "feedback.html").read_text()
    assert "0 / 1" in wrong
    results = json.loads((course / "results" / "solution" /
                          "results.json").read_text())
    assert results["score"] == summary["max_score"]
    assert len(results["tests"]) == len(load_specs(slug))
    csv_students = {line.split(",")[3] for line in
                    (course / "grades.csv").read_text().splitlines()[1:]}
    assert csv_students == set(entries)
    assert (course / "histogram.png").stat().st_size > 1000
    assert "What the class struggles with" in (
        course / "summary.html").read_text()
    assert set(summary["pass_rates"]) == {s.name for s in load_specs(slug)}


# --- Equivalence -----------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_fast_engine_matches_nbgraders_tests(slug):
    """Does the fast engine give honest notebooks (solution, untouched,
    partial, a mutant of every function) the points that nbgrader's test
    cells (the in-process oracle) give them?

    Every mutant of C1 W2 is graded in test_serial_parallel_and_dask_agree;
    tests/test_mutants.py runs every mutant through the hidden tests.
    """
    context = GradingContext(slug)
    with WorkerPool(2) as workers:
        for name, text in corpus.honest(slug, 1).items():
            grade = grade_notebook(context, text, workers.run)
            fast = {result.name: result.points for result in grade.functions}
            assert fast == corpus.oracle_points(slug, text), name


@pytest.fixture(scope="module")
def dask_scheduler():
    """A real local Dask cluster with two worker processes."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                  processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_serial_parallel_and_dask_agree(tmp_path, dask_scheduler):
    """Do one worker, two workers and a Dask cluster grade every mutant of
    the logistic-regression assignment alike, and as nbgrader's tests do?"""
    slug = "c1w2_logistic_regression"
    honest = corpus.honest(slug)
    source = corpus.write_lms_folder(tmp_path / "class", honest)
    runs = {}
    for label, jobs, scheduler in (("serial", 1, None), ("parallel", 2, None),
                                   ("dask", 2, dask_scheduler)):
        entries = grade_class(slug, source, tmp_path / label, jobs=jobs,
                              scheduler=scheduler)
        runs[label] = {e.student: (e.score, e.functions) for e in entries}
    assert runs["serial"] == runs["parallel"] == runs["dask"]
    assert len(runs["serial"]) == len(honest)
    for name, text in honest.items():
        points = runs["serial"][name.replace("_", "-")][1]
        assert points == corpus.oracle_points(slug, text), name
