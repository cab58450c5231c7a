"""What the directive renders is what the app really answered, replayed here without the runner."""

from __future__ import annotations

import importlib
import json
import shutil
import sys

from bs4 import BeautifulSoup

from guide.expectations import discover, load_example
from guide.runner import _request_kwargs, isolated_logging
from guide.transcript import normalise, normalise_header

from .project import REPO, Project

# The project's examples a plain test client can replay: no harness, no setup error, nothing raised.
PLAIN = [
    name
    for name in discover(REPO)
    if (e := load_example(name, REPO)).harness is None
    and e.setup is None
    and not e.tests
    and not any(x.raises for x in e.exchanges)
]


def _shown_cards(page: str) -> dict[str, list[tuple[str, str, str, str]]]:
    """Per example source path, each card's (request, status badge, response head, response body)."""
    soup = BeautifulSoup(page, "html.parser")
    shown: dict[str, list[tuple[str, str, str, str]]] = {}
    for example in soup.select("div.guide-example"):
        source = example.select_one(".literal-block-wrapper .caption-text").get_text()
        cards = []
        for card in example.select("div.guide-card"):
            blocks = [pre.get_text() for pre in card.select(".guide-part-response pre")]
            head, _, body = blocks[0].partition("\n\n")
            if len(blocks) > 1:
                body = blocks[1]  # a long body, folded beneath the headers
            request = card.select_one(".guide-card-request").get_text()
            cards.append((request, card.select_one(".guide-status").get_text(), head, body.rstrip("\n")))
        shown[source] = cards
    return shown


def _replay(project: Project, name: str) -> list[tuple[str, object]]:
    """Play the example's requests with Flask's test client directly, not through the runner."""
    example = load_example(name, project.root)
    sys.modules.pop(example.module, None)
    with isolated_logging():
        module = importlib.import_module(example.module)
        app = module.create_app() if hasattr(module, "create_app") else module.app
        client = app.test_client()
        results = []
        for exchange in example.exchanges:
            kwargs = _request_kwargs(exchange)
            response = client.open(exchange.path, **kwargs)
            response.get_data()
            results.append((exchange, response))
    return results


def test_built_html_shows_what_the_app_really_returned(project: Project) -> None:
    shutil.rmtree(project.root / "examples")
    (project.root / "examples").symlink_to(REPO / "examples")  # the project's own examples
    project.write(
        "docs/index.md", "# Transcripts\n\n" + "".join(f"```{{example}} {name}\n```\n\n" for name in PLAIN)
    )
    build = project.sphinx("-W")
    assert build.returncode == 0, build.output
    shown = _shown_cards(project.html())
    checked = 0
    for name in PLAIN:
        cards = shown[load_example(name, project.root).source.relative_to(project.root).as_posix()]
        replayed = _replay(project, name)
        assert [card[0] for card in cards] == [f"{e.method} {e.path}" for e, _ in replayed]
        for (_request, badge, head, body), (exchange, response) in zip(cards, replayed, strict=True):
            status_line, *header_lines = head.splitlines()
            assert badge == response.status, (name, exchange.name)
            assert status_line == f"HTTP/1.1 {response.status}", (name, exchange.name, head)
            shown_headers = dict(line.split(": ", 1) for line in header_lines)
            real_headers = {k: normalise_header(k, v) for k, v in response.headers.items()}
            assert shown_headers == real_headers, (name, exchange.name)
            real_body = normalise(response.get_data(as_text=True)).rstrip("\n")
            if response.is_json:  # shown indented: the same JSON, laid out for reading
                assert json.loads(body) == json.loads(real_body), (name, exchange.name)
            else:
                assert body == real_body, (name, exchange.name)
            checked += 1
    assert len(PLAIN) > 30 and checked >= len(PLAIN)
