"""Each exchange is one card: its anchor, badge, folded bodies, channels and excerpts."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .project import Project

APP = """
from flask import Flask, abort, jsonify


def create_app(**options):
    app = Flask(__name__)

    @app.route("/gone")
    def gone():
        abort(410)

    @app.route("/page")
    def page():
        rows = "".join(f"<li>row {n}</li>\\n" for n in range(40))
        return f"<!doctype html>\\n<title>All the rows</title>\\n<ul>\\n{rows}</ul>\\n"

    @app.route("/data")
    def data():
        return jsonify(name="teapot", sizes=[1, 2])

    @app.route("/many")
    def many():
        return jsonify(items=[{"id": n, "name": f"item {n}"} for n in range(3)], total=3)

    @app.route("/crash")
    def crash():
        raise KeyError("basket")

    return app
"""
SPEC = """
harness = "quiet_sentry"

[[exchange]]
name = "gone"
request = "GET /gone"
status = 410

[[exchange]]
name = "page"
request = "GET /page"
status = 200

[[exchange]]
name = "data"
request = "GET /data"
status = 200
"""
MORE = """
[[exchange]]
name = "many"
request = "GET /many"
status = 200

[[exchange]]
name = "crash"
request = "GET /crash"
status = 500
logs = [
  { logger = "examples.chap.demo", level = "ERROR", message = "Exception on /crash [GET]", traceback = true },
]
wsgi_errors = ["ERROR in app: Exception on /crash [GET]"]
"""
HARNESS = """
import contextlib


class _Nothing:
    app_kwargs = {}

    def captured(self):
        return {"Sentry events": []}


@contextlib.contextmanager
def quiet_sentry():
    yield _Nothing()
"""


def _build(project: Project, page: str, spec: str = SPEC) -> BeautifulSoup:
    project.write("examples/chap/demo.py", APP)
    project.write("examples/chap/demo.toml", spec)
    project.write("examples/chap/_harness.py", HARNESS)
    project.write("docs/index.md", page)
    build = project.sphinx("-W")
    assert build.returncode == 0, build.output
    return BeautifulSoup(project.html(), "html.parser")


def test_cards_have_readable_anchors_that_survive_edits_around_them(project: Project) -> None:
    again_gone = "```{example} chap.demo\n:no-source:\n:exchanges: gone\n```\n"
    page = "# Demo\n\n```{example} chap.demo\n```\n\n" + again_gone
    soup = _build(project, page)
    ids = [card["id"] for card in soup.select("div.guide-card")]
    assert ids == ["chap-demo-gone", "chap-demo-page", "chap-demo-data", "chap-demo-gone-2"]
    assert soup.select_one("#chap-demo-gone .guide-card-title a.headerlink")["href"] == "#chap-demo-gone"
    edited = page.replace("# Demo\n", "# Demo\n\nA new paragraph.\n\n## A new section\n")
    assert [card["id"] for card in _build(project, edited).select("div.guide-card")] == ids


def test_one_card_per_exchange(project: Project) -> None:
    """One build, read four ways: building a throwaway project is the slow part of these tests."""
    soup = _build(project, "# Demo\n\n```{example} chap.demo\n```\n")

    # The request as the title, a badge with the status the response carried.
    card = soup.select_one("#chap-demo-gone")
    assert card.select_one(".guide-card-request").get_text() == "GET /gone"
    badge = card.select_one("code.guide-status")
    assert badge.get_text() == "410 GONE" and "guide-status-4xx" in badge["class"]
    assert card.select_one(".guide-part-response pre").get_text().startswith("HTTP/1.1 410 GONE\n")
    # Werkzeug's own error page, however short, folds to its title.
    page = card.select_one(".guide-part-response details.guide-body")
    assert page.summary.get_text() == "Werkzeug’s error page “410 Gone”"  # smart quotes, as in prose
    assert "<h1>Gone</h1>" in page.select_one("pre").get_text()

    # A channel with nothing in it is one line.
    empty = card.select_one(".guide-part-empty")
    assert empty.select_one(".guide-part-label").get_text() == "Sentry events"
    assert empty.select_one(".guide-part-none").get_text() == "none" and empty.select_one("pre") is None

    # Long bodies fold to a summary; short JSON is shown as the app sent it.
    fold = soup.select_one("#chap-demo-page details.guide-fold")
    assert fold is not None and not fold.has_attr("open")
    assert fold.summary.get_text() == "HTML page “All the rows”, 44 lines"
    assert "<li>row 39</li>" in fold.select_one("pre").get_text()
    data = soup.select_one("#chap-demo-data .guide-part-response pre").get_text()
    _head, body = data.split("\n\n", 1)
    assert body.rstrip("\n") == '{"name":"teapot","sizes":[1,2]}'
    assert soup.select_one("#chap-demo-data .guide-card-note") is None

    # Transcripts are output (no copy button); sources and the curl command are not.
    assert soup.select(".guide-card .guide-output pre") and not soup.select(".guide-source.guide-output")
    assert soup.select_one(".guide-example > .literal-block-wrapper .guide-source pre") is not None
    curl = soup.select_one("#chap-demo-gone details.guide-curl pre").get_text()
    assert curl.strip() == "curl -i http://127.0.0.1:5000/gone"


def test_an_excerpt_says_so_and_offers_the_whole_file(project: Project) -> None:
    page = "# Demo\n\n```{example} chap.demo\n:pyobject: create_app\n:no-transcript:\n```\n"
    soup = _build(project, page)
    caption = soup.select_one(".guide-excerpt .caption-text").get_text()
    assert caption == "create_app() in examples/chap/demo.py"
    whole = soup.select_one(".guide-excerpt details.guide-whole-file")
    assert whole.summary.get_text() == "The whole file, examples/chap/demo.py"
    assert whole.select_one("pre").get_text().rstrip("\n") == APP.rstrip("\n")


def test_a_card_says_where_a_real_server_answers_otherwise(project: Project) -> None:
    project.edit(
        "examples/chap/demo.toml",
        'contains = ["Gone"]',
        'contains = ["Gone"]\n\n[exchange.server.gunicorn]\nstatus = 404\n'
        "\n[exchange.server.werkzeug]\nlogs = []",
    )
    page = "# Demo\n\n```{example} chap.demo\n```\n\nOn gunicorn: {run}`chap.demo/gone@gunicorn:status`.\n"
    project.write("docs/index.md", page)
    assert project.sphinx("-W").returncode == 0
    soup = BeautifulSoup(project.html(), "html.parser")
    notes = [span.get_text() for span in soup.select(".guide-card-servers > span")]
    assert notes == [
        "Served by gunicorn, it answers 404.",
        "Served by Werkzeug's development server, these differ: the log records.",
    ]
    assert soup.select_one("p:-soup-contains('On gunicorn:') .guide-run").get_text() == "404"
    run_it = soup.select_one("p.guide-run-it").get_text()
    assert run_it.startswith(
        "Run it yourself: flask --app examples.chap.demo run, or nox -s serve -- chap.demo"
    )


def test_the_run_role_on_a_server_needs_that_server_declared(project: Project) -> None:
    project.write("docs/index.md", "# Demo\n\n{run}`chap.demo/gone@gunicorn:status`\n")
    result = project.check()
    assert result.returncode != 0
    assert "exchange 'gone' declares nothing for gunicorn" in result.output


def test_the_run_role_counts_channels_and_shows_a_missing_header_as_a_dash(project: Project) -> None:
    page = (
        "# Demo\n\n```{example} chap.demo\n```\n\n"
        "| events | logs | Retry-After | Content-Type |\n| --- | --- | --- | --- |\n"
        "| {run}`chap.demo/gone:count:Sentry events` | {run}`chap.demo/gone:count:logs` "
        "| {run}`chap.demo/gone:header?:Retry-After` | {run}`chap.demo/data:header?:Content-Type` |\n"
    )
    cells = [cell.get_text() for cell in _build(project, page).select("td .guide-run")]
    assert cells == ["0", "0", "—", "application/json"]


def test_the_run_role_names_the_channels_it_can_count(project: Project) -> None:
    _build(project, "# Demo\n")
    project.write("docs/index.md", "# Demo\n\n{run}`chap.demo/gone:count:mail`\n")
    result = project.check()
    assert result.returncode != 0
    assert "nothing captured as 'mail'; count one of: logs, Sentry events" in result.output


def test_long_json_is_indented_where_it_needs_to_be_and_cards_fold_on_request(project: Project) -> None:
    page = "# Demo\n\n```{example} chap.demo\n:no-source:\n:folded: crash\n```\n"
    soup = _build(project, page, SPEC + MORE)
    many = soup.select_one("#chap-demo-many .guide-part-response pre").get_text().split("\n\n", 1)[1]
    assert many.rstrip("\n") == (
        '{\n  "items": [\n    {"id": 0, "name": "item 0"},\n    {"id": 1, "name": "item 1"},\n'
        '    {"id": 2, "name": "item 2"}\n  ],\n  "total": 3\n}'
    )
    assert "shown indented" in soup.select_one("#chap-demo-many .guide-card-note").get_text()
    # The folded card is a <details>: its summary is the card's title, with the badge.
    crash = soup.select_one("div#chap-demo-crash.guide-card-folded > details.guide-card")
    assert crash is not None and not crash.has_attr("open")
    link = soup.select_one(
        "#chap-demo-crash > p.guide-card-link > a.headerlink"
    )  # beside the summary, not in it
    assert link["href"] == "#chap-demo-crash" and crash.summary.select_one("a") is None
    assert crash.summary.select_one(".guide-status").get_text() == "500 INTERNAL SERVER ERROR"
    # What Flask's default handler wrote repeats the log record: folded beneath it.
    stream = crash.select_one(".guide-part-repeated details.guide-fold")
    assert stream.summary.get_text().endswith("the log records above, as a handler wrote them")
    assert soup.select("div.guide-card") and not soup.select("div#chap-demo-crash.guide-card")


def test_folding_an_exchange_that_does_not_exist_is_an_error(project: Project) -> None:
    project.write("examples/chap/demo.py", APP)
    project.write("examples/chap/demo.toml", SPEC)
    project.write("examples/chap/_harness.py", HARNESS)
    project.write("docs/index.md", "# Demo\n\n```{example} chap.demo\n:folded: gnoe\n```\n")
    build = project.sphinx("-W")
    assert build.returncode == 1
    assert "example 'chap.demo' has no exchange 'gnoe'" in build.output
