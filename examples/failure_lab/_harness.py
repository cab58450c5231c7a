"""Harnesses for the failure lab: each one builds the broken world an example meets.

Everything is real: a second SQLite connection that holds the write lock, a
file the kernel refuses to write (ENOSPC) or to open (EIO), sockets on 127.0.0.1
that answer badly, slowly or not at all. Temporary files live in a folder
that is removed afterwards; every network peer is on loopback.

Every harness also starts Sentry before the app is built, as the entry point of
a real process would, with the in-memory transport of the reporting chapter:
after each request it shows what an error aggregator would have received.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

from flask import Flask
from flask.testing import FlaskClient

from examples.reporting._harness import sentry_started_here


class _World:
    """What a harness hands the runner: arguments for ``create_app()``, and what Sentry received."""

    def __init__(self, events, **app_kwargs):
        self.events = events
        self.app_kwargs = app_kwargs

    def captured(self) -> dict[str, list]:
        return self.events.captured()


@contextlib.contextmanager
def _world(**app_kwargs):
    """Start Sentry, then hand the runner the app's arguments."""
    with sentry_started_here() as events:
        yield _World(events, **app_kwargs)


@contextlib.contextmanager
def sentry_only():
    """Nothing broken around the app: only Sentry, to see what a bug in the code sends."""
    with _world() as world:
        yield world


@contextlib.contextmanager
def locked_database():
    """A shop database in WAL mode while another connection holds its write lock (a long import, say)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "shop.db")
        other = sqlite3.connect(path, isolation_level=None)
        try:
            other.execute("PRAGMA synchronous=OFF")  # a throwaway file: skip the fsyncs
            other.execute("PRAGMA journal_mode=WAL")
            other.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT NOT NULL)")
            other.execute("INSERT INTO orders (item) VALUES ('kettle')")
            other.execute("BEGIN IMMEDIATE")  # the write lock, held until the example is done
            with _world(database=path) as world:
                yield world
        finally:
            other.close()


@contextlib.contextmanager
def _notes_folder(**links: str):
    """A notes folder in which some notebooks are symbolic links to somewhere else."""
    with tempfile.TemporaryDirectory() as folder:
        for notebook, target in links.items():
            os.symlink(target, os.path.join(folder, f"{notebook}.txt"))
        with _world(notes_dir=folder) as world:
            yield world


@contextlib.contextmanager
def full_disk():
    """The archive notebook lives on a full disk: /dev/full refuses every write with ENOSPC."""
    with _notes_folder(archive="/dev/full") as world:
        yield world


@contextlib.contextmanager
def failing_disk():
    """The journal notebook lives on a failing device: opening it fails with EIO.

    The device is a pseudo-terminal whose other end has hung up. Linux answers
    EIO to anyone who opens it again, the same error a dying disk gives.
    """
    controller, terminal = os.openpty()
    os.close(controller)
    try:
        with _notes_folder(journal=f"/proc/self/fd/{terminal}") as world:
            yield world
    finally:
        os.close(terminal)


class _ForecastService(BaseHTTPRequestHandler):
    """A stand-in forecast service: sunny in Paris, overloaded for Oslo, broken for Lima."""

    answers = {  # noqa: RUF012 - read-only table
        "/forecast/paris": (200, {"Content-Type": "application/json"}, {"city": "Paris", "sky": "sunny"}),
        "/forecast/oslo": (503, {"Retry-After": "30"}, {"error": "overloaded"}),
        "/forecast/lima": (500, {}, {"error": "KeyError: 'lima'"}),
    }

    def do_GET(self):
        status, headers, payload = self.answers[self.path]
        body = json.dumps(payload).encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        """Keep the test output quiet: the example's own log is what the reader looks at."""


@contextlib.contextmanager
def forecast_service():
    """A real HTTP server on 127.0.0.1, in a thread, answering from the table above."""
    server = HTTPServer(("127.0.0.1", 0), _ForecastService)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        with _world(forecast_service=f"127.0.0.1:{server.server_port}") as world:
            yield world
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextlib.contextmanager
def silent_service():
    """A socket that listens but never answers: the kernel accepts connections, nobody reads them."""
    with (
        socket.create_server(("127.0.0.1", 0)) as listener,
        _world(forecast_service=f"127.0.0.1:{listener.getsockname()[1]}") as world,
    ):
        yield world


@contextlib.contextmanager
def no_service():
    """A loopback port that is taken but not listening: connecting to it is refused, every time."""
    with socket.socket() as placeholder:
        placeholder.bind(("127.0.0.1", 0))
        with _world(forecast_service=f"127.0.0.1:{placeholder.getsockname()[1]}") as world:
            yield world


class _HangUpClient(FlaskClient):
    """Sends the ``Content-Length`` a request declares even when the body is shorter.

    Werkzeug's test client always recomputes the length from the body it is
    given. A real server passes on the client's header, then finds the socket
    closed before that many bytes arrived: this client recreates that.
    ``server_environ`` holds what the server adds to every request's environment.
    """

    server_environ: ClassVar[dict] = {}

    def open(self, *args, **kwargs):
        headers = dict(kwargs.pop("headers", None) or {})
        overrides = dict(self.server_environ)
        declared = headers.pop("Content-Length", None)
        if declared is not None:
            overrides["CONTENT_LENGTH"] = declared
        kwargs["environ_overrides"] = overrides
        return super().open(*args, headers=headers, **kwargs)


class _TerminatingServerClient(_HangUpClient):
    """The same, behind a server that promises to end the input stream itself."""

    server_environ: ClassVar[dict] = {"wsgi.input_terminated": True}


@contextlib.contextmanager
def _test_client_class(client_class: type[FlaskClient]):
    saved = Flask.test_client_class
    Flask.test_client_class = client_class
    try:
        with _world() as world:
            yield world
    finally:
        Flask.test_client_class = saved


@contextlib.contextmanager
def hang_up():
    """Clients that may hang up in the middle of their upload."""
    with _test_client_class(_HangUpClient) as world:
        yield world


@contextlib.contextmanager
def hang_up_input_terminated():
    """Clients that hang up, behind a server that sets ``wsgi.input_terminated``."""
    with _test_client_class(_TerminatingServerClient) as world:
        yield world
