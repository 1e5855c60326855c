"""The engines: one class graded by nbgrader's autograde and by the fast
engine (serially, in parallel and on Dask); both write nbgrader's gradebook.
"""
import os

import nbformat
import pytest
from nbgrader.api import Gradebook

from autograder.assignment import Assignment
from autograder.grade import grade_class
from tests import corpus
from tests.conftest import SLUGS

pytestmark = pytest.mark.slow
ENGINES = ("nbgrader", "fast")


def _round_trip(assignment):
    """(function, notebook text with that function's ROUND_TRIP mutant)."""
    name, mistake = assignment.round_trip
    mutant = assignment.mutant(name, mistake)
    notebook = nbformat.read(assignment.solution_notebook, 4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == name:
            cell.source = corpus.mutant_source(assignment, name,
                                               mutant.function)
    return name, nbformat.writes(notebook)


@pytest.fixture(scope="module", params=SLUGS)
def graded_class(request, tmp_path_factory):
    """Four submissions in an nbgrader tree, graded by both engines."""
    slug = request.param
    assignment = Assignment.named(slug)
    root = tmp_path_factory.mktemp(f"class-{slug}")
    solution = assignment.solution_notebook.read_text()
    wrong_function, wrong = _round_trip(assignment)
    notebooks = {"ada": solution,
                 "bob": assignment.exercise_notebook.read_text(),
                 "cy": wrong,
                 "dee": solution[:-200]}
    for student, text in notebooks.items():
        folder = root / "submitted" / student / slug
        folder.mkdir(parents=True)
        (folder / f"{slug}.ipynb").write_text(text)
    results = {}
    for engine in ENGINES:
        course = root / f"course-{engine}"
        entries = grade_class(assignment, root / "submitted", course,
                              engine, jobs=2)
        results[engine] = (course, {e.student: e for e in entries})
    return slug, wrong_function, results


@pytest.mark.parametrize("engine", ENGINES)
def test_solution_gets_full_marks(graded_class, engine):
    """Does the solution, submitted as a student, earn every point?"""
    slug, _, results = graded_class
    ada = results[engine][1]["ada"]
    assert ada.error == ""
    assert ada.score == ada.max_score == Assignment.named(slug).max_score


@pytest.mark.parametrize("engine", ENGINES)
def test_untouched_exercise_scores_zero(graded_class, engine):
    """Is the untouched exercise graded 0, without crashing?"""
    _, _, results = graded_class
    bob = results[engine][1]["bob"]
    assert bob.error == "" and bob.score == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_one_wrong_function_loses_exactly_its_points(graded_class, engine):
    """Does one wrong function cost that function's points, no more?"""
    slug, name, results = graded_class
    cy = results[engine][1]["cy"]
    points = Assignment.named(slug).spec(name).points
    assert cy.score == cy.max_score - points
    assert cy.functions[name] == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_corrupt_submission_is_an_error_and_others_are_graded(
        graded_class, engine):
    """Is a corrupt notebook reported as an error while the rest grade?"""
    _, _, results = graded_class
    entries = results[engine][1]
    assert entries["dee"].score is None and entries["dee"].error
    assert sorted(s for s, e in entries.items() if e.score is not None) == [
        "ada", "bob", "cy"]


def test_engines_agree_cell_by_cell(graded_class):
    """Do nbgrader and the fast engine give each test cell the same score?"""
    _, _, results = graded_class
    for student in ("ada", "bob", "cy"):
        assert (results["nbgrader"][1][student].functions
                == results["fast"][1][student].functions), student


@pytest.mark.parametrize("engine", ENGINES)
def test_scores_are_in_nbgraders_gradebook(graded_class, engine):
    """Does each engine record its scores in nbgrader's own gradebook?"""
    slug, _, results = graded_class
    course, entries = results[engine]
    with Gradebook(f"sqlite:///{course}/gradebook.db") as book:
        for student in ("ada", "bob", "cy"):
            assert (book.find_submission(slug, student).score
                    == entries[student].score)


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
    assignment = Assignment.named("c1w2_logistic_regression")
    honest = corpus.honest(assignment)
    source = corpus.write_lms_folder(tmp_path / "class", honest)
    runs = {}
    for label, jobs, scheduler in (("serial", 1, None), ("parallel", 2, None),
                                   ("dask", 2, dask_scheduler)):
        entries = grade_class(assignment, source, tmp_path / label,
                              jobs=jobs, scheduler=scheduler)
        runs[label] = {e.student: (e.score, e.functions) for e in entries}
    assert runs["serial"] == runs["parallel"] == runs["dask"]
    assert len(runs["serial"]) == len(honest)
    for name, text in honest.items():
        points = runs["serial"][name.replace("_", "-")][1]
        assert points == corpus.oracle_points(assignment, text), name


def _outputs(course):
    """Every report of a course folder that a person reads, by path."""
    files = [course / "summary.json", course / "summary.html"]
    files += sorted(course.glob("results/*/feedback.html"))
    files += sorted(course.glob("results/*/results.json"))
    return {str(path.relative_to(course)): path.read_bytes()
            for path in files}


@pytest.mark.slow
def test_reports_are_identical_with_one_four_and_dask_workers(
        tmp_path, dask_scheduler):
    """Do one worker, four workers and a Dask cluster write the same
    summaries, feedback pages and results, byte for byte, for a class
    whose mistakes draw random numbers without seeding?"""
    assignment = Assignment.named("c2w1_initialization")
    source = corpus.write_lms_folder(tmp_path / "class",
                                     corpus.honest(assignment))
    runs = {}
    for label, jobs, scheduler in (("one", 1, None), ("four", 4, None),
                                   ("dask", 2, dask_scheduler)):
        grade_class(assignment, source, tmp_path / label, jobs=jobs,
                    scheduler=scheduler)
        runs[label] = _outputs(tmp_path / label)
    assert len(runs["one"]) == 2 + 2 * len(corpus.honest(assignment))
    assert runs["one"] == runs["four"] == runs["dask"]


SIGNALS_ITS_PARENT = {
    "kill-parent": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)",
    "kill-group": "import os, signal\n"
                  "os.killpg(os.getpgid(os.getppid()), signal.SIGKILL)",
}


def _nbgrader_tree(root, slug, notebooks):
    """Write ``{student: notebook text}`` as nbgrader's submitted/ tree."""
    for student, text in notebooks.items():
        folder = root / "submitted" / student / slug
        folder.mkdir(parents=True)
        (folder / f"{slug}.ipynb").write_text(text)
    return root / "submitted"


@pytest.mark.slow
def test_nbgrader_engine_survives_notebooks_that_kill_their_parent(
        tmp_path):
    """Under --engine nbgrader, do notebooks that kill their kernel's
    parent or its process group cost their own grade only, while the batch
    goes on and the summary counts everyone? And, as root, does a notebook
    that calls a listener on the host's 127.0.0.1 reach nothing?"""
    import select
    import socket

    assignment = Assignment.named("c1w2_numpy_basics")
    solution = assignment.solution_notebook.read_text()
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        calls_home = ("import socket\n"
                      f"socket.socket().connect(('127.0.0.1', {port}))")
        notebooks = {"ada": solution, "zed": solution,
                     "call-home": corpus._with_cell(assignment, calls_home)}
        notebooks.update({student: corpus._with_cell(assignment, source)
                          for student, source in SIGNALS_ITS_PARENT.items()})
        source = _nbgrader_tree(tmp_path, assignment.slug, notebooks)
        entries = {e.student: e for e in grade_class(
            assignment, source, tmp_path / "course", "nbgrader")}
        reached, _, _ = select.select([listener], [], [], 0.5)
    for student in ("ada", "zed", "call-home"):
        assert entries[student].score == assignment.max_score, student
    for student in SIGNALS_ITS_PARENT:
        assert entries[student].score is None
        assert "killed by SIGKILL" in entries[student].error, student
    summary = corpus.load_json(tmp_path / "course" / "summary.json")
    assert (summary["counts"]["found"], summary["counts"]["graded"]) == (5, 3)
    if os.geteuid() == 0:
        assert reached == []
