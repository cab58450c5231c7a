"""Harness for the reporting examples: a clean Sentry client per example, and its events summarised.

``sentry_sdk.init()`` configures the whole process, not one app. The harness
makes sure no client is active before the example starts, and afterwards closes
the example's client and removes it, so the next example runs without Sentry.
What it shows of each event is a stable summary, not the whole payload (which
holds timestamps, ids, host names and the list of installed packages).
"""

from __future__ import annotations

import contextlib

import sentry_sdk


def _summary(event: dict) -> str:
    lines = []
    for exception in event.get("exception", {}).get("values", []):
        mechanism = exception.get("mechanism") or {}
        handled = "handled" if mechanism.get("handled") else "unhandled"
        lines.append(f"exception: {exception['type']}: {exception['value']}")
        lines.append(f"mechanism: {mechanism.get('type')} ({handled})")
    if "logentry" in event:
        lines.append(f"log record: {event['logentry']['formatted']}")
        lines.append(f"logger: {event.get('logger')}")
    request = event.get("request")
    url = f"{request['method']} {request['url']}" if request else "(none)"
    lines.append(f"transaction: {event.get('transaction', '(none)')}")
    lines.append(f"request: {url}")
    return "\n".join(lines)


class _SentryEvents:
    """After each exchange, one entry: the summary of each new event, or a note that none came."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.seen = 0

    def captured(self) -> dict[str, list[str]]:
        events = sentry_sdk.get_client().transport.events
        new = [_summary(event) for event in events[self.seen :]]
        self.seen = len(events)
        self.shown += new or ["(no event)"]
        return {"Sentry events": self.shown}


@contextlib.contextmanager
def sentry_in_memory():
    """Run an example that calls ``sentry_sdk.init()`` with an in-memory transport."""
    sentry_sdk.get_global_scope().set_client(None)
    try:
        yield _SentryEvents()
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)
