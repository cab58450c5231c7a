"""Browser tests: Debian's Chromium, driven by Playwright, on the built site served from 127.0.0.1.

Never `playwright install`: the browser is the system's (/usr/bin/chromium, or GUIDE_CHROMIUM).
One browser and one context serve every test; each test gets a fresh page that records
console errors, uncaught exceptions, failed requests and any request to another host.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
LANGUAGES = {"en": "en", "zh_CN": "zh-CN", "zh_TW": "zh-TW", "pt": "pt"}
CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SUBFOLDER = "/guide/"  # the site is also served here, as a host in a subfolder would


def built_pages(language: str) -> list[str]:
    folder = SITE / language
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if not path.relative_to(folder).parts[0].startswith("_")
    )


def _unavailable() -> str | None:
    missing = [lang for lang in LANGUAGES if not (SITE / lang / "index.html").is_file()]
    if missing:
        return f"the site is not built for {', '.join(missing)}: run `nox -s docs` first"
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM}: apt-get install chromium (or set GUIDE_CHROMIUM)"
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed: run the tests with `nox -s browser`"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _unavailable()
    if reason is None:
        return
    if os.environ.get("GUIDE_SITE_REQUIRED"):
        raise pytest.UsageError(reason)
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.skip(reason=reason))


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site at / and again under SUBFOLDER; says nothing on stderr."""

    def translate_path(self, path: str) -> str:
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


@pytest.fixture(scope="session")
def context(browser, base_url):
    context = browser.new_context(locale="en-US")
    context.set_default_timeout(10_000)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield context
    context.close()


@dataclass
class Recorder:
    """What a page did that a reader would not want: errors, and traffic to other hosts."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def request(self, request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if f"{url.scheme}://{url.netloc}" != self.origin:
            self.foreign.append(request.url)

    def problems(self) -> list[str]:
        return (
            [f"console error: {text}" for text in self.console_errors]
            + [f"uncaught: {text}" for text in self.page_errors]
            + [f"request failed: {url}" for url in self.failed]
            + [f"request to another host: {url}" for url in self.foreign]
        )


def watch(page, origin: str) -> Recorder:
    recorder = Recorder(origin=origin)
    page.on("console", lambda msg: msg.type == "error" and recorder.console_errors.append(msg.text))
    page.on("pageerror", lambda error: recorder.page_errors.append(str(error)))
    page.on("requestfailed", lambda request: recorder.failed.append(request.url))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and recorder.failed.append(f"{response.status} {response.url}")
        ),
    )
    page.on("request", recorder.request)
    return recorder


@pytest.fixture
def page(context, base_url):
    page = context.new_page()
    page.recorder = watch(page, base_url.rstrip("/"))
    yield page
    page.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()
