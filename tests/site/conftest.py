"""Skip (or, under nox, fail) when the site has not been built."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitepages import LANGUAGES, SITE


def pytest_collection_modifyitems(config, items):
    missing = [lang for lang in LANGUAGES if not (SITE / lang / "index.html").is_file()]
    if not missing:
        return
    message = f"the site is not built for {', '.join(missing)}: run `nox -s docs` first"
    if os.environ.get("GUIDE_SITE_REQUIRED"):
        raise pytest.UsageError(message)
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.skip(reason=message))
