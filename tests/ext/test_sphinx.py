"""The directive and the guard, built with Sphinx's own test fixtures and small roots."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide.expectations import discover, load_example
from guide.runner import _isolated_logging, _request_kwargs
from guide.transcript import normalise, normalise_header

# Examples a plain test client can replay: no harness, no setup error, nothing raised.
PLAIN = [
    name
    for name in discover()
    if (e := load_example(name)).harness is None
    and e.setup is None
    and not any(x.raises for x in e.exchanges)
]


@pytest.mark.sphinx("html", testroot="guard")
def test_inline_python_is_reported_with_its_line(app) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(r"index\.md:15: ERROR: inline Python is not allowed \(design E1\)", warnings), warnings
    # The literalinclude is reported where the page includes it: that is the line to change.
    assert re.search(r"index\.md:21: ERROR: inline Python is not allowed", warnings), warnings
    assert warnings.count("inline Python is not allowed") == 2  # the sh and toml blocks pass
    assert app.statuscode == 1


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


def _replay(name: str) -> list[tuple[str, object]]:
    """Play the example's requests with Flask's test client directly, not through the runner."""
    example = load_example(name)
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


@pytest.mark.skipif(not PLAIN, reason="no examples yet")
def test_built_html_shows_what_the_app_really_returned(make_app, rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text((rootdir / "test-transcripts" / "conf.py").read_text())
    (srcdir / "index.md").write_text(
        "# Transcripts\n\n" + "".join(f"```{{example}} {name}\n```\n\n" for name in PLAIN)
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    shown = _shown_transcripts((app.outdir / "index.html").read_text())
    checked = 0
    for name in PLAIN:
        blocks = shown[load_example(name).source.relative_to(rootdir.parents[2]).as_posix()]
        replayed = _replay(name)
        assert [caption for caption, _ in blocks] == [label for label, _ in replayed]
        for (_caption, text), (label, response) in zip(blocks, replayed, strict=True):
            body = text[text.index("\nHTTP/1.1 ") + 1 :]  # the request comes first
            status_line, *header_lines = body.split("\n\n", 1)[0].splitlines()
            assert status_line.startswith(f"HTTP/1.1 {response.status_code} "), (name, label, text)
            shown_headers = dict(line.split(": ", 1) for line in header_lines)
            real_headers = {k: normalise_header(k, v) for k, v in response.headers.items()}
            assert shown_headers == real_headers, (name, label)
            shown_body = body.split("\n\n", 1)[1] if "\n\n" in body else ""
            real_body = normalise(response.get_data(as_text=True)).rstrip("\n")
            assert shown_body.rstrip("\n") == real_body, (name, label)
            checked += 1
    assert checked >= len(PLAIN)
