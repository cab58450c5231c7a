"""Harness for the reporting examples: a clean Sentry client per example, and its events summarised.

``sentry_sdk.init()`` configures the whole process, not one app. The harness
makes sure no client is active before the example starts, and afterwards closes
the example's client and removes it, so the next example runs without Sentry.
What it shows of each event is a stable summary, not the whole payload (which
holds timestamps, ids, host names and the list of installed packages).

The failure lab uses ``sentry_started_here()``: its apps do not call
``sentry_sdk.init()`` themselves, so the harness does, as a process's entry
point would.

The production examples use ``sentry_with_details()`` and
``sentry_with_event_ids()``: their summaries add the release, the environment
and the request data each event carries, and the second adds the event id.
The SDK draws event ids from ``uuid.uuid4()``; both harnesses give it a
generator seeded afresh for each example, so that an id the app shows on a
page is the same in every run. Their test client sends a request's
``Cookie`` header as written, as a browser and the served runs do (with its
own cookie jar on, Werkzeug's test client replaces that header).
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import types
import uuid

import sentry_sdk
import sentry_sdk.client
from flask import Flask
from flask.testing import FlaskClient
from sentry_sdk.integrations.flask import FlaskIntegration

from examples.reporting.sentry_events import KeepInMemory

# Loopback ports differ between runs (the engine also normalises temporary folders).
_VOLATILE = [
    (re.compile(r"\b127\.0\.0\.1:\d+\b"), "127.0.0.1:PORT"),
]


def _stable(text: str) -> str:
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def _shown(value: object) -> str:
    """The SDK keeps each local variable as its repr(), or as a list or dict of reprs."""
    return value if isinstance(value, str) else json.dumps(value)


def _local_variables(exception: dict) -> str:
    """The innermost frame's local variables, as the SDK captured them (on by default)."""
    frame = exception["stacktrace"]["frames"][-1]
    found = ", ".join(f"{name} = {_shown(value)}" for name, value in frame.get("vars", {}).items())
    return f"locals in {frame['function']}(): {found or '(none)'}"


def _summary(event: dict, local_variables: bool) -> str:
    lines = []
    for exception in event.get("exception", {}).get("values", []):
        mechanism = exception.get("mechanism") or {}
        handled = "handled" if mechanism.get("handled") else "unhandled"
        lines.append(f"exception: {exception['type']}: {exception['value']}")
        lines.append(f"mechanism: {mechanism.get('type')} ({handled})")
        if local_variables:
            lines.append(_local_variables(exception))
    if "logentry" in event:
        lines.append(f"log record: {event['logentry']['formatted']}")
        lines.append(f"logger: {event.get('logger')}")
    request = event.get("request")
    url = f"{request['method']} {request['url']}" if request else "(none)"
    lines.append(f"transaction: {event.get('transaction', '(none)')}")
    lines.append(f"request: {url}")
    return _stable("\n".join(lines))


# Headers every client sends; the details show the others.
_CLIENT_HEADERS = {"host", "user-agent", "content-length", "content-type"}


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if value else "(none)"


def _detailed(event: dict, event_id: bool) -> str:
    """The summary, with the release, environment and request data around it."""
    lines = [f"event id: {event['event_id']}"] if event_id else []
    lines.append(f"release: {event.get('release')}")
    lines.append(f"environment: {event.get('environment')}")
    lines.append(_summary(event, local_variables=True))
    request = event.get("request") or {}
    headers = {k: v for k, v in request.get("headers", {}).items() if k.lower() not in _CLIENT_HEADERS}
    lines.append(f"headers: {_compact(headers)}")
    lines.append(f"cookies: {_compact(request.get('cookies'))}")
    lines.append(f"body: {_compact(request.get('data'))}")
    lines.append(f"user: {_compact(event.get('user'))}")
    return _stable("\n".join(lines))


class SentryEvents:
    """After each exchange, the summary of each new event (none, if none came)."""

    def __init__(self, local_variables: bool = True, details: bool = False, event_id: bool = False) -> None:
        self.local_variables = local_variables
        self.details = details
        self.event_id = event_id
        self.shown: list[str] = []
        self.seen = 0

    def summarise(self, event: dict) -> str:
        if self.details:
            return _detailed(event, self.event_id)
        return _summary(event, self.local_variables)

    def captured(self) -> dict[str, list[str]]:
        events = sentry_sdk.get_client().transport.events
        new = [self.summarise(event) for event in events[self.seen :]]
        self.seen = len(events)
        self.shown += new
        return {"Sentry events": self.shown}


@contextlib.contextmanager
def sentry_in_memory(local_variables: bool = True):
    """Run an example that calls ``sentry_sdk.init()`` with an in-memory transport."""
    sentry_sdk.get_global_scope().set_client(None)
    try:
        yield SentryEvents(local_variables)
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)


@contextlib.contextmanager
def sentry_started_here():
    """Start Sentry for an app that does not, with the settings of ``sentry_events.create_app()``.

    Local variables are left out of the summaries: in the lab they hold
    temporary paths and connections.
    """
    with sentry_in_memory(local_variables=False) as events:
        sentry_sdk.init(
            dsn="http://public@127.0.0.1/1",
            integrations=[FlaskIntegration()],
            auto_enabling_integrations=False,
            transport=KeepInMemory,
        )
        yield events


# sentry-sdk draws each event's id in sentry_sdk/client.py, _Client.capture_event:
# ``event["event_id"] = uuid.uuid4().hex``, through the ``uuid`` module that client.py
# imports; no option sets it. Checked on the 2.x line only: on another, stop and say so.
# tests/engine/test_seeded_event_ids.py shows that only the ids change.
SEEDED_IDS_CHECKED_ON = "2."


@contextlib.contextmanager
def _seeded_event_ids():
    """The SDK's event ids, drawn from a generator seeded for each example."""
    if not sentry_sdk.VERSION.startswith(SEEDED_IDS_CHECKED_ON):  # pragma: no cover - another sentry-sdk line
        raise RuntimeError(
            f"examples/reporting/_harness.py seeds event ids as sentry-sdk {SEEDED_IDS_CHECKED_ON}x draws "
            f"them; sentry-sdk {sentry_sdk.VERSION} is installed: check sentry_sdk/client.py capture_event"
        )
    drawn = random.Random(0)

    def uuid4() -> uuid.UUID:
        return uuid.UUID(int=drawn.getrandbits(128), version=4)

    real = sentry_sdk.client.uuid
    sentry_sdk.client.uuid = types.SimpleNamespace(uuid4=uuid4)
    try:
        yield
    finally:
        sentry_sdk.client.uuid = real


class _RawCookieClient(FlaskClient):
    """A test client without a cookie jar: the ``Cookie`` header goes as the exchange gives it."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["use_cookies"] = False
        super().__init__(*args, **kwargs)


@contextlib.contextmanager
def _production(event_id: bool):
    saved = Flask.test_client_class
    Flask.test_client_class = _RawCookieClient
    try:
        with _seeded_event_ids(), sentry_in_memory() as events:
            events.details = True
            events.event_id = event_id
            yield events
    finally:
        Flask.test_client_class = saved


@contextlib.contextmanager
def sentry_with_details():
    """Like ``sentry_in_memory()``, with the release, environment and request data of each event."""
    with _production(event_id=False) as events:
        yield events


@contextlib.contextmanager
def sentry_with_event_ids():
    """Like ``sentry_with_details()``, with each event's id as well."""
    with _production(event_id=True) as events:
        yield events
