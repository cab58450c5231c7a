"""The harness that seeds sentry-sdk's event ids changes the ids and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import sentry_sdk.client

from examples.reporting import _harness
from guide.expectations import load_example
from guide.runner import run_example

REPO = Path(__file__).resolve().parents[2]
EVENT_ID = re.compile(r"\b[0-9a-f]{32}\b")


def _numbered(text: str) -> str:
    ids: dict[str, str] = {}
    return EVENT_ID.sub(lambda found: ids.setdefault(found[0], f"<id {len(ids)}>"), text)


def _shown(run) -> list[str]:
    """Each exchange's body and captures, with every event id replaced by the order it came in."""
    shown = []
    for transcript in run.transcripts.values():
        text = transcript.body + "\n" + "\n".join(map(str, transcript.captured.get("Sentry events", [])))
        shown.append(_numbered(text))
    return shown


def test_seeded_ids_change_only_the_ids(monkeypatch) -> None:
    example = load_example("reporting.event_id_page", REPO)
    seeded = run_example(example)
    # The same run with the SDK's own random ids: _seeded_event_ids() then seeds nothing.
    monkeypatch.setattr(_harness, "_seeded_event_ids", _harness.contextlib.nullcontext)
    unseeded = run_example(example)
    assert sentry_sdk.client.uuid.__name__ == "uuid"  # put back after each run
    assert _shown(seeded) == _shown(unseeded)
    assert EVENT_ID.findall(seeded.transcripts["crash"].body) != EVENT_ID.findall(
        unseeded.transcripts["crash"].body
    )
