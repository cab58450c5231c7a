"""Malformed expectations are rejected with the file and line a contributor must open (E11)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from guide.expectations import ExpectationError, discover, load_example

GOOD_APP = "from flask import Flask\n\napp = Flask(__name__)\n"


def write_example(root: Path, name: str, spec: str | None, source: str = GOOD_APP) -> None:
    chapter, module = name.split(".")
    folder = root / "examples" / chapter
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{module}.py").write_text(source)
    if spec is not None:
        (folder / f"{module}.toml").write_text(textwrap.dedent(spec).lstrip())


def load_error(tmp_path: Path, spec: str | None, name: str = "chap.demo") -> str:
    write_example(tmp_path, name, spec)
    with pytest.raises(ExpectationError) as caught:
        load_example(name, tmp_path)
    return str(caught.value)


def test_a_good_file_loads(tmp_path: Path) -> None:
    write_example(
        tmp_path,
        "chap.demo",
        """
        [[exchange]]
        name = "home"
        request = "GET /?q=1"
        status = 404
        logs = [{ logger = "x", level = "ERROR", message = "boom", traceback = true }]
        """,
    )
    example = load_example("chap.demo", tmp_path)
    exchange = example.exchange("home")
    assert (exchange.method, exchange.path, exchange.status, exchange.line) == ("GET", "/?q=1", 404, 1)
    assert exchange.label == "GET /?q=1 -> 404"
    assert exchange.logs[0].traceback is True
    assert example.readable_id == "chap/demo"


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (
            """
            [[exchange]]
            request = "GET /"
            status = 200

            [[exchange]]
            request = "GET /x"
            stauts = 404
            """,
            "chap/demo.toml:7: unknown key 'stauts' in exchange 2 (did you mean 'status'?)",
        ),
        (
            """
            [[exchange]]
            request = "GET /"
            status = "404"
            """,
            "chap/demo.toml:3: 'status' in exchange 1 must be int, not str",
        ),
        (
            """
            [[exchange]]
            request = "FETCH /"
            status = 200
            """,
            "chap/demo.toml:2: request 'FETCH /' must be 'METHOD /path'",
        ),
        (
            """
            [[exchange]]
            request = "GET /"
            """,
            "chap/demo.toml:1: exchange must state 'status' (or 'raises')",
        ),
        (
            """
            [[exchange]]
            request = "GET /"
            status = 200
            text = "a"
            json = { a = 1 }
            """,
            "chap/demo.toml:5: give 'text' or 'json' for the body, not both",
        ),
        (
            """
            [[exchange]]
            request = "GET /"
            status = 500
            logs = [{ logger = "x", level = "LOUD", message = "m" }]
            """,
            "chap/demo.toml:4: log level 'LOUD' is not one of",
        ),
        (
            """
            [[exchange]]
            request = "GET /"
            status = 500
            logs = [{ logger = "x", message = "m" }]
            """,
            "chap/demo.toml:4: log record lacks level",
        ),
        (
            """
            [[exchange]]
            name = "a"
            request = "GET /"
            status = 200

            [[exchange]]
            name = "a"
            request = "GET /b"
            status = 200
            """,
            "chap/demo.toml:7: two exchanges are named 'a'",
        ),
        (
            """
            [[exchange]]
            request = "GET /"
            status = 200
            contains = [1]
            """,
            "chap/demo.toml:4: 'contains' must be a list of strings",
        ),
        (
            """
            [setup]
            message = "x"
            """,
            "chap/demo.toml:1: [setup] must name the exception it 'raises'",
        ),
        (
            """
            [[exchange]]
            request = "GET /"
            status = 200
            headers = { Allow = true }
            """,
            "chap/demo.toml:4: header 'Allow' must be a string or number, or false for 'absent'",
        ),
        ("title = 'nothing expected'\n", "chap/demo.toml:1: unknown key 'title' in the file"),
        ("", "chap/demo.toml:1: no [[exchange]], [[test]] or [setup]"),
        (
            """
            [[exchange]]
            request = "GET /"
            status = 200
            headers = { Allow = "GET"
            """,
            "chap/demo.toml:4: invalid TOML",
        ),
    ],
    ids=[
        "misspelt key",
        "wrong type",
        "bad request line",
        "no status",
        "text and json",
        "bad log level",
        "incomplete log record",
        "duplicate names",
        "non-string fragment",
        "setup without raises",
        "header true",
        "unknown top-level key",
        "nothing expected",
        "invalid toml",
    ],
)
def test_malformed_expectations_name_file_and_line(tmp_path: Path, spec: str, expected: str) -> None:
    message = load_error(tmp_path, spec)
    assert expected in message, message


def test_missing_example_and_missing_expectations(tmp_path: Path) -> None:
    with pytest.raises(ExpectationError, match=r"example 'chap.ghost' not found: no file .*chap/ghost.py"):
        load_example("chap.ghost", tmp_path)
    message = load_error(tmp_path, None)
    assert "example 'chap.demo' has no expectations: no file" in message
    assert message.endswith("chap/demo.toml")


def test_bad_example_name(tmp_path: Path) -> None:
    with pytest.raises(ExpectationError, match=r"must be 'chapter\.module'"):
        load_example("no-dots-here", tmp_path)


def test_discover_skips_private_modules(tmp_path: Path) -> None:
    write_example(tmp_path, "chap.visible", "")
    write_example(tmp_path, "chap._harness", None)
    (tmp_path / "examples" / "chap" / "__init__.py").write_text("")
    assert discover(tmp_path) == ["chap.visible"]


def test_an_expectation_can_depend_on_the_flask_version(tmp_path: Path) -> None:
    write_example(
        tmp_path,
        "chap.demo",
        """
        [[exchange]]
        request = "GET /"
        status = 200
        text = "new"

        [exchange.flask."<1.0"]
        status = 500
        text = "ancient"

        [exchange.flask.">=1.0"]
        text = "current"
        """,
    )
    exchange = load_example("chap.demo", tmp_path).exchanges[0]
    assert (exchange.status, exchange.text) == (200, "current")


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('[exchange.flask."three"]\nstatus = 1', "chap/demo.toml:1: 'three' is not a version specifier"),
        (
            '[exchange.flask."<3"]\nrequest = "GET /x"',
            "chap/demo.toml:1: flask.'<3' may not override request",
        ),
        ('[exchange.flask."<99"]\nstauts = 1', "unknown key 'stauts' in exchange 1"),
    ],
)
def test_bad_version_overrides(tmp_path: Path, table: str, expected: str) -> None:
    message = load_error(tmp_path, f'[[exchange]]\nrequest = "GET /"\nstatus = 200\n{table}\n')
    assert expected in message


def test_an_expectation_can_depend_on_the_server(tmp_path: Path) -> None:
    write_example(
        tmp_path,
        "chap.demo",
        """
        [[exchange]]
        request = "GET /"
        raises = "KeyError"

        [exchange.server.werkzeug]
        status = 500
        contains = ["Werkzeug Debugger"]

        [[exchange]]
        request = "PUT /upload"
        status = 400
        text = "cut short"

        [exchange.server.gunicorn]
        status = 201
        json = { size = 10 }
        """,
    )
    raised, upload = load_example("chap.demo", tmp_path).exchanges
    assert (raised.raises, raised.status, upload.status, upload.text) == ("KeyError", None, 400, "cut short")
    assert set(raised.on_servers) == {"werkzeug"}
    raised, upload = load_example("chap.demo", tmp_path, "werkzeug").exchanges
    # A status replaces the exception the test client raised; the rest of the exchange stays.
    assert (raised.raises, raised.status, raised.contains) == (None, 500, ("Werkzeug Debugger",))
    assert (upload.status, upload.text) == (400, "cut short")
    upload = load_example("chap.demo", tmp_path, "gunicorn").exchanges[1]
    # A JSON body replaces the text one.
    assert (upload.status, upload.text, upload.json) == (201, None, {"size": 10})


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "[exchange.server.waitress]\nstatus = 1",
            "chap/demo.toml:1: server 'waitress' is not one of werkzeug, gunicorn",
        ),
        ('[exchange.server.gunicorn]\nname = "x"', "chap/demo.toml:1: server.gunicorn may not override name"),
        ("[exchange.server.gunicorn]\nstauts = 1", "unknown key 'stauts' in exchange 1"),
    ],
)
def test_bad_server_overrides(tmp_path: Path, table: str, expected: str) -> None:
    message = load_error(tmp_path, f'[[exchange]]\nrequest = "GET /"\nstatus = 200\n{table}\n')
    assert expected in message


def test_temporary_folders_are_normalised_wherever_tmpdir_points(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    from guide.transcript import normalise

    odd = tmp_path / "ci" / ".nox" / "session" / "tmp"
    odd.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(odd))
    assert normalise(f"error in '{odd}/tmpab_12/journal.txt'") == "error in '/tmp/TMPDIR/journal.txt'"
    assert normalise("error in '/tmp/tmpxy/journal.txt'") == "error in '/tmp/TMPDIR/journal.txt'"


def test_project_and_temporary_folders_are_normalised_either_way_round(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    from guide.transcript import normalise

    project = tmp_path / "checkout"
    inside = project / ".nox" / "session" / "tmp"  # as nox sets TMPDIR
    inside.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(inside))
    assert normalise(f"{inside}/tmpab/journal.txt and {project}/examples", project) == (
        "/tmp/TMPDIR/journal.txt and /path/to/project/examples"
    )
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # a project inside the temporary folder
    assert normalise(f"{project}/examples/app.py", project) == "/path/to/project/examples/app.py"
