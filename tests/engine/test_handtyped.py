"""The check for behaviour typed by hand in prose (guide.handtyped), on the demo project."""

from __future__ import annotations

from .project import Project

LISTED = "handtyped.toml"


def checked(project: Project, page: str, reviewed: str = ""):
    project.write("docs/index.md", "# Demo\n\n" + page + "\n\n```{example} chap.demo\n```\n")
    project.write(LISTED, reviewed)
    return project.check("-D", f"guide_handtyped={LISTED}")


def test_a_status_typed_by_hand_fails_with_the_line(project: Project) -> None:
    result = checked(project, "Some text.\n\nThe page answers 410 to everyone.")
    assert result.returncode == 1
    assert "index.md: ERROR: paragraph at line 5: status code '410' typed by hand" in result.output
    assert f"or add the sentence to {LISTED}" in result.output


def test_the_same_value_from_the_run_role_passes(project: Project) -> None:
    result = checked(project, "The page answers {run}`chap.demo/gone:status`, as `abort(410)` does.")
    assert result.returncode == 0, result.output


def test_header_names_and_answered_text_are_found_in_inline_code_too(project: Project) -> None:
    result = checked(project, "It sends `Content-Type` and the word `Gone`, and “410 Gone”.")
    assert "header 'Content-Type' typed by hand" in result.output
    assert "status code '410' typed by hand" in result.output
    # "Gone" is shorter than a quotation: a word is not a claim
    assert "'Gone'" not in result.output


def test_a_reviewed_phrase_allows_a_mention_and_nothing_else(project: Project) -> None:
    reviewed = '[[phrase]]\npattern = "{code} handler"\nwhy = "names a handler"\n'
    result = checked(project, "The 410 handler runs. It answers 410.", reviewed)
    assert result.output.count("typed by hand") == 1
    assert "It answers 410" in result.output


def test_a_backed_sentence_must_name_an_exchange_that_states_it(project: Project) -> None:
    backed = (
        '[[sentence]]\npage = "index"\ntext = "It answers {code}."\n'
        'why = "the exchange says so"\nbacked_by = ["chap.demo/gone"]\n'
    )
    assert checked(project, "It answers 410.", backed.format(code=410)).returncode == 0
    result = checked(project, "It answers 404.", backed.format(code=404))
    assert f"{LISTED}:3: none of chap.demo/gone states '404', which the sentence says" in result.output
    result = checked(project, "It answers 410.", backed.format(code=410).replace("/gone", "/went"))
    assert "example 'chap.demo' has no exchange 'went'" in result.output


def test_a_backed_sentence_is_checked_even_where_a_phrase_also_allows_it(project: Project) -> None:
    reviewed = (
        '[[phrase]]\npattern = "{code} page"\nwhy = "names a page"\n\n'
        '[[sentence]]\npage = "index"\ntext = "the 404 page"\n'
        'why = "the exchange says so"\nbacked_by = ["chap.demo/gone"]\n'
    )
    result = checked(project, "It shows the 404 page.", reviewed)
    assert "none of chap.demo/gone states '404', which the sentence says" in result.output


def test_an_entry_that_matches_nothing_is_reported(project: Project) -> None:
    stale = '[[sentence]]\npage = "index"\ntext = "It answered 418."\nwhy = "once true"\n'
    result = checked(project, "Nothing typed here.", stale)
    assert result.returncode == 1
    assert f"{LISTED}:3: nothing on the pages matches this entry any more; remove it" in result.output


def test_entries_for_pages_a_build_does_not_hold_are_not_stale(project: Project) -> None:
    # a project that borrows the guide's conf.py builds none of the guide's pages
    elsewhere = (
        '[[phrase]]\npattern = "{code} handler"\nwhy = "names a handler"\n\n'
        '[[sentence]]\npage = "logging"\ntext = "It answered 418."\nwhy = "on another page"\n'
    )
    result = checked(project, "Nothing typed here.", elsewhere)
    assert result.returncode == 0, result.output


def test_a_broken_list_is_one_clear_error(project: Project) -> None:
    result = checked(project, "Text.", '[[phrase]]\npattern = "{code} handler"\n')
    assert f"{LISTED}: [[phrase]] number 1 needs why" in result.output
    result = checked(project, "Text.", "[[phrase]\n")
    assert f"{LISTED}: " in result.output and "Traceback" not in result.output
