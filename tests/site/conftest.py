"""Skip (or, under nox, fail) when the site has not been built."""

from __future__ import annotations

from pathlib import Path

from sitepages import missing_languages, skip_unless_ready


def pytest_collection_modifyitems(config, items):
    skip_unless_ready(items, Path(__file__).parent, missing_languages())
