"""The harness that seeds sentry-sdk's event ids changes the ids and nothing else."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest
import sentry_sdk.client

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


@pytest.fixture
def harness():
    """The repository's reporting harness, imported here and forgotten afterwards.

    The other engine tests build projects with an ``examples`` package of their own,
    which a cached import of the repository's would shadow.
    """
    before = set(sys.modules)
    yield importlib.import_module("examples.reporting._harness")
    for name in set(sys.modules) - before:
        if name == "examples" or name.startswith("examples."):
            del sys.modules[name]


def test_seeded_ids_change_only_the_ids(harness, monkeypatch) -> None:
    example = load_example("reporting.event_id_page", REPO)
    seeded = run_example(example)
    # The same run with the SDK's own random ids: _seeded_event_ids() then seeds nothing.
    monkeypatch.setattr(harness, "_seeded_event_ids", harness.contextlib.nullcontext)
    unseeded = run_example(example)
    assert sentry_sdk.client.uuid.__name__ == "uuid"  # put back after each run
    assert _shown(seeded) == _shown(unseeded)
    assert EVENT_ID.findall(seeded.transcripts["crash"].body) != EVENT_ID.findall(
        unseeded.transcripts["crash"].body
    )
