"""Find a Chrome or Chromium for the browser tests; run as a script, print its path (or nothing).

In this order: GUIDE_CHROMIUM; a Chromium or Chrome on PATH, or at the usual macOS place;
the one Playwright installed itself (`python -m playwright install chromium`).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# The headless shell first: it is the lighter build Playwright itself uses for headless runs.
ON_PATH = (
    "chromium-headless-shell",
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
)
MACOS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)


def system_browser() -> str | None:
    chosen = os.environ.get("GUIDE_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    for name in ON_PATH:
        if found := shutil.which(name):
            return found
    return next((path for path in MACOS if Path(path).is_file()), None)


def playwright_browser() -> str | None:
    """The Chromium Playwright downloaded, if it did (asking starts Playwright's driver)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if Path(path).is_file() else None


def find() -> str | None:
    return system_browser() or playwright_browser()


if __name__ == "__main__":
    found = find()
    if found:
        print(found)
    sys.exit(0 if found else 1)
