"""Where the built site is and what it holds; shared by the checks in tests/site/.

Run by `nox -s browser` after it has brought the build up to date. Run alone, they skip
when the site has not been built (unless GUIDE_SITE_REQUIRED is set, as nox sets it).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
LANGUAGES = {"en": "en", "zh_CN": "zh-CN", "zh_TW": "zh-TW", "pt": "pt"}
SITE_URL = os.environ.get("GUIDE_BASE_URL", "https://flask-errors.example.org/").rstrip("/") + "/"


def built_pages(language: str) -> list[str]:
    """Every HTML page of one language, relative to its folder (404.html included)."""
    folder = SITE / language
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if not path.relative_to(folder).parts[0].startswith("_")
    )
