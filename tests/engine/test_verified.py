"""A page claims a Flask version only if its current examples passed on it."""

from __future__ import annotations

from pathlib import Path

from guide.verified import read_records, verified_versions, write_record


def record(flask: str, examples: dict) -> dict:
    return {"flask": flask, "werkzeug": "x", "examples": examples}


def test_only_unchanged_and_passing_examples_count() -> None:
    digests = {"a.one": "d1", "a.two": "d2"}
    records = [
        record(
            "3.0.3", {"a.one": {"digest": "d1", "passed": True}, "a.two": {"digest": "d2", "passed": True}}
        ),
        record(
            "2.3.3", {"a.one": {"digest": "d1", "passed": True}, "a.two": {"digest": "d2", "passed": False}}
        ),
        record(
            "3.1.0", {"a.one": {"digest": "old", "passed": True}, "a.two": {"digest": "d2", "passed": True}}
        ),
        record("3.1.3", {"a.one": {"digest": "d1", "passed": True}}),
        record(
            "2.10.1", {"a.one": {"digest": "d1", "passed": True}, "a.two": {"digest": "d2", "passed": True}}
        ),
    ]
    assert verified_versions(digests, records) == ["2.10.1", "3.0.3"]
    assert verified_versions({}, records) == []


def test_records_round_trip(tmp_path: Path) -> None:
    path = write_record({"a.one": ("d1", True)}, tmp_path)
    assert path.name.startswith("flask-")
    (loaded,) = read_records(tmp_path)
    assert loaded["examples"] == {"a.one": {"digest": "d1", "passed": True}}
    assert verified_versions({"a.one": "d1"}, [loaded]) == [loaded["flask"]]
