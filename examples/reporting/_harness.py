"""Harness for the reporting examples: a clean Sentry client per example, and its events summarised.

``sentry_sdk.init()`` configures the whole process, not one app. The harness
makes sure no client is active before the example starts, and afterwards closes
the example's client and removes it, so the next example runs without Sentry.
What it shows of each event is a stable summary, not the whole payload (which
holds timestamps, ids, host names and the list of installed packages).

The failure lab uses ``sentry_started_here()``: its apps do not call
``sentry_sdk.init()`` themselves, so the harness does, as a process's entry
point would.
"""

from __future__ import annotations

import contextlib
import json
import re

import sentry_sdk
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


class SentryEvents:
    """After each exchange, the summary of each new event (none, if none came)."""

    def __init__(self, local_variables: bool = True) -> None:
        self.local_variables = local_variables
        self.shown: list[str] = []
        self.seen = 0

    def captured(self) -> dict[str, list[str]]:
        events = sentry_sdk.get_client().transport.events
        new = [_summary(event, self.local_variables) for event in events[self.seen :]]
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
