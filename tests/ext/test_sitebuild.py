"""Languages built side by side from one prepared parent (docs/_ext/sitebuild.py, design P2/P3)."""

from __future__ import annotations

from pathlib import Path

import sitebuild

from guide.expectations import discover

from .project import Project

# An app that leaves a line in runs.log each time it is created: how often the example ran.
COUNTED_APP = """\
from pathlib import Path

from flask import Flask, abort


def create_app():
    with open(Path(__file__).parents[2] / "runs.log", "a") as log:
        log.write("ran\\n")
    app = Flask(__name__)

    @app.route("/gone")
    def gone():
        abort(410)

    return app
"""


def test_two_languages_run_each_missing_example_once(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("examples/chap/demo.py", COUNTED_APP)
    result = project.site("en", "pt")
    assert result.returncode == 0, result.output
    assert "en: ok" in result.output and "pt: ok" in result.output
    # Both builds showed the run, but only the process that runs ahead executed it.
    for language in ("en", "pt"):
        assert "HTTP/1.1 410 Gone" in project.html(language=language)
    assert (tmp_path / "runs.log").read_text() == "ran\n"
    # Cached now: a clean rebuild of both runs nothing.
    result = project.site("en", "pt", "--", "-E")
    assert result.returncode == 0, result.output
    assert (tmp_path / "runs.log").read_text() == "ran\n"


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
