"""Real HTTP: an example's app served on 127.0.0.1, and each exchange sent to it over a socket.

Two servers, as readers run the examples: Werkzeug's development server
(what ``flask run`` starts), in this process, and gunicorn, in a process of
its own (``guide.gunicorn_worker``). Either way the app is built inside its
harness exactly as for the test client (``runner.prepared``), and the
exchange's transcript holds the bytes that came back over the socket, with
the log records, stderr and harness captures of that request.

On a real server the WSGI error stream is the server's stderr, so a
transcript's ``wsgi_errors`` and ``stderr`` hold the same text.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import secrets
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from werkzeug.debug import DebuggedApplication
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Response

from . import hostile
from .expectations import Example, Exchange, relative
from .runner import ExampleError, Prepared, new_transcript, prepared, record_response, request_shown
from .transcript import ExampleRun, LoggedRecord, Transcript

ANSWER_WITHIN = 10.0  # seconds a server may take to answer one request (or to start)
HOST = "127.0.0.1"


class _Received(Response):
    """A response read off the socket: its Content-Length is the server's, even for HEAD."""

    automatically_set_content_length = False


def declared_length(exchange: Exchange) -> int | None:
    headers, _ = request_shown(exchange)
    value = {name.lower(): value for name, value in headers.items()}.get("content-length")
    return None if value is None else int(value)


def send(port: int, exchange: Exchange, root: Path) -> Transcript:
    """Send the exchange's request as the card shows it; the response as it came off the socket.

    A request that declares a longer ``Content-Length`` than its body sends
    the body, then closes its half of the connection: a client that hung up
    in the middle of its upload.
    """
    transcript = new_transcript(exchange)
    headers, body = request_shown(exchange)
    data = body.encode()
    connection = http.client.HTTPConnection(HOST, port, timeout=ANSWER_WITHIN)
    try:
        connection.putrequest(exchange.method, exchange.path, skip_host=True, skip_accept_encoding=True)
        if not any(name.lower() == "host" for name in headers):
            # The Host the test client sends, so that a URL the app builds is the same either way.
            connection.putheader("Host", "localhost")
        for name, value in headers.items():
            connection.putheader(name, value)
        declared = declared_length(exchange)
        if declared is None and (data or exchange.method in {"POST", "PUT", "PATCH"}):
            connection.putheader("Content-Length", str(len(data)))
        connection.endheaders(data or None)
        if declared is not None and declared > len(data):
            connection.sock.shutdown(socket.SHUT_WR)
        answer = connection.getresponse()
        received = _Received(
            answer.read(), status=f"{answer.status} {answer.reason}", headers=answer.getheaders()
        )
    except (OSError, http.client.HTTPException) as exc:
        transcript.raised = f"{type(exc).__name__}: {exc}"
    else:
        record_response(transcript, received, root)
    finally:
        connection.close()
    return transcript


def _same_stream(transcript: Transcript) -> None:
    transcript.wsgi_errors = transcript.stderr
    if "stderr" in transcript.normalised:
        transcript.normalised.append("wsgi.errors")


def run_served(example: Example) -> ExampleRun:
    """Play every exchange over HTTP on ``example.server``, then the hostile requests
    (``guide.hostile``); raises ExampleError if the example cannot run."""
    secret = secrets.token_hex(16)  # the app's SECRET_KEY, which no answer may show
    if example.server == "gunicorn":
        return _run_on_gunicorn(example, secret)
    run = ExampleRun(example.name)
    with prepared(example) as ready:
        if isinstance(ready, str):
            run.setup_error = ready
            return run
        ready.app.config["SECRET_KEY"] = secret
        with development_server(ready.app) as server:
            for exchange in example.exchanges:
                ready.begin()
                transcript = one_request(server, exchange, example.root)
                ready.finish(transcript, server_loggers=("werkzeug",))
                _same_stream(transcript)
                run.transcripts[exchange.name] = transcript
            run.hostile_sent, run.hostile = hostile.check(
                example, server.server_port, ready.app.debug, secret, server.handle_request
            )
    return run


class _HTTP11Handler(WSGIRequestHandler):
    """HTTP/1.1, as ``flask run`` speaks it: its server is threaded, and Werkzeug then upgrades."""

    protocol_version = "HTTP/1.1"


@contextlib.contextmanager
def development_server(app, port: int = 0, threaded: bool = False) -> Iterator:
    """Werkzeug's development server on a loopback port (0: a free one), as ``flask run`` starts it.

    In debug mode ``flask run`` serves the app through Werkzeug's debugger, and so does this.
    The checks use one thread, so that each request is over before the next is sent.
    """
    served = DebuggedApplication(app, evalex=True) if app.debug else app
    server = make_server(HOST, port, served, threaded=threaded, request_handler=_HTTP11Handler)
    server.timeout = ANSWER_WITHIN
    try:
        yield server
    finally:
        server.server_close()


def one_request(server, exchange: Exchange, root: Path) -> Transcript:
    """The server handles exactly one request, in a thread, while this one sends it."""
    handler = threading.Thread(target=server.handle_request)
    handler.start()
    try:
        return send(server.server_port, exchange, root)
    finally:
        handler.join()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _engine_path() -> str:
    """What a child process needs on its path to import the engine."""
    return str(Path(__file__).resolve().parents[1])


@contextlib.contextmanager
def gunicorn_process(
    example: Example, port: int, report: bool, secret_key: str | None = None, observed: bool = True
) -> Iterator:
    """gunicorn serving the example in its harness; yields the process, the worker's reports
    (a file, or None) and gunicorn's own output.

    That output goes to a temporary file, shown when it fails to start.
    Without ``observed`` it goes to this process's terminal, and the app's
    stderr with it (``runner.prepared``).
    """
    reading, writing = os.pipe() if report else (None, None)
    command = [sys.executable, "-m", "guide.gunicorn_worker", example.name, str(port)]
    if writing is not None:
        command += ["--reports", str(writing)]
    if not observed:
        command.append("--unobserved")
    environment = dict(os.environ)
    if secret_key is not None:
        environment["GUIDE_SECRET_KEY"] = secret_key  # not on the command line, where ps shows it
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(example.root), _engine_path(), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        process = subprocess.Popen(
            command,
            cwd=example.root,
            env=environment,
            stdout=None if not observed else output,
            stderr=None if not observed else output,
            pass_fds=() if writing is None else (writing,),
        )
        if writing is not None:
            os.close(writing)
        reports = None if reading is None else os.fdopen(reading, encoding="utf-8")
        try:
            yield process, reports, output
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(ANSWER_WITHIN)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if reports is not None:
                reports.close()


def next_report(reports, process, output, example: Example) -> dict:
    """The worker's next line; if none comes in time, what gunicorn printed, as an ExampleError."""
    ready, _, _ = select.select([reports], [], [], ANSWER_WITHIN)
    line = reports.readline() if ready else ""
    if line:
        return json.loads(line)
    output.seek(0)
    printed = output.read().strip() or "(nothing)"
    state = "exited" if process.poll() is not None else "did not report"
    where = relative(example.spec, example.root)
    raise ExampleError(f"{where}:1: gunicorn serving {example.name!r} {state}; it printed:\n{printed}")


def _run_on_gunicorn(example: Example, secret: str) -> ExampleRun:
    run = ExampleRun(example.name)
    port = free_port()
    with gunicorn_process(example, port, report=True, secret_key=secret) as (process, reports, output):
        first = next_report(reports, process, output, example)
        if "error" in first:
            raise ExampleError(first["error"])
        if "setup_error" in first:
            run.setup_error = first["setup_error"]
            return run
        for exchange in example.exchanges:
            transcript = send(port, exchange, example.root)
            if transcript.raised is None:
                after = next_report(reports, process, output, example)
                transcript.logs = [LoggedRecord(**record) for record in after["logs"]]
                transcript.stderr = after["stderr"]
                transcript.captured = after["captured"]
                transcript.normalised += after["normalised"]
            _same_stream(transcript)
            run.transcripts[exchange.name] = transcript
        # The worker reports on every hostile request that reaches the app: nobody reads those.
        drain = threading.Thread(target=reports.read, daemon=True)
        drain.start()
        run.hostile_sent, run.hostile = hostile.check(example, port, first["debug"], secret)
    return run


def worker_report(ready: Prepared, request_line: str) -> dict:
    """After a request: what it left behind (log records, stderr, captures), as plain data."""
    transcript = Transcript(request_line=request_line)
    ready.finish(transcript, server_loggers=("gunicorn.access",))
    ready.begin()
    return {
        "request": request_line,
        "logs": [record.__dict__ for record in transcript.logs],
        "stderr": transcript.stderr,
        "captured": transcript.captured,
        "normalised": transcript.normalised,
    }
