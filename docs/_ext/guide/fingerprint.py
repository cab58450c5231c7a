"""The environment fingerprint: one digest of what, besides its own files, decides what a run shows.

Every persistent cache of the project is keyed on it (the transcripts, the
kept coverage, the site's build stamps): Python's version, every installed
distribution with its version, and the engine's own code. Installing,
upgrading or removing any package, or editing the engine, changes it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

from .inputs import engine_digest


def installed_distributions() -> list[str]:
    """Every distribution Python can import, with its version: the names of their .dist-info folders."""
    names = []
    for entry in sys.path:
        folder = Path(entry or ".")
        if folder.name in {"site-packages", "dist-packages"} and folder.is_dir():
            names += sorted(name for name in os.listdir(folder) if name.endswith(".dist-info"))
    return names


@functools.cache
def environment() -> str:
    """The fingerprint of this process's environment: read once, when first asked."""
    parts = [sys.version, *installed_distributions(), engine_digest()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]
