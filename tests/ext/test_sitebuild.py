"""Languages built side by side from one prepared parent (docs/_ext/sitebuild.py, design P2/P3)."""

from __future__ import annotations

from pathlib import Path

import sitebuild

from guide.expectations import discover

from .project import Project, counted_app


def test_two_languages_run_each_missing_example_once(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.show_examples(["a", "b", "c"], counted_app())  # both processes running ahead get some
    result = project.site("en", "pt")
    assert result.returncode == 0, result.output
    assert "en: ok" in result.output and "pt: ok" in result.output
    # Both builds showed the runs, but only the processes that run ahead executed them.
    for language in ("en", "pt"):
        assert project.html(language=language).count("HTTP/1.1 410 Gone") == 3
    assert (tmp_path / "runs.log").read_text() == "ran\n" * 3
    # Cached now: a clean rebuild of both runs nothing.
    result = project.site("en", "pt", "--", "-E")
    assert result.returncode == 0, result.output
    assert (tmp_path / "runs.log").read_text() == "ran\n" * 3


def test_an_example_that_cannot_run_fails_every_language_with_its_location(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.edit(
        "examples/chap/demo.py", "from flask import Flask, abort", "from flask import Flask, abort, nothing"
    )
    result = project.site("en", "pt")
    assert result.returncode == 1
    assert "en: FAILED" in result.output and "pt: FAILED" in result.output
    english, portuguese = result.output.split("pt: FAILED")
    for output in (english, portuguese):
        assert "examples/chap/demo.py:3: example 'chap.demo' failed to import" in output
    assert "the build failed for: en, pt" in result.output


def test_examples_come_in_the_order_the_pages_show_them() -> None:
    names = sitebuild.examples_in_page_order()
    assert sorted(names) == sorted(discover())
    # api-errors.md is the first page with examples; why-applications-fail.md the last.
    assert names[0].startswith("api_errors.")
    assert names[-1].startswith("why_fail.")


def test_a_language_with_nothing_changed_is_not_built_again(tmp_path: Path) -> None:
    project = Project(tmp_path)
    assert project.site("en").returncode == 0
    page = tmp_path / "_build" / "html" / "en" / "index.html"
    built_at = page.stat().st_mtime_ns

    again = project.site("en")
    assert again.returncode == 0, again.output
    assert again.output.strip() == "en: up to date (nothing it is built from has changed)"
    assert page.stat().st_mtime_ns == built_at

    # Anything it is built from: a page, an example, a setting, or a file of its own output.
    changes = {
        "page": lambda: project.edit("docs/index.md", "# Demo", "# Demo, edited"),
        "example": lambda: project.edit("examples/chap/demo.py", "abort(410)", 'abort(410, "Gone for good")'),
        "engine": lambda: project.edit("docs/_ext/guide/transcript.py", "Transcripts:", "Edited:"),
        "deleted output": page.unlink,
    }
    for what, change in changes.items():
        change()
        rebuilt = project.site("en")
        assert "en: ok" in rebuilt.output, f"{what}: {rebuilt.output}"
    assert "Demo, edited" in project.html(language="en") and "Gone for good" in project.html(language="en")
    assert "up to date" in project.site("en").output
    assert "en: ok" in project.site("en", "--", "-E").output  # asked for a fresh build

    setting = project.run_with({"GUIDE_BASE_URL": "https://mirror.example/"}, "docs/_ext/sitebuild.py", "en")
    assert "en: ok" in setting.output


def test_a_failed_language_is_never_up_to_date(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.edit("examples/chap/demo.toml", "status = 410", "status = 418")
    for _ in range(2):
        result = project.site("en")
        assert result.returncode == 1
        assert "en: FAILED" in result.output and "up to date" not in result.output
