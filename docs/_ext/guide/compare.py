"""Compare a run with its expectations and explain every difference."""

from __future__ import annotations

import difflib
import json

from .expectations import Example, Exchange, LogSpec, TestSpec, relative
from .transcript import ExampleRun, LoggedRecord, Transcript, normalise, normalise_header


def _diff(label: str, expected: str, got: str) -> str:
    lines = difflib.unified_diff(expected.splitlines(), got.splitlines(), "expected", "got", lineterm="", n=2)
    return f"{label} differs:\n" + "\n".join("    " + line for line in lines)


def _log_matches(spec: LogSpec, record: LoggedRecord) -> bool:
    return (
        spec.logger == record.logger
        and spec.level == record.level
        and normalise(spec.message) == record.message
        and (spec.traceback is None or spec.traceback == (record.exception is not None))
        and (spec.exception is None or spec.exception in _type_names(record.exception))
    )


def _type_names(exception_line: str | None) -> set[str]:
    """``"sqlite3.OperationalError: ..."`` answers to its qualified and its bare name."""
    rendered = (exception_line or "").split(":")[0]
    return {rendered, rendered.rsplit(".", 1)[-1]} if rendered else set()


def _describe_spec(spec: LogSpec) -> str:
    extra = "" if spec.traceback is None else f" (traceback: {spec.traceback})"
    if spec.exception:
        extra += f" (exception: {spec.exception})"
    return f"[{spec.level}] {spec.logger}: {spec.message}{extra}"


def exchange_problems(exchange: Exchange, got: Transcript) -> list[str]:
    """Every way ``got`` differs from ``exchange``; empty when they agree."""
    problems: list[str] = []
    if exchange.raises or got.raised:
        raised_type = (got.raised or "").split(":")[0]
        if exchange.raises != raised_type:
            problems.append(
                f"expected the request to raise {exchange.raises or 'nothing'}, "
                f"got {got.raised or f'a {got.status} response'}"
            )
        return problems
    if exchange.status is not None and exchange.status != got.status:
        problems.append(f"status: expected {exchange.status}, got {got.status_line}")
    for name, value in exchange.headers.items():
        actual = got.header(name)
        if value is False:  # the header must be absent
            if actual is not None:
                problems.append(f"header {name}: expected none, got {actual!r}")
            continue
        wanted = normalise_header(name, str(value))
        if actual != wanted:
            problems.append(f"header {name}: expected {wanted!r}, got {actual!r}")
    if exchange.text is not None and normalise(exchange.text).rstrip("\n") != got.body.rstrip("\n"):
        problems.append(_diff("body", normalise(exchange.text), got.body))
    if exchange.has_json:
        if not got.is_json:
            problems.append(f"body: expected JSON, got {got.header('Content-Type')!r}: {got.body[:200]!r}")
        elif exchange.json != got.json:
            problems.append(
                _diff(
                    "JSON body",
                    json.dumps(exchange.json, indent=2, sort_keys=True),
                    json.dumps(got.json, indent=2, sort_keys=True),
                )
            )
    for fragment in exchange.contains:
        if normalise(fragment) not in got.body:
            problems.append(f"body lacks {fragment!r}; body was:\n    {got.body[:600]!r}")
    for fragment in exchange.excludes:
        if fragment in got.body:
            problems.append(f"body must not contain {fragment!r}, but does")
    problems += _log_problems(exchange.logs, got.logs)
    for stream, fragments, text in (
        ("wsgi.errors", exchange.wsgi_errors, got.wsgi_errors),
        ("stderr", exchange.stderr, got.stderr),
    ):
        for fragment in fragments:
            if normalise(fragment) not in text:
                problems.append(f"{stream} lacks {fragment!r}; it held:\n    {text[:600]!r}")
    for key, wanted in exchange.captured.items():
        actual = got.captured.get(key)
        if actual != wanted:
            problems.append(
                _diff(
                    f"captured {key!r}",
                    json.dumps(wanted, indent=2, sort_keys=True),
                    json.dumps(actual, indent=2, sort_keys=True),
                )
            )
    return problems


def _log_problems(specs: tuple[LogSpec, ...], records: list[LoggedRecord]) -> list[str]:
    """Records must be exactly the declared ones, in order: an undeclared record is a difference too."""
    ok = len(specs) == len(records) and all(map(_log_matches, specs, records))
    if ok:
        return []
    expected = "\n".join(_describe_spec(s) for s in specs) or "(no records)"
    got = "\n".join(r.render() for r in records) or "(no records)"
    return [_diff("log records", expected, got)]


def run_problems(example: Example, run: ExampleRun) -> dict[str, list[str]]:
    """Problems per exchange name ("setup" for the app's construction)."""
    found: dict[str, list[str]] = {}
    if example.setup is not None:
        setup_problems = _setup_problems(example, run)
        if setup_problems:
            found["setup"] = setup_problems
    for test in example.tests:
        problems = test_problems(test, run)
        if problems:
            found[test.name] = problems
    for exchange in example.exchanges:
        got = run.transcripts.get(exchange.name)
        if got is None:
            continue  # setup failed; reported above
        problems = exchange_problems(exchange, got)
        if problems:
            found[exchange.name] = problems
    return found


def test_problems(test: TestSpec, run: ExampleRun) -> list[str]:
    """How a test of a pytest module differs from what its [[test]] says."""
    got = run.tests.get(test.name)
    if got is None:
        why = f" ({run.setup_error})" if run.setup_error else ""
        return [f"pytest ran no test named {test.name!r}{why}"]
    problems = []
    if got.outcome != test.outcome:
        said = f": {got.message}" if got.message else ""
        problems.append(f"expected the test to have {test.outcome}, but it {got.outcome}{said}")
    elif test.message not in got.message:
        problems.append(f"expected its failure to say {test.message!r}, got {got.message!r}")
    return problems


def _setup_problems(example: Example, run: ExampleRun) -> list[str]:
    spec = example.setup
    if run.setup_error is None:
        return [f"expected building the app to raise {spec.raises}, but it succeeded"]
    raised_type, _, message = run.setup_error.partition(": ")
    if raised_type != spec.raises or spec.message not in message:
        return [f"expected {spec.raises} with {spec.message!r}, got {run.setup_error}"]
    return []


def report(example: Example, exchange_name: str, problems: list[str], pages: list[str]) -> str:
    """A failure message naming the page, the example, the exchange and the differences."""
    where = f"{relative(example.spec, example.root)}"
    what = "exchange building the app"
    test = example.test(exchange_name)
    if test is not None:
        where, what = f"{where}:{test.line}", f"test {test.name}"
    elif exchange_name != "setup":
        exchange = example.exchange(exchange_name)
        where, what = f"{where}:{exchange.line}", f"exchange {exchange.label}"
    documented = ", ".join(pages) if pages else "no page yet"
    body = "\n".join(f"  - {p}" for p in problems)
    return f"example {example.readable_id} ({where}), {what}, documented in {documented}:\n{body}"
