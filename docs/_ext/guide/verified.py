"""Which Flask versions each example was verified on, recorded by runs of ``nox -s examples``.

A record names the Flask and Werkzeug versions and, per example, the digest
of its inputs and whether all its exchanges passed. A record only counts for
an example whose inputs are unchanged since, so a page never claims a version
that its current examples were not run on.
"""

from __future__ import annotations

import json
from pathlib import Path

from .expectations import installed_version

VERIFIED = Path("_build") / "verified"  # the records' folder, in the project


def write_record(results: dict[str, tuple[str, bool]], folder: Path) -> Path:
    """Store ``{example: (digest, passed)}`` for the installed Flask."""
    flask, werkzeug = installed_version("flask"), installed_version("werkzeug")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"flask-{flask}.json"
    examples = {name: {"digest": digest, "passed": passed} for name, (digest, passed) in results.items()}
    path.write_text(json.dumps({"flask": flask, "werkzeug": werkzeug, "examples": examples}, indent=1))
    return path


def read_records(folder: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(folder.glob("flask-*.json"))]


def verified_versions(digests: dict[str, str], records: list[dict]) -> list[str]:
    """Flask versions on which every given example (name -> current digest) passed."""
    found = []
    for record in records:
        entries = {name: record["examples"].get(name) or {} for name in digests}
        if digests and all(e.get("passed") and e.get("digest") == digests[n] for n, e in entries.items()):
            found.append(record["flask"])
    return sorted(found, key=lambda v: tuple(int(x) for x in v.split(".") if x.isdigit()))
