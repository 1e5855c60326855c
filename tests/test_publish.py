"""Publishing a term week by week: pages, folders and helpers in order."""
import re
import zipfile
from pathlib import Path

import pytest

from autograder import ROOT
from autograder.assignment import Assignment, assignments
from autograder.publish import (
    CutoffError,
    build,
    cross_references,
    cutoffs,
    graded_functions_in,
    graded_functions_shipped,
    labels,
    published,
    term,
    unlink_unpublished,
)

#: The cut-off the build test publishes: Course 2, Week 1.
BUILT = "c2w1"


def test_cutoffs_follow_the_table_of_contents():
    """Is every week a cut-off after its own assignments, in toc order,
    with every assignment published by exactly one first cut-off?"""
    names = cutoffs()
    weeks = term()
    assert [name for name in names if "_" not in name] == [
        week.name for week in weeks]
    for week in weeks:
        assert all(names.index(slug) < names.index(week.name)
                   for slug in week.slugs)
    assert sorted(slug for week in weeks for slug in week.slugs) == sorted(
        assignment.slug for assignment in assignments())


def test_an_unknown_cutoff_names_the_valid_ones():
    """Does a mistyped cut-off say which weeks exist?"""
    with pytest.raises(CutoffError, match="c1w1.*c3w2"):
        published("c2w9")


def test_an_assignment_cutoff_leaves_its_weeks_later_exercises_out():
    """Does publishing through the step-by-step assignment leave the
    application of the same week out?"""
    publication = published("c1w4_deep_nn_step_by_step")
    assert "c1w4_deep_nn_step_by_step" in publication.slugs
    assert "c1w4_deep_nn_application" not in publication.slugs
    assert "book/c1/week4" in publication.pages
    assert "book/c2/week1" not in publication.pages


def test_helpers_that_hold_solutions_are_found():
    """Are the known cases found: Adam and the other optimizers in the
    softmax folder, the step-by-step functions in the application's?"""
    everyone = assignments()
    assert "update_parameters_with_adam" in graded_functions_shipped(
        Assignment.named("c2w3_softmax_batchnorm"),
        everyone)["c2w2_optimization_methods"]
    assert "L_model_backward" in graded_functions_shipped(
        Assignment.named("c1w4_deep_nn_application"),
        everyone)["c1w4_deep_nn_step_by_step"]


@pytest.mark.parametrize("cutoff", cutoffs())
def test_no_published_folder_ships_unpublished_solutions(cutoff):
    """At this cut-off, do the published folders' helpers hold graded
    functions of published assignments only?"""
    everyone = assignments()
    publication = published(cutoff)
    for slug in publication.slugs:
        shipped = graded_functions_shipped(Assignment.named(slug), everyone)
        assert set(shipped) <= set(publication.slugs), (slug, shipped)


def test_solutions_in_helpers_open_after_their_assignment():
    """Does every assignment whose solutions a later folder ships have a
    cut-off of its own that publishes it without that folder?"""
    everyone = assignments()
    for folder in everyone:
        for slug in graded_functions_shipped(folder, everyone):
            alone = published(slug).slugs
            assert slug in alone and folder.slug not in alone


@pytest.fixture(scope="module")
def label_index():
    """Every label of the book (the last cut-off publishes every page)."""
    return labels(published(cutoffs()[-1]).pages)


@pytest.mark.parametrize("cutoff", cutoffs())
def test_no_page_links_to_an_unpublished_page(cutoff, label_index):
    """After staging, does every {doc}, {ref} and {numref} link of a
    published page point to a published page?"""
    publication = published(cutoff)
    for page in publication.pages:
        if page.startswith("exercises/"):
            continue
        text = unlink_unpublished(
            (ROOT / f"{page}.md").read_text(encoding="utf-8"), page,
            publication.pages, label_index)
        targets = [target for _, target, _ in
                   cross_references(text, page, label_index)]
        assert all(target in publication.pages for target in targets), (
            page, set(targets) - publication.pages)


def test_unpublished_links_become_their_text(label_index):
    """Is a link to a later exercise or section left as its words, and a
    link to a published page kept?"""
    text = ("{doc}`Optimization methods </exercises/c2w2_optimization_"
            "methods/c2w2_optimization_methods>`, {doc}`../notation`, "
            "{ref}`c1w2-rank1`")
    pages = published("c1w1").pages
    assert unlink_unpublished(text, "book/c2/week2", pages, label_index) == (
        "Optimization methods, {doc}`../notation`, "
        "Rank-1 arrays and how to avoid them")


# --- The site built with a cut-off ------------------------------------------

@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    """The site published through c2w1 (a `-W -n` build)."""
    out = tmp_path_factory.mktemp("published") / "html"
    result = build(BUILT, out)
    assert result.returncode == 0, (result.stdout[-3000:]
                                    + result.stderr[-3000:])
    return out


@pytest.mark.slow
def test_published_site_holds_only_published_pages(built_site):
    """Are exactly the published weeks' pages and downloads on the site?"""
    publication = published(BUILT)
    pages = {path.relative_to(built_site).with_suffix("").as_posix()
             for path in built_site.glob("**/*.html")
             if path.parts[len(built_site.parts)] in ("book", "exercises")}
    assert pages == set(publication.pages)
    zips = {path.stem for path in (built_site / "downloads").glob("*.zip")}
    weeks = {week.name for week in term()
             if week.page in publication.pages}
    assert zips == set(publication.slugs) | {f"{week}_notes"
                                             for week in weeks}


@pytest.mark.slow
def test_published_links_all_resolve(built_site):
    """Does every link between the site's pages reach a published file?

    Links into ``lite/`` are left out: the browser runtime's site is built
    after the pages (``build_lite.py --through``, tested in test_lite).
    """
    href = re.compile(r'href="([^"#?:]+\.(?:html|zip))[#"?]')
    broken, checked = [], 0
    for page in built_site.glob("**/*.html"):
        for target in href.findall(page.read_text(encoding="utf-8")):
            if re.search(r"(^|/)lite/", target):
                continue
            checked += 1
            if not (page.parent / target).resolve().is_file():
                broken.append(f"{page.relative_to(built_site)} -> {target}")
    assert checked > 100 and not broken, broken[:20]


@pytest.mark.slow
def test_published_downloads_hold_no_unpublished_solutions(built_site,
                                                           tmp_path):
    """Does no zip on the site carry a module holding graded functions of
    an assignment that is not published?"""
    publication = published(BUILT)
    everyone = assignments()
    for archive in (built_site / "downloads").glob("*.zip"):
        folder = tmp_path / archive.stem
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(folder)
        for module in folder.glob("**/*.py"):
            held = graded_functions_in(Path(module), everyone)
            assert set(held) <= set(publication.slugs), (archive.name,
                                                         module.name, held)


def test_publish_command_refuses_an_unknown_cutoff(capsys):
    """Does `course publish --through` with a wrong week exit with 2 and
    list the weeks?"""
    from autograder.cli import main

    assert main(["publish", "--through", "c2w9"]) == 2
    assert "c2w1" in capsys.readouterr().err
