"""Transcripts: what really happened in one exchange, normalised for display.

Volatile details (timestamps, object addresses, the project's folder,
temporary and installation paths, ports, the order of headers and of
``Allow`` values, the Werkzeug debugger's secret and frame ids) are
normalised, so that the same app gives the same transcript on every machine,
in every checkout and in every process.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

_VOLATILE = [
    # Dates and times keep their shape (separator, fraction length), not their value.
    (
        re.compile(r"\d{4}-\d{2}-\d{2}([ T])\d{2}:\d{2}:\d{2}(?:([,.])(\d+))?"),
        lambda m: f"2026-01-01{m[1]}12:00:00" + (f"{m[2]}{'0' * len(m[3])}" if m[2] else ""),
    ),
    (
        re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} [\d:]{8} GMT"),
        "Thu, 01 Jan 2026 12:00:00 GMT",
    ),
    # An access log's time, as Werkzeug's development server and gunicorn write it.
    (re.compile(r"\[\d{2}/\w{3}/\d{4}[ :]\d{2}:\d{2}:\d{2}(?: [+-]\d{4})?\]"), "[01/Jan/2026 12:00:00]"),
    (re.compile(r"0x[0-9a-fA-F]{6,}"), "0x..."),
    (re.compile(r"(?:/private)?/tmp/(?:pytest-of-\w+/)?[\w-]+"), "/tmp/TMPDIR"),
    (re.compile(r"\b127\.0\.0\.1:\d+\b"), "127.0.0.1:PORT"),
    (re.compile(r"\blocalhost:\d+\b"), "localhost:PORT"),
    # Where a library is installed: the virtual environment and Python's version vary.
    (re.compile(r"(?:/[\w.+-]+)+/(?:site|dist)-packages/"), ".../site-packages/"),
    # Werkzeug's debugger page: a secret drawn for each process, and frames named by their id().
    (re.compile(r'\bSECRET = "[^"]*"'), 'SECRET = "..."'),
    (re.compile(r"\bframe-\d+"), "frame-ID"),
]
PROJECT = "/path/to/project"  # what the project's own folder is shown as


@functools.cache  # normalise() runs for every text of every exchange: resolve the path once
def _temp_folder_pattern(temporary: str) -> re.Pattern[str]:
    """A folder made under the temporary directory ``temporary``, wherever TMPDIR points."""
    roots = {temporary, os.path.realpath(temporary)}
    alternatives = "|".join(re.escape(root) for root in sorted(roots, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})/[\w.-]+")


def normalise(text: str, root: Path | None = None) -> str:
    """``text`` with its volatile details replaced, ``root`` (the project's folder) among them."""
    temporary = tempfile.gettempdir()

    def temporary_folder(text: str) -> str:
        return _temp_folder_pattern(temporary).sub("/tmp/TMPDIR", text)

    def project(text: str) -> str:
        return text if root is None else text.replace(str(root), PROJECT)

    # Of the two folders, the one inside the other goes first: nox keeps its temporary
    # folders in the project, pytest its test projects in a temporary folder.
    temporary_in_project = root is not None and Path(temporary).is_relative_to(root)
    for replace in (temporary_folder, project) if temporary_in_project else (project, temporary_folder):
        text = replace(text)
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


_FRAMES = re.compile(r"(Traceback \(most recent call last\):\n)(?:  .*\n)+")


def collapse_tracebacks(text: str) -> str:
    """Keep a traceback's first and last lines: its frames hold this machine's paths."""
    return _FRAMES.sub(r"\1  ...\n", text)


def normalise_header(name: str, value: str, root: Path | None = None) -> str:
    if name.lower() == "allow":
        return ", ".join(sorted(v.strip() for v in value.split(",")))
    return normalise(value, root)


@dataclass
class LoggedRecord:
    logger: str
    level: str
    message: str
    exception: str | None = None  # last line of the traceback, if one was attached

    def render(self) -> str:
        line = f"[{self.level}] {self.logger}: {self.message}"
        if self.exception:
            line += f"\n  Traceback (most recent call last): ...\n  {self.exception}"
        return line


@dataclass
class Transcript:
    """The request as sent and the response, log records and captures that came back."""

    request_line: str
    request_headers: dict[str, str] = field(default_factory=dict)
    request_body: str = ""
    status: int | None = None
    status_line: str = ""  # as the response carried it: "404 NOT FOUND" from Werkzeug
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: str = ""
    json: object = None
    is_json: bool = False
    logs: list[LoggedRecord] = field(default_factory=list)
    raised: str | None = None  # "ExcType: message" when the client call raised
    captured: dict = field(default_factory=dict)
    wsgi_errors: str = ""  # what was written to the WSGI error stream (Flask's default handler)
    stderr: str = ""  # what the app wrote to the process's stderr (a root StreamHandler, say)
    # What is shown otherwise than the app produced it: "body" (and then "Content-Length", given
    # for the body as displayed), the names of headers, "logs", "wsgi.errors", "stderr".
    normalised: list[str] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def render_logs(self) -> str:
        return "\n".join(record.render() for record in self.logs)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Transcript:
        data = dict(data)
        data["logs"] = [LoggedRecord(**r) for r in data.get("logs", [])]
        data["headers"] = [tuple(h) for h in data.get("headers", [])]
        return cls(**data)


@dataclass
class TestResult:
    """What one test of an example that is a pytest module did (``guide.suite``)."""

    __test__ = False  # a result, not a test class for pytest to collect

    outcome: str  # "passed", "failed" or "skipped", as pytest reports it
    message: str = ""  # the first line of pytest's account of the failure


@dataclass
class ExampleRun:
    """Everything one example did: its setup error, if any, and each exchange's transcript."""

    name: str
    setup_error: str | None = None  # "ExcType: message" raised while building the app
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    # Served runs only (guide.hostile): hostile requests sent, and what their answers gave away.
    hostile_sent: int = 0
    hostile: list[str] = field(default_factory=list)
    tests: dict[str, TestResult] = field(default_factory=dict)  # by test name: a pytest module's run

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "setup_error": self.setup_error,
            "transcripts": {k: t.to_dict() for k, t in self.transcripts.items()},
            "hostile_sent": self.hostile_sent,
            "hostile": self.hostile,
            "tests": {k: asdict(t) for k, t in self.tests.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> ExampleRun:
        return cls(
            data["name"],
            data["setup_error"],
            {k: Transcript.from_dict(t) for k, t in data["transcripts"].items()},
            data.get("hostile_sent", 0),
            data.get("hostile", []),
            {k: TestResult(**t) for k, t in data.get("tests", {}).items()},
        )
