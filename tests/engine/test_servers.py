"""The examples over real HTTP: what came off the socket, per-server expectations, the serve command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from guide.expectations import load_example
from guide.servers import free_port, run_served

from .project import Project

UPLOAD_APP = """
from flask import Flask, request


def create_app():
    app = Flask(__name__)

    @app.put("/upload")
    def upload():
        return {"size": len(request.get_data())}, 201

    @app.get("/fail")
    def fail():
        raise KeyError("march")

    return app
"""
UPLOAD_SPEC = """
[[exchange]]
name = "short"
request = "PUT /upload"
send_headers = { Content-Length = "100" }
send_body = "0123456789"
# The test client sends the body's own length; gunicorn ends the stream after the ten bytes.
status = 201
contains = ['"size":10']

[exchange.server.werkzeug]
status = 400
contains = ["<title>400 Bad Request</title>"]

[[exchange]]
name = "fail"
request = "GET /fail"
status = 500
logs = [{ logger = "examples.chap.upload", level = "ERROR", message = "Exception on /fail [GET]" }]
wsgi_errors = ["ERROR in app: Exception on /fail [GET]", "KeyError: 'march'"]
"""


@pytest.fixture
def upload(project: Project) -> Project:
    project.write("examples/chap/upload.py", UPLOAD_APP)
    project.write("examples/chap/upload.toml", UPLOAD_SPEC)
    project.write("docs/index.md", "# Demo\n\n```{example} chap.demo\n```\n\n```{example} chap.upload\n```\n")
    return project


@pytest.mark.parametrize("server", ["werkzeug", "gunicorn"])
def test_each_server_passes_its_own_expectations(upload: Project, server: str) -> None:
    result = upload.pytest("--examples-server", server)
    assert result.returncode == 0, result.output
    assert "7 passed" in result.output  # 5, and hostile input to each of the two examples


def test_the_transcript_is_what_came_off_the_socket(upload: Project) -> None:
    run = run_served(load_example("chap.demo", upload.root, "werkzeug"))
    gone = run.transcripts["gone"]
    assert gone.status_line == "410 GONE"  # the reason phrase as Werkzeug wrote it, not a table's
    assert gone.header("Server").startswith("Werkzeug/")
    assert gone.logs == []  # the development server's access line is not the app's record
    failed = run_served(load_example("chap.upload", upload.root, "werkzeug")).transcripts["fail"]
    assert failed.wsgi_errors == failed.stderr  # a real server's error stream is its stderr
    assert "KeyError: 'march'" in failed.stderr


def test_a_server_answer_that_differs_fails_naming_the_file_and_line(upload: Project) -> None:
    upload.edit(
        "examples/chap/upload.toml",
        "[exchange.server.werkzeug]\nstatus = 400",
        "[exchange.server.werkzeug]\nstatus = 413",
    )
    result = upload.pytest("--examples-server", "werkzeug", "-k", "upload and PUT")
    assert result.returncode == 1
    assert "examples/chap/upload.toml:2" in result.output
    assert "status: expected 413, got 400 BAD REQUEST" in result.output


def test_gunicorn_that_cannot_build_the_app_says_why(upload: Project) -> None:
    upload.edit(
        "examples/chap/upload.py", "def create_app():", "import no_such_module\n\n\ndef create_app():"
    )
    result = upload.pytest("--examples-server", "gunicorn", "-k", "upload")
    assert result.returncode == 1
    assert "examples/chap/upload.py:5: example 'chap.upload' failed to import" in result.output
    assert "No module named 'no_such_module'" in result.output


LEAKY_APP = """
from flask import Flask, request


def create_app():
    app = Flask(__name__)

    @app.get("/hello")
    def hello():
        return f"<p>Hello, {request.args.get('id', 'you')}</p>"  # echoed as it came

    return app
"""


@pytest.mark.parametrize("server", ["werkzeug", "gunicorn"])
def test_hostile_input_finds_what_an_answer_gives_away(project: Project, server: str) -> None:
    project.write("examples/chap/leaky.py", LEAKY_APP)
    project.write("examples/chap/leaky.toml", '[[exchange]]\nrequest = "GET /hello?name=Ada"\nstatus = 200\n')
    result = project.pytest("--examples-server", server, "-k", "leaky and hostile")
    assert result.returncode == 1
    assert f"example chap/leaky (examples/chap/leaky.py), hostile input on {server}:" in result.output
    assert (
        "script in the query to /hello: the answer holds <script>alert(1)</script> as it was sent"
        in result.output
    )
    problems = {line for line in result.output.splitlines() if line.startswith("  - ")}
    assert len(problems) == 1, problems  # nothing else gives anything away
    assert "no HTTP answer" not in result.output and "got no answer" not in result.output


def test_hostile_input_to_a_careful_app_finds_nothing(upload: Project) -> None:
    result = upload.pytest("--examples-server", "werkzeug", "-k", "hostile")
    assert result.returncode == 0, result.output
    assert "2 passed" in result.output


NOTED_APP = """
from flask import Flask


def create_app(notes):
    app = Flask(__name__)

    @app.get("/fail")
    def fail():
        notes.append("fail was called")
        raise KeyError("march")

    return app
"""
NOTES_HARNESS = """
import contextlib


class Notes:
    def __init__(self):
        self.notes = []
        self.app_kwargs = {"notes": self.notes}

    def captured(self):
        return {"Notes": self.notes}


@contextlib.contextmanager
def notebook():
    \"\"\"A list the app writes notes to.\"\"\"
    yield Notes()
"""


def test_the_serve_command_prints_curl_and_captures_and_stops_on_ctrl_c(upload: Project) -> None:
    upload.write("examples/chap/noted.py", NOTED_APP)
    upload.write(
        "examples/chap/noted.toml",
        'harness = "notebook"\n\n[[exchange]]\nrequest = "GET /fail"\nstatus = 500\n',
    )
    upload.write("examples/chap/_harness.py", NOTES_HARNESS)
    port = free_port()
    engine = str(Path(__file__).resolve().parents[2] / "docs" / "_ext")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(upload.root), engine])}
    serve = subprocess.Popen(
        [sys.executable, "-m", "guide.serve", "chap.noted", "--port", str(port)],
        cwd=upload.root,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # A read that waits for a line the command never prints must fail the test, not hang the run:
    # killing the command ends its output, so the read returns and the assertion shows what came.
    watchdog = threading.Timer(60, serve.kill)
    watchdog.start()
    try:
        lines = [serve.stdout.readline() for _ in range(6)]
        url = f"http://127.0.0.1:{port}"
        assert (
            lines[0]
            == f"chap.noted: examples/chap/noted.py, served by Werkzeug's development server at {url}/\n"
        )
        assert lines[1] == "Services: A list the app writes notes to.\n"
        assert lines[3:5] == ["# 1: GET /fail -> 500\n", f"curl -i {url}/fail\n"]
        serve.stdout.readline()  # what is shown below
        with pytest.raises(urllib.request.HTTPError):
            urllib.request.urlopen(f"{url}/fail", timeout=10)
        assert serve.stdout.readline() == "--- GET /fail: Notes\n"
        assert serve.stdout.readline() == "  fail was called\n"
    finally:
        watchdog.cancel()
        serve.send_signal(signal.SIGINT)
        out, err = serve.communicate(timeout=20)
    assert serve.returncode == 0, err
    assert out.rstrip().endswith("Stopped: the server and its services are shut down.")
    # The app's own output reaches the terminal as under flask run: the traceback, the request line.
    assert "KeyError: 'march'" in err
    assert "GET /fail HTTP/1.1" in err


def test_what_counts_as_giving_something_away() -> None:
    from guide.hostile import _leaks

    answer = 'Traceback (most recent call last):\n  File "/srv/app/views.py", line 3\n'
    answer += "KeyError: 7 s3cret 127.0.0.1:8000"
    found = _leaks(answer, "s3cret", names_classes=False)
    assert set(found) == {
        "Traceback (most recent call last)",
        'File "/srv/app/views.py", line 3',
        "127.0.0.1:8000",
        "KeyError",
        "the SECRET_KEY",
    }
    assert _leaks("a path: /srv/app/views.py", "s3cret", names_classes=False) == ["/srv/app/views.py"]
    # Reason phrases and one-word class names are English words: "403 Forbidden" gives nothing away.
    assert _leaks("<title>403 Forbidden</title> Exception", "s3cret", names_classes=False) == []
    assert _leaks("BadRequest, code 400", "s3cret", names_classes=True) == []
