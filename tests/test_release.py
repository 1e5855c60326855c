"""The student release: up to date, and leaking nothing."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

from autograder import ROOT, release
from autograder.assignment import Assignment, assignments
from autograder.compare import decode, encode

pytestmark = pytest.mark.slow
COURSE = str(Path(sys.executable).parent / "course")


@pytest.mark.portable
def test_release_check_passes_on_the_committed_tree():
    """Is exercises/ exactly what nbgrader generates from solutions/?"""
    result = subprocess.run([COURSE, "release", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "up to date and leaks nothing" in result.stdout


def _copied(tmp_path, slug="c1w2_numpy_basics"):
    """The assignment on a copy of its solution and exercise folders."""
    repository = Assignment.named(slug)
    copy = Assignment(slug, root=tmp_path)
    shutil.copytree(repository.solution_folder, copy.solution_folder)
    shutil.copytree(repository.exercise_folder, copy.exercise_folder)
    return copy


def test_leaked_solution_is_reported(tmp_path):
    """Does a solution marker left in an exercise fail the leak check?"""
    assignment = _copied(tmp_path)
    notebook = assignment.exercise_notebook
    notebook.write_text(notebook.read_text().replace(
        "# YOUR CODE HERE", "### BEGIN SOLUTION", 1))
    assert any("BEGIN SOLUTION" in p for p in release.leaks(assignment))


def test_leaked_reference_line_is_reported(tmp_path):
    """Does a line of reference code in an exercise fail the leak check?"""
    assignment = _copied(tmp_path)
    notebook = assignment.exercise_notebook
    notebook.write_text(notebook.read_text().replace(
        "# YOUR CODE HERE", "x_sum = np.sum(x_exp, axis=1, keepdims=True)",
        1))
    problems = release.leaks(assignment)
    assert any("reference code of softmax" in p for p in problems)


def test_stale_exercise_is_reported(tmp_path):
    """Does an edited exercise file make the check fail as stale?"""
    assignment = _copied(tmp_path)
    (assignment.exercise_folder / "public_cases.json").write_text("{}\n")
    assert any("public_cases.json is stale" in p
               for p in release.release_problems(assignment))


def test_exercise_cells_have_stubs_and_no_outputs():
    """Does every exercise notebook have stubs and no stored outputs?"""
    import nbformat
    for assignment in assignments():
        notebook = nbformat.read(assignment.exercise_notebook, 4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert all(not cell.outputs for cell in code)
        stubs = sum("raise NotImplementedError()" in cell.source
                    for cell in code)
        assert stubs == len(assignment.specs)


def _scaled(value, factor):
    """``value`` with every float in it multiplied by ``factor``."""
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return value * factor
    if isinstance(value, float):
        return type(value)(value * factor)
    if isinstance(value, dict):
        return {key: _scaled(item, factor) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scaled(item, factor) for item in value)
    return value


def _rewritten(cases, change):
    """Encoded cases with ``change(name, decoded case)`` applied to each."""
    return {name: [encode(change(name, decode(case))) for case in items]
            for name, items in cases.items()}


@pytest.fixture(scope="module")
def frozen_logistic():
    """(committed public cases, freshly frozen JSON text) of C1W2 LR."""
    assignment = Assignment.named("c1w2_logistic_regression")
    path = assignment.public_cases_file
    fresh = release.expected_files(assignment)["public_cases.json"]
    return assignment, json.loads(path.read_text()), fresh


def _problems(frozen, tmp_path, stored):
    assignment, _, fresh = frozen
    path = tmp_path / "public_cases.json"
    path.write_text(json.dumps(stored))
    return release.frozen_case_problems(assignment, path, fresh)


def test_frozen_cases_from_another_processor_check_clean(frozen_logistic,
                                                         tmp_path):
    """Do last-digit differences (1e-9 relative) pass the release check?"""
    _, stored, _ = frozen_logistic
    noisy = _rewritten(stored, lambda name, case: {
        key: value if key in ("rtol", "atol") else _scaled(value, 1 + 1e-9)
        for key, value in case.items()})
    assert _problems(frozen_logistic, tmp_path, noisy) == []


def test_frozen_value_that_drifts_fails(frozen_logistic, tmp_path):
    """Does an expected value moved by 1e-3 relative fail, named?"""
    _, stored, _ = frozen_logistic
    drifted = _rewritten(stored, lambda name, case: dict(
        case, expected=_scaled(case["expected"], 1 + 1e-3))
        if name == "optimize" else case)
    problems = _problems(frozen_logistic, tmp_path, drifted)
    assert problems and all("optimize, case" in p for p in problems)


def test_hand_edited_label_or_missing_case_fails(frozen_logistic, tmp_path):
    """Does a changed label, or a case too few, make the file stale?"""
    _, stored, _ = frozen_logistic
    relabelled = _rewritten(stored, lambda name, case: dict(
        case, label="edited " + case["label"]))
    assert any("label is" in p
               for p in _problems(frozen_logistic, tmp_path, relabelled))
    shortened = dict(stored, predict=stored["predict"][:-1])
    assert any("predict has" in p
               for p in _problems(frozen_logistic, tmp_path, shortened))


def test_graded_cells_hold_the_reference_source(assignment):
    """Is each graded cell of the source notebook the reference's code?"""
    notebook = nbformat.read(assignment.solution_notebook, 4)
    sources = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source
               for cell in notebook.cells}
    for name in assignment.function_names:
        assert sources[name] == release.graded_cell_source(assignment, name)


def test_first_code_cell_checks_the_folder(assignment):
    """Is the exercise's first code cell the generated folder check, and
    does it ask for exactly the files its folder carries?"""
    notebook = nbformat.read(assignment.exercise_notebook, 4)
    first = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert first.metadata["nbgrader"]["grade_id"] == release.FOLDER_CHECK
    assert first.source == release.folder_check_source(assignment)
    needed = {*assignment.copied_files(), "public_cases.json"}
    assert all(f"'{name}'" in first.source for name in needed)
    assert needed <= {path.name for path in
                      assignment.exercise_folder.iterdir()}
    assert f"{assignment.slug}.zip" in first.source


def test_only_check_cells_go_on_after_an_error(assignment):
    """Are the test cells, and only they, tagged so that "Run all" goes on
    after a failed check?"""
    notebook = nbformat.read(assignment.exercise_notebook, 4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        tagged = release.GO_ON_TAG in cell.metadata.get("tags", [])
        assert tagged == grade_id.startswith("test_"), grade_id
