"""The curl command under every card sends the request the card shows, to a real server too."""

from __future__ import annotations

import contextlib
import shlex
import subprocess
import sys
import threading

import pytest

from guide.curl import SERVER, curl_command
from guide.expectations import discover, load_example
from guide.runner import prepared, request_shown, run_example
from guide.servers import development_server

from .project import REPO
from .test_sphinxext import PLAIN

EXCHANGES = [(name, e) for name in discover(REPO) for e in load_example(name, REPO).exchanges]


def _parsed(command: str) -> tuple[str, str, list[str], str | None]:
    """What curl will send: (method, URL, -H values, body), read back from the command's words."""
    words = shlex.split(command.replace("\\\n", " "))
    assert words[0] == "curl"
    method, url, headers, body = "GET", None, [], None
    rest = iter(words[1:])
    for word in rest:
        if word == "-I":
            method = "HEAD"
        elif word == "-X":
            method = next(rest)
        elif word == "-H":
            headers.append(next(rest))
        elif word == "--data-binary":
            body = next(rest)
            method = "POST" if method == "GET" else method
        elif word == "-i":
            continue
        else:
            assert url is None, f"two URLs in {command!r}"
            url = word
    return method, url, headers, body


@pytest.mark.parametrize(("name", "exchange"), EXCHANGES, ids=[f"{n}/{e.name}" for n, e in EXCHANGES])
def test_the_command_sends_the_method_path_headers_and_body_shown(name, exchange) -> None:
    method, url, headers, body = _parsed(curl_command(exchange))
    shown_headers, shown_body = request_shown(exchange)
    assert method == exchange.method
    assert url == SERVER + exchange.path
    wanted = [f"{k}: {v}" for k, v in shown_headers.items()]
    if shown_body and not any(k.lower() == "content-type" for k in shown_headers):
        wanted.append("Content-Type:")  # curl would call the body a form; the request had no type
    assert headers == wanted
    assert body == (shown_body or None)


def _declares_more_than_it_sends(exchange) -> bool:
    headers, body = request_shown(exchange)
    declared = {k.lower(): v for k, v in headers.items()}.get("content-length")
    return declared is not None and int(declared) > len(body.encode())


def _curl(command: str, seconds: float) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["sh", "-c", f"{command} --silent --show-error --max-time {seconds}"], capture_output=True, text=True
    )


@pytest.fixture
def project_examples():
    """This project's ``examples`` package, importable for the test and forgotten after it.

    Other tests run throwaway projects with an ``examples`` package of their own in this process.
    """
    path = list(sys.path)
    yield
    for name in [name for name in sys.modules if name == "examples" or name.startswith("examples.")]:
        del sys.modules[name]
    sys.path[:] = path


@contextlib.contextmanager
def _served(example):
    """The example on Werkzeug's development server, threaded as under flask run: (port, debug)."""
    with prepared(example) as ready, development_server(ready.app, threaded=True) as server:
        thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
        thread.start()
        try:
            yield server.server_port, ready.app.debug
        finally:
            server.shutdown()
            thread.join()


def test_curl_gets_the_status_line_the_card_shows_from_a_real_server(project_examples) -> None:
    """Each example with no harness, served by Werkzeug's development server on 127.0.0.1."""
    checked = 0
    for name in PLAIN:
        example = load_example(name, REPO)
        run = run_example(example)
        with _served(load_example(name, REPO, "werkzeug")) as (port, debug):
            for exchange in example.exchanges:
                command = curl_command(exchange, f"http://127.0.0.1:{port}")
                if _declares_more_than_it_sends(exchange):
                    # The test client accepts the short body; a real server waits for the rest.
                    ran = _curl(command, seconds=0.5)
                    assert ran.returncode == 28, (name, exchange.name, ran.stdout)  # curl: timed out
                    continue
                ran = _curl(command, seconds=10)
                assert ran.returncode == 0, (name, exchange.name, ran.stderr)
                status_line = ran.stdout.splitlines()[0].strip()
                wanted = f"HTTP/1.1 {run.transcripts[exchange.name].status_line}"
                if debug:
                    continue  # served as flask run --debug serves it: Werkzeug's debugger
                assert status_line == wanted, (name, exchange.name)
                checked += 1
    assert checked > 60
