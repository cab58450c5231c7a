"""Whether a language's site is up to date, decided without starting Sphinx.

Once a language has built without a warning, its stamp records a digest of
everything the build could read and of every file it left behind. When
``nox -s docs`` runs again and both digests are still the same, that language
is not built at all. Otherwise Sphinx runs as usual and decides for itself
what to rebuild.

The inputs are deliberately more than Sphinx checks: every file of the pages,
the engine, the templates, the examples, the catalogs and the verified-with
records; the environment fingerprint (Python, every installed distribution,
the engine: ``guide.fingerprint``); the ``GUIDE_*`` settings; the command
line. Deleting or editing a built file counts as a change too.
Sphinx itself overlooks some of these; the static files and the extensions'
code make it rewrite every page (``website.freshness``). ``-E`` never skips.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from guide.fingerprint import environment

INPUT_FILES = ("conf.py", "pyproject.toml")
INPUT_FOLDERS = ("docs", "examples", "locales", "_build/verified")
# Made from other inputs: Python's bytecode, and the .mo catalogs Sphinx compiles from the .po ones.
DERIVED_SUFFIXES = (".pyc", ".mo")
ENVIRONMENT_PREFIXES = ("GUIDE_", "SOURCE_DATE_EPOCH")
FORCE_FLAGS = frozenset({"-E", "--fresh-env", "-a", "--write-all"})
STAMP_NAME = "guide-site-stamp.json"
# Written above the language folders by every language's build, the same each time:
# compared by content, since whichever build finishes last writes them.
SITE_ROOT_FILES = ("index.html", "sitemap.xml", "robots.txt", "404.html")


def _files(folder: Path) -> list[tuple[str, int, int]]:
    """Every file under ``folder``: its path, size and modification time (ns)."""
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in names:
            if name == STAMP_NAME or name.endswith(DERIVED_SUFFIXES):
                continue
            path = os.path.join(parent, name)
            info = os.stat(path)
            found.append((os.path.relpath(path, folder), info.st_size, info.st_mtime_ns))
    return sorted(found)


def _content(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


class Stamps:
    """The stamps of one project's languages; the inputs are read once for all of them."""

    def __init__(self, root: Path, extra: list[str]):
        self.build = root / "_build"
        self.forced = bool(FORCE_FLAGS & set(extra))
        shared = {
            "command": [arg for arg in extra if arg not in FORCE_FLAGS],
            "environment": environment(),
            "settings": {
                name: value for name, value in os.environ.items() if name.startswith(ENVIRONMENT_PREFIXES)
            },
            "files": {name: _files(root / name) for name in INPUT_FOLDERS},
        }
        for name in INPUT_FILES:
            info = os.stat(root / name) if (root / name).exists() else None
            shared["files"][name] = info and [info.st_size, info.st_mtime_ns]
        self._shared = _digest(shared)

    def _path(self, language: str) -> Path:
        return self.build / "doctrees" / language / STAMP_NAME

    def _now(self, language: str) -> dict[str, str]:
        html = self.build / "html"
        outputs = [
            _files(html / language),
            _files(self.build / "doctrees" / language),
            [_content(html / name) for name in SITE_ROOT_FILES],
        ]
        return {"inputs": _digest([self._shared, language]), "outputs": _digest(outputs)}

    def up_to_date(self, language: str) -> bool:
        if self.forced:
            return False
        try:
            recorded = json.loads(self._path(language).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return recorded == self._now(language)

    def record(self, language: str) -> None:
        """After ``language`` built without a warning: its inputs as they were at the start."""
        self._path(language).write_text(json.dumps(self._now(language)), encoding="utf-8")

    def forget(self, language: str) -> None:
        """After a failed build: the next run builds again, and fails again."""
        self._path(language).unlink(missing_ok=True)
