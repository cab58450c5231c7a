"""What the directive renders is what the app really answered, replayed here without the runner."""

from __future__ import annotations

import importlib
import shutil
import sys

from bs4 import BeautifulSoup

from guide.expectations import discover, load_example
from guide.runner import _isolated_logging, _request_kwargs
from guide.transcript import normalise, normalise_header

from .project import REPO, Project

# The project's examples a plain test client can replay: no harness, no setup error, nothing raised.
PLAIN = [
    name
    for name in discover(REPO)
    if (e := load_example(name, REPO)).harness is None
    and e.setup is None
    and not any(x.raises for x in e.exchanges)
]


def _shown_transcripts(page: str) -> dict[str, list[tuple[str, str]]]:
    """Per example source path, the (caption, text) of every transcript block on the page."""
    soup = BeautifulSoup(page, "html.parser")
    shown: dict[str, list[tuple[str, str]]] = {}
    for example in soup.select("div.guide-example"):
        blocks = example.select("div.literal-block-wrapper")
        source = blocks[0].select_one(".caption-text").get_text()
        shown[source] = [
            (b.select_one(".caption-text").get_text(), b.select_one("pre").get_text())
            for b in blocks[1:]
            if b.select_one(".guide-transcript")
        ]
    return shown


def _replay(project: Project, name: str) -> list[tuple[str, object]]:
    """Play the example's requests with Flask's test client directly, not through the runner."""
    example = load_example(name, project.root)
    sys.modules.pop(example.module, None)
    with _isolated_logging():
        module = importlib.import_module(example.module)
        app = module.create_app() if hasattr(module, "create_app") else module.app
        client = app.test_client()
        results = []
        for exchange in example.exchanges:
            kwargs, _headers, _body = _request_kwargs(exchange)
            response = client.open(exchange.path, **kwargs)
            response.get_data()
            results.append((exchange.label, response))
    return results


def test_built_html_shows_what_the_app_really_returned(project: Project) -> None:
    shutil.rmtree(project.root / "examples")
    (project.root / "examples").symlink_to(REPO / "examples")  # the project's own examples
    project.write(
        "docs/index.md", "# Transcripts\n\n" + "".join(f"```{{example}} {name}\n```\n\n" for name in PLAIN)
    )
    build = project.sphinx("-W")
    assert build.returncode == 0, build.output
    shown = _shown_transcripts(project.html())
    checked = 0
    for name in PLAIN:
        blocks = shown[load_example(name, project.root).source.relative_to(project.root).as_posix()]
        replayed = _replay(project, name)
        assert [caption for caption, _ in blocks] == [label for label, _ in replayed]
        for (_caption, text), (label, response) in zip(blocks, replayed, strict=True):
            body = text[text.index("\nHTTP/1.1 ") + 1 :]  # the request comes first
            status_line, *header_lines = body.split("\n\n", 1)[0].splitlines()
            assert status_line == f"HTTP/1.1 {response.status}", (name, label, text)
            shown_headers = dict(line.split(": ", 1) for line in header_lines)
            real_headers = {k: normalise_header(k, v) for k, v in response.headers.items()}
            assert shown_headers == real_headers, (name, label)
            shown_body = body.split("\n\n", 1)[1] if "\n\n" in body else ""
            real_body = normalise(response.get_data(as_text=True)).rstrip("\n")
            assert shown_body.rstrip("\n") == real_body, (name, label)
            checked += 1
    assert len(PLAIN) > 30 and checked >= len(PLAIN)
