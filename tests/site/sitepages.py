"""Where the built site is and what it holds; shared by the checks in tests/site/.

Run by `nox -s browser` after it has brought the build up to date. Run alone, they skip
when the site has not been built (unless GUIDE_SITE_REQUIRED is set, as nox sets it).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
LANGUAGES = {"en": "en", "zh_CN": "zh-CN", "zh_TW": "zh-TW", "pt": "pt"}
PARSER = "lxml"  # several times faster than Python's html.parser on these pages
SITE_URL = os.environ.get("GUIDE_BASE_URL", "https://flask-errors.example.org/").rstrip("/") + "/"


def built_pages(language: str) -> list[str]:
    """Every HTML page of one language, relative to its folder (404.html included)."""
    folder = SITE / language
    if not folder.is_dir():
        return []  # collected before the site exists: the tests are skipped or fail below
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if not path.relative_to(folder).parts[0].startswith("_")
    )


@functools.cache
def parsed(lang: str, page: str) -> BeautifulSoup:
    """A built page, parsed once for every check that only reads it (none may change it)."""
    return BeautifulSoup((SITE / lang / page).read_text(encoding="utf-8"), PARSER)


def skip_unless_ready(items, folder: Path, reason: str | None) -> None:
    """Skip the tests under ``folder`` for ``reason``; under nox (GUIDE_SITE_REQUIRED) fail instead."""
    if reason is None:
        return
    if os.environ.get("GUIDE_SITE_REQUIRED"):
        raise pytest.UsageError(reason)
    for item in items:
        if Path(str(item.fspath)).is_relative_to(folder):
            item.add_marker(pytest.mark.skip(reason=reason))


def missing_languages() -> str | None:
    missing = [lang for lang in LANGUAGES if not (SITE / lang / "index.html").is_file()]
    if missing:
        return f"the site is not built for {', '.join(missing)}: run `nox -s docs` first"
    return None
