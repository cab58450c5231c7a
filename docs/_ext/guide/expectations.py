"""Expectations: what each example must do, declared as data beside it.

An example ``examples/<chapter>/<name>.py`` of the project at ``root`` has
its expectations in ``examples/<chapter>/<name>.toml``. Loading validates
every key and reports problems as ``file:line: message`` so a contributor
knows what to open.
"""

from __future__ import annotations

import difflib
import functools
import re
import sys
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


@functools.cache
def installed_version(distribution: str) -> str:
    """The installed version of a distribution: asked for every exchange, read once a process."""
    return version(distribution)


class ExpectationError(Exception):
    """A malformed or missing expectation file; the message starts with file:line."""


@dataclass(frozen=True)
class LogSpec:
    logger: str
    level: str
    message: str
    traceback: bool | None = None  # None: not checked
    exception: str | None = None  # the type of the attached exception, such as "KeyError"


@dataclass(frozen=True)
class Exchange:
    """One request and everything that must come back from it."""

    name: str
    method: str
    path: str
    line: int
    send_json: object = None
    send_form: dict | None = None
    send_body: str | None = None
    send_headers: dict = field(default_factory=dict)
    status: int | None = None
    headers: dict = field(default_factory=dict)
    text: str | None = None
    json: object = None
    has_json: bool = False
    contains: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    logs: tuple[LogSpec, ...] = ()
    raises: str | None = None
    captured: dict = field(default_factory=dict)
    wsgi_errors: tuple[str, ...] = ()
    stderr: tuple[str, ...] = ()
    # What a real server answers otherwise, by server: the ``[exchange.server.<name>]`` tables.
    on_servers: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        """How people see the exchange: ``GET /api/user -> 400``."""
        outcome = self.raises if self.raises else str(self.status)
        return f"{self.method} {self.path} -> {outcome}"


@dataclass(frozen=True)
class SetupSpec:
    """An exception that building the app must raise."""

    raises: str
    message: str
    line: int


@dataclass(frozen=True)
class TestSpec:
    """A test of an example that is a pytest module: the outcome it must have."""

    __test__ = False  # an expectation, not a test class for pytest to collect
    name: str
    outcome: str  # "passed" or "failed"
    message: str  # a fragment of the failure's first line; "" for a test that passes
    line: int


@dataclass(frozen=True)
class Example:
    name: str  # "chapter.module", relative to the examples package
    root: Path  # the project: its examples/ package holds the example
    source: Path
    spec: Path
    exchanges: tuple[Exchange, ...]
    setup: SetupSpec | None = None
    harness: str | None = None
    server: str | None = None  # the real server the exchanges are expected from; None: the test client
    tests: tuple[TestSpec, ...] = ()  # a pytest module's tests (guide.suite), instead of exchanges

    @property
    def module(self) -> str:
        return f"examples.{self.name}"

    @property
    def readable_id(self) -> str:
        chapter, module = self.name.split(".")
        return f"{chapter.replace('_', '-')}/{module.replace('_', '-')}"

    def test(self, name: str) -> TestSpec | None:
        return next((test for test in self.tests if test.name == name), None)

    def exchange(self, name: str) -> Exchange:
        for exchange in self.exchanges:
            if exchange.name == name:
                return exchange
        known = ", ".join(e.name for e in self.exchanges) or "none"
        raise KeyError(f"example {self.name!r} has no exchange {name!r} (known: {known})")


# Allowed keys, with the type each must have.
EXCHANGE_KEYS: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "request": str,
    "send_json": (dict, list, str, int, float, bool),
    "send_form": dict,
    "send_body": str,
    "send_headers": dict,
    "status": int,
    "headers": dict,
    "text": str,
    "json": (dict, list, str, int, float, bool),
    "contains": list,
    "excludes": list,
    "logs": list,
    "raises": str,
    "captured": dict,
    "wsgi_errors": list,
    "stderr": list,
    "flask": dict,
    "server": dict,
}
# The real servers an exchange can be played on besides the test client (guide.servers).
SERVERS = ("werkzeug", "gunicorn")
TOP_KEYS = {"exchange": list, "setup": dict, "harness": str, "test": list}
TEST_KEYS = {"name": str, "outcome": str, "message": str}
OUTCOMES = ("passed", "failed")
SETUP_KEYS = {"raises": str, "message": str}
LOG_KEYS = {"logger": str, "level": str, "message": str, "traceback": bool, "exception": str}


class _Locator:
    """Finds the line of a key in a TOML file (tomllib keeps no positions).

    The files are flat by convention: top-level keys, a ``[setup]`` table and
    repeated ``[[exchange]]`` tables, so a line scan is exact enough.
    """

    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.exchange_lines = [i + 1 for i, line in enumerate(self.lines) if line.strip() == "[[exchange]]"]

    def block(self, index: int | None) -> tuple[int, int]:
        """First and last line (1-based) of exchange ``index``, or of the top level."""
        if index is None:
            return 1, (self.exchange_lines[0] - 1 if self.exchange_lines else len(self.lines))
        start = self.exchange_lines[index]
        later = [n for n in self.exchange_lines if n > start]
        return start, (later[0] - 1 if later else len(self.lines))

    def line_of(self, key: str | None, index: int | None = None) -> int:
        start, end = self.block(index)
        if key is not None:
            pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
            for number in range(start, end + 1):
                if pattern.match(self.lines[number - 1]):
                    return number
        return start

    def error(self, message: str, key: str | None = None, index: int | None = None):
        return ExpectationError(f"{self.path}:{self.line_of(key, index)}: {message}")


def _check_keys(found: dict, allowed: dict, where: str, loc: _Locator, index: int | None):
    for key, value in found.items():
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            known = ", ".join(sorted(allowed))
            raise loc.error(f"unknown key {key!r} in {where}{hint}; known keys: {known}", key, index)
        if not isinstance(value, allowed[key]) or (allowed[key] is int and isinstance(value, bool)):
            wanted = allowed[key]
            names = " or ".join(t.__name__ for t in wanted) if isinstance(wanted, tuple) else wanted.__name__
            raise loc.error(f"{key!r} in {where} must be {names}, not {type(value).__name__}", key, index)


def _log_spec(raw: object, loc: _Locator, index: int) -> LogSpec:
    if not isinstance(raw, dict):
        raise loc.error("each entry of 'logs' must be a table {logger, level, message}", "logs", index)
    _check_keys(raw, LOG_KEYS, "a log record", loc, index)
    missing = [k for k in ("logger", "level", "message") if k not in raw]
    if missing:
        raise loc.error(f"log record lacks {', '.join(missing)}", "logs", index)
    if raw["level"] not in LEVELS:
        raise loc.error(f"log level {raw['level']!r} is not one of {sorted(LEVELS)}", "logs", index)
    return LogSpec(raw["logger"], raw["level"], raw["message"], raw.get("traceback"), raw.get("exception"))


def _overrides(spec: str, overrides: object, loc: _Locator, index: int) -> dict:
    """A table of overrides, checked whether or not it applies to this run."""
    if not isinstance(overrides, dict):
        raise loc.error(f"{spec} must be a table of overrides", None, index)
    _check_keys(overrides, EXCHANGE_KEYS, f"exchange {index + 1}", loc, index)
    fixed = {"name", "request", "flask", "server"} & set(overrides)
    if fixed:
        raise loc.error(f"{spec} may not override {', '.join(sorted(fixed))}", None, index)
    return overrides


def _for_installed_flask(raw: dict, index: int, loc: _Locator, server: str | None) -> dict:
    """Apply the overrides that match: ``[exchange.flask."<3.0"]`` for the installed Flask,
    then ``[exchange.server.gunicorn]`` when the exchange is played on that server."""
    installed = Version(installed_version("flask"))
    merged = {k: v for k, v in raw.items() if k not in {"flask", "server"}}
    for spec, overrides in raw.get("flask", {}).items():
        try:
            matches = installed in SpecifierSet(spec)
        except InvalidSpecifier:
            raise loc.error(f'{spec!r} is not a version specifier (try "<3.0")', None, index) from None
        overrides = _overrides(f"flask.{spec!r}", overrides, loc, index)
        if matches:
            merged.update(overrides)
    for name, overrides in raw.get("server", {}).items():
        if name not in SERVERS:
            raise loc.error(f"server {name!r} is not one of {', '.join(SERVERS)}", None, index)
        overrides = _overrides(f"server.{name}", overrides, loc, index)
        if name == server:
            # Where the test client raises, a real server answers: its status replaces the
            # exception. A body given as text replaces one given as JSON, and the other way.
            for given, dropped in (("status", "raises"), ("text", "json"), ("json", "text")):
                if given in overrides and dropped not in overrides:
                    merged.pop(dropped, None)
            merged.update(overrides)
    return merged


def _exchange(raw: dict, index: int, loc: _Locator, server: str | None) -> Exchange:
    _check_keys(raw, EXCHANGE_KEYS, f"exchange {index + 1}", loc, index)
    on_servers = raw.get("server", {})
    raw = _for_installed_flask(raw, index, loc, server)
    _check_keys(raw, EXCHANGE_KEYS, f"exchange {index + 1}", loc, index)
    if "request" not in raw:
        raise loc.error("exchange lacks 'request' (for example: request = \"GET /\")", None, index)
    parts = raw["request"].split()
    if len(parts) != 2 or parts[0] not in METHODS or not parts[1].startswith("/"):
        raise loc.error(
            f"request {raw['request']!r} must be 'METHOD /path', METHOD one of {sorted(METHODS)}",
            "request",
            index,
        )
    if "status" not in raw and "raises" not in raw:
        raise loc.error("exchange must state 'status' (or 'raises')", None, index)
    if "text" in raw and "json" in raw:
        raise loc.error("give 'text' or 'json' for the body, not both", "json", index)
    for name, value in raw.get("headers", {}).items():
        if value is True or not isinstance(value, (str, int, bool)):
            raise loc.error(
                f"header {name!r} must be a string or number, or false for 'absent'", "headers", index
            )
    for key in ("contains", "excludes", "wsgi_errors", "stderr"):
        if not all(isinstance(item, str) for item in raw.get(key, [])):
            raise loc.error(f"{key!r} must be a list of strings", key, index)
    return Exchange(
        name=raw.get("name", str(index + 1)),
        method=parts[0],
        path=parts[1],
        line=loc.line_of(None, index),
        send_json=raw.get("send_json"),
        send_form=raw.get("send_form"),
        send_body=raw.get("send_body"),
        send_headers=raw.get("send_headers", {}),
        status=raw.get("status"),
        headers=raw.get("headers", {}),
        text=raw.get("text"),
        json=raw.get("json"),
        has_json="json" in raw,
        contains=tuple(raw.get("contains", ())),
        excludes=tuple(raw.get("excludes", ())),
        logs=tuple(_log_spec(item, loc, index) for item in raw.get("logs", [])),
        raises=raw.get("raises"),
        captured=raw.get("captured", {}),
        wsgi_errors=tuple(raw.get("wsgi_errors", ())),
        stderr=tuple(raw.get("stderr", ())),
        on_servers=on_servers,
    )


def source_path(name: str, root: Path) -> Path:
    return (root / "examples").joinpath(*name.split(".")).with_suffix(".py")


def load_example(name: str, root: Path, server: str | None = None) -> Example:
    """Load and validate the expectations of example ``chapter.module`` of the project at ``root``.

    With ``server`` (one of SERVERS), the exchanges are those expected when the
    app is served by that server; without, through Flask's test client.
    """
    if not NAME_RE.match(name):
        raise ExpectationError(
            f"example name {name!r} must be 'chapter.module' (for example 'api_errors.invalid_usage')"
        )
    source = source_path(name, root)
    spec = source.with_suffix(".toml")
    if not source.is_file():
        raise ExpectationError(f"example {name!r} not found: no file {relative(source, root)}")
    if not spec.is_file():
        raise ExpectationError(f"example {name!r} has no expectations: no file {relative(spec, root)}")
    status = spec.stat()
    return _parsed(name, root, source, spec, status.st_mtime_ns, status.st_size, server)


# The test run, the record of it and each docs build ask for the same examples many
# times: read each version of an expectations file once a process (an edit changes
# its time or size, and so the key).
@functools.cache
def _parsed(
    name: str, root: Path, source: Path, spec: Path, mtime_ns: int, size: int, server: str | None
) -> Example:
    text = spec.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"line (\d+)", str(err))
        line = match.group(1) if match else "1"
        raise ExpectationError(f"{relative(spec, root)}:{line}: invalid TOML: {err}") from None
    loc = _Locator(relative(spec, root), text)
    _check_keys(data, TOP_KEYS, "the file", loc, None)
    raw_exchanges = data.get("exchange", [])
    if not raw_exchanges and "setup" not in data and "test" not in data:
        raise loc.error("no [[exchange]], [[test]] or [setup]: an example must expect something")
    if raw_exchanges and "test" in data:
        raise loc.error("an example is an app with [[exchange]]s or a test module with [[test]]s, not both")
    tests = _tests(data.get("test", []), loc)
    exchanges = tuple(_exchange(raw, i, loc, server) for i, raw in enumerate(raw_exchanges))
    names = [e.name for e in exchanges]
    for i, exchange_name in enumerate(names):
        if names.index(exchange_name) != i:
            raise loc.error(f"two exchanges are named {exchange_name!r}", "name", i)
    setup = None
    if "setup" in data:
        raw = data["setup"]
        _check_keys(raw, SETUP_KEYS, "[setup]", loc, None)
        if "raises" not in raw:
            raise loc.error("[setup] must name the exception it 'raises'", None, None)
        setup_line = next((i + 1 for i, line in enumerate(loc.lines) if line.strip() == "[setup]"), 1)
        setup = SetupSpec(raw["raises"], raw.get("message", ""), setup_line)
    return Example(name, root, source, spec, exchanges, setup, data.get("harness"), server, tests)


def _tests(raw_tests: list, loc: _Locator) -> tuple[TestSpec, ...]:
    lines = [i + 1 for i, line in enumerate(loc.lines) if line.strip() == "[[test]]"]
    tests = []
    for index, raw in enumerate(raw_tests):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(raw, dict):
            raise loc.error(f"[[test]] number {index + 1} must be a table")
        _check_keys(raw, TEST_KEYS, f"[[test]] number {index + 1}", loc, None)
        if "name" not in raw or raw.get("outcome") not in OUTCOMES:
            raise ExpectationError(
                f"{loc.path}:{line}: a [[test]] needs a name and an outcome, one of {', '.join(OUTCOMES)}"
            )
        if raw["outcome"] == "failed" and not raw.get("message"):
            raise ExpectationError(f"{loc.path}:{line}: a test that must fail says how: give a message")
        if any(test.name == raw["name"] for test in tests):
            raise ExpectationError(f"{loc.path}:{line}: two tests are named {raw['name']!r}")
        tests.append(TestSpec(raw["name"], raw["outcome"], raw.get("message", ""), line))
    return tuple(tests)


def discover(root: Path) -> list[str]:
    """Every example name: each ``.py`` under examples/<chapter>/ but the packages' own."""
    names = []
    for path in sorted((root / "examples").glob("*/*.py")):
        if path.name.startswith("_"):
            continue
        names.append(f"{path.parent.name}.{path.stem}")
    return names


EXAMPLE_DIRECTIVE_RE = re.compile(r"^\s*[`:]{3,}\{example\}\s+(\S+)", re.MULTILINE)


def pages_by_example(root: Path) -> dict[str, list[str]]:
    """Which pages under docs/ show each example, read from the pages' directives."""
    found: dict[str, list[str]] = {}
    for page in sorted((root / "docs").rglob("*.md")):
        for match in EXAMPLE_DIRECTIVE_RE.finditer(page.read_text(encoding="utf-8")):
            found.setdefault(match.group(1), []).append(relative(page, root).as_posix())
    return found


def relative(path: Path, root: Path) -> Path:
    """``path`` as the project names it, when it is inside the project."""
    try:
        return path.relative_to(root)
    except ValueError:
        return path
