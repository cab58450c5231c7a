"""Languages built side by side, as `nox -s docs` builds them (docs/_ext/sitebuild.py).

The script's main() runs here; the builds and the processes running examples ahead
are forked from this process, as they are from the script's.
"""

from __future__ import annotations

import contextlib
import io

import sitebuild
from bs4 import BeautifulSoup
from sitestamp import Stamps

from guide.expectations import discover

from .project import REPO, Project, Result
from .test_runs import COUNTED_APP, runs_logged


def site(project: Project, *arguments: str) -> Result:
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = sitebuild.main(["--root", str(project.root), *arguments])
    return Result(code, output.getvalue())


def html(project: Project, language: str) -> str:
    return (project.root / "_build" / "html" / language / "index.html").read_text()


def test_two_languages_run_each_missing_example_once(project: Project) -> None:
    project.show_examples(["a", "b", "c"], COUNTED_APP)
    result = site(project, "en", "pt")
    assert result.returncode == 0, result.output
    assert "en: ok" in result.output and "pt: ok" in result.output
    for language in ("en", "pt"):
        badges = BeautifulSoup(html(project, language), "html.parser").select("code.guide-status-4xx")
        assert [badge.get_text() for badge in badges] == ["410 GONE"] * 3
    assert len(runs_logged(project)) == 3
    # Cached now: a clean rebuild of both runs nothing.
    result = site(project, "en", "pt", "--", "-E")
    assert result.returncode == 0, result.output
    assert len(runs_logged(project)) == 3


def test_an_example_that_cannot_run_fails_every_language_with_its_location(project: Project) -> None:
    project.edit(
        "examples/chap/demo.py", "from flask import Flask, abort", "from flask import Flask, abort, nothing"
    )
    for _ in range(2):  # a language that failed is never up to date
        result = site(project, "en", "pt")
        assert result.returncode == 1
        english, portuguese = result.output.split("pt: FAILED")
        for output in (english, portuguese):
            assert "examples/chap/demo.py:3: example 'chap.demo' failed to import" in output
        assert "the build failed for: en, pt" in result.output


def test_examples_come_in_the_order_the_pages_show_them() -> None:
    names = sitebuild.examples_in_page_order(REPO)
    assert sorted(names) == sorted(discover(REPO))
    # api-errors.md is the first page with examples; why-applications-fail.md the last.
    assert names[0].startswith("api_errors.")
    assert names[-1].startswith("why_fail.")


def test_a_language_with_nothing_changed_is_not_built_again(project: Project) -> None:
    assert site(project, "en").returncode == 0
    page = project.root / "_build" / "html" / "en" / "index.html"
    built_at = page.stat().st_mtime_ns
    again = site(project, "en")
    assert again.returncode == 0, again.output
    assert again.output.strip() == "en: up to date (nothing it is built from has changed)"
    assert page.stat().st_mtime_ns == built_at
    project.edit("docs/index.md", "# Demo", "# Demo, edited")
    assert "en: ok" in site(project, "en").output
    assert "Demo, edited" in html(project, "en")


def test_a_stamp_is_stale_once_anything_the_language_is_built_from_changes(
    project: Project, monkeypatch
) -> None:
    output = project.root / "_build" / "html" / "en" / "index.html"

    def built() -> None:
        for folder in ("html", "doctrees"):
            (project.root / "_build" / folder / "en").mkdir(parents=True, exist_ok=True)
        output.write_text("<p>built</p>")
        Stamps(project.root, []).record("en")

    changes = {
        "a page": lambda: project.edit("docs/index.md", "# Demo", "# Demo, edited"),
        "an example": lambda: project.edit("examples/chap/demo.py", "abort(410)", "abort(410)  # edited"),
        "a catalog": lambda: project.write("locales/pt/LC_MESSAGES/index.po", 'msgid ""\nmsgstr ""\n'),
        "the settings": lambda: project.edit(
            "conf.py", "guide_transcript_cache", "guide_transcript_cache  ="
        ),
        "a file it wrote": output.unlink,
        "a GUIDE_ setting": lambda: monkeypatch.setenv("GUIDE_BASE_URL", "https://mirror.example/"),
    }
    for what, change in changes.items():
        built()
        assert Stamps(project.root, []).up_to_date("en"), what
        change()
        assert not Stamps(project.root, []).up_to_date("en"), what
    built()
    assert not Stamps(project.root, ["-E"]).up_to_date("en")  # asked for a fresh build
    assert not Stamps(project.root, ["-D", "language=pt"]).up_to_date("en")  # another command line
