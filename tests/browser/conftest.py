"""Browser tests: Debian's Chromium, driven by Playwright, on the built site served from 127.0.0.1.

The browser is the one `chromium.py` finds (`nox -s browser` passes it as GUIDE_CHROMIUM).
One browser and one context serve every test (a second context has JavaScript off); each
test gets a fresh page that records console errors, uncaught exceptions, failed requests
and any request to another host.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path

import pytest
from browsersite import AXE_PATH, CHROMIUM, CHROMIUM_ARGS, SUBFOLDER, Recorder, watch
from sitepages import SITE, missing_languages, skip_unless_ready


def _unavailable() -> str | None:
    if reason := missing_languages():
        return reason
    if not CHROMIUM or not Path(CHROMIUM).is_file():
        return "no Chrome or Chromium: apt-get install chromium, or python -m playwright install chromium"
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed: run the tests with `nox -s browser`"
    return None


def pytest_collection_modifyitems(config, items):
    skip_unless_ready(items, Path(__file__).parent, _unavailable())


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site at / and again under SUBFOLDER, and axe at AXE_PATH; says nothing on stderr.

    Text files go out gzip-compressed when the browser asks, as a host sends them, so that the
    bytes a test counts are the bytes a reader would fetch.
    """

    COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = self.translate_path(self.path)
        if not (
            path.endswith(self.COMPRESSED)
            and os.path.isfile(path)
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        if path == AXE_PATH:
            from axe_playwright_python.base import AXE_FILE_PATH

            return str(AXE_FILE_PATH)
        if path.startswith(SUBFOLDER):
            path = "/" + path[len(SUBFOLDER) :]
        return super().translate_path(path)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def base_url():
    handler = functools.partial(_Handler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _context(browser, **options):
    context = browser.new_context(locale="en-US", **options)
    context.set_default_timeout(10_000)
    return context


@contextlib.contextmanager
def _watched_page(context, base_url):
    page = context.new_page()
    watch(page, base_url.rstrip("/"))
    yield page
    page.close()


@pytest.fixture(scope="session")
def context(browser, base_url):
    context = _context(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield context
    context.close()


@pytest.fixture
def page(context, base_url):
    with _watched_page(context, base_url) as page:
        yield page


@pytest.fixture(scope="session")
def context_without_scripts(browser):
    context = _context(browser, java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture
def page_without_scripts(context_without_scripts, base_url):
    """A page in a browser with JavaScript off: what a reader without scripts gets."""
    with _watched_page(context_without_scripts, base_url) as page:
        yield page


@pytest.fixture(scope="session")
def reused_page(context, base_url):
    """One page for the checks that only navigate and read: its recorder starts afresh for each."""
    with _watched_page(context, base_url) as page:
        yield page


@pytest.fixture
def visited(reused_page, base_url):
    reused_page.recorder = Recorder(origin=base_url.rstrip("/"))
    return reused_page
