"""Grade a class with nbgrader, one submission at a time.

``nbgrader autograde`` stops a whole batch at the first notebook it cannot
read. Grading each student separately through nbgrader's own API keeps the
gradebook as the record while a corrupt submission fails alone: every
submission ends with a score or a named error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from autograder.release import nbgrader_api, nbgrader_config


@dataclass
class Outcome:
    """How one submission ended.

    Parameters
    ----------
    student : str
        The student id (the folder name under ``submitted/``).
    score : float or None
        Points earned, or None when the submission could not be graded.
    max_score : float
        Points available.
    error : str
        Empty when graded; otherwise what went wrong, in one line.
    """

    student: str
    score: float | None
    max_score: float
    error: str = ""


def submissions(course_root, slug):
    """Student ids with a folder ``submitted/<student>/<slug>/``, sorted."""
    submitted = Path(course_root) / "submitted"
    return sorted(path.parent.name
                  for path in submitted.glob(f"*/{slug}") if path.is_dir())


def _unreadable(folder, slug):
    """Why a submission's notebook cannot be graded, or ''."""
    path = folder / f"{slug}.ipynb"
    if not path.is_file():
        return f"no notebook named {slug}.ipynb in the submission"
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return f"{path.name} is not valid notebook JSON ({error})"
    return ""


def autograde(course_root, slug):
    """Autograde every submission of an assignment with nbgrader.

    Parameters
    ----------
    course_root : path
        An nbgrader course folder holding ``submitted/`` and the gradebook,
        with the assignment already generated into the gradebook.
    slug : str
        The assignment id.

    Returns
    -------
    list of Outcome
        One per submission, in student order.
    """
    config = nbgrader_config(course_root)
    api = nbgrader_api(course_root)
    outcomes = []
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        max_score = gradebook.find_assignment(slug).max_score
    for student in submissions(course_root, slug):
        folder = Path(course_root) / "submitted" / student / slug
        problem = _unreadable(folder, slug)
        if not problem:
            result = api.autograde(slug, student, force=True, create=True)
            if not result["success"]:
                problem = _last_error_line(result)
        if problem:
            outcomes.append(Outcome(student, None, max_score, problem))
            continue
        with Gradebook(config.CourseDirectory.db_url) as gradebook:
            score = gradebook.find_submission(slug, student).score
        outcomes.append(Outcome(student, score, max_score))
    return outcomes


def _last_error_line(result):
    text = (result.get("error") or result.get("log") or "").strip()
    errors = [line for line in text.splitlines() if "Error" in line]
    return (errors[-1] if errors else text.splitlines()[-1]).strip()[:300]


def cell_scores(course_root, slug, student):
    """Points per graded test cell of one submission: grade_id -> score."""
    config = nbgrader_config(course_root)
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        try:
            submission = gradebook.find_submission_notebook(slug, slug,
                                                            student)
        except MissingEntry:
            return {}
        return {grade.name: grade.score for grade in submission.grades}
