"""A page claims a Flask version only if its current examples passed on it."""

from __future__ import annotations

import json
from pathlib import Path

from guide.expectations import installed_version
from guide.verified import read_records, verified_versions, write_record

from .project import Project


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


def test_only_a_run_of_every_exchange_records_the_flask_version(tmp_path: Path) -> None:
    project = Project(tmp_path)
    record = tmp_path / "_build" / "verified" / f"flask-{installed_version('flask')}.json"
    for partial in (["--collect-only"], ["-k", "no such exchange"]):
        project.pytest(*partial)
        assert not record.exists(), partial
    assert project.pytest().returncode == 0
    assert json.loads(record.read_text())["examples"]["chap.demo"]["passed"] is True
    written = record.read_bytes()
    project.pytest("--collect-only")  # must not overwrite a full run's record with "not passed"
    assert record.read_bytes() == written
    project.edit("examples/chap/demo.toml", "status = 410", "status = 418")
    assert project.pytest().returncode == 1
    assert json.loads(record.read_text())["examples"]["chap.demo"]["passed"] is False
