"""Shared by the browser tests: where the site is, the browser to use, and a page recorder.

The fixtures that use them, and why the browser is the system's, are in conftest.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import chromium

CHROMIUM = os.environ.get("GUIDE_CHROMIUM") or chromium.find()  # nox -s browser sets it
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SUBFOLDER = "/guide/"  # the site is also served here, as a host in a subfolder would


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

    def request_failed(self, request) -> None:
        # The next navigation cancels requests still in flight (a favicon, say): that is the
        # test moving on, not a broken page. A missing file still fails as a >= 400 response.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url} ({request.failure})")

    def problems(self) -> list[str]:
        return (
            [f"console error: {text}" for text in self.console_errors]
            + [f"uncaught: {text}" for text in self.page_errors]
            + [f"request failed: {url}" for url in self.failed]
            + [f"request to another host: {url}" for url in self.foreign]
        )


def watch(page, origin: str) -> Recorder:
    """Record what ``page`` does into ``page.recorder``; a new Recorder there starts afresh."""
    page.recorder = Recorder(origin=origin)
    page.on("console", lambda msg: msg.type == "error" and page.recorder.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.recorder.page_errors.append(str(error)))
    page.on("requestfailed", lambda request: page.recorder.request_failed(request))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and page.recorder.failed.append(f"{response.status} {response.url}")
        ),
    )
    page.on("request", lambda request: page.recorder.request(request))
    return page.recorder


AXE_PATH = "/_axe/axe.min.js"  # the test server serves axe here, so Chromium caches its compiled code

# Marks one shown element for each distinct look of text: its colour, size and weight, and the
# backgrounds, opacities and positioning of it and its ancestors, which is what axe's
# contrast rule reads. Pages repeat a few dozen looks over thousands of elements.
_MARK_CONTRAST_SAMPLES = """() => {
  for (const marked of document.querySelectorAll("[data-contrast-sample]")) {
    marked.removeAttribute("data-contrast-sample");
  }
  const looks = new Set();
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text; (text = texts.nextNode()); ) {
    if (!text.textContent.trim()) continue;
    const element = text.parentElement;
    // axe skips what is not shown: a hidden sample would leave its look unchecked.
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    const own = getComputedStyle(element);
    const look = [own.color, own.fontSize, own.fontWeight, own.textShadow];
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      look.push(style.backgroundColor, style.backgroundImage, style.opacity, style.position);
    }
    const key = look.join("|");
    if (!looks.has(key)) {
      looks.add(key);
      element.setAttribute("data-contrast-sample", "");
    }
  }
  return looks.size;
}"""
CONTRAST_SAMPLES = "[data-contrast-sample]"


def mark_contrast_samples(page) -> int:
    """Mark one element per distinct look of text in the current colour scheme; how many."""
    return page.evaluate(_MARK_CONTRAST_SAMPLES)


def axe_check(page, options: dict, contrast_on: str = "*"):
    """axe's results for the page's current document, colour contrast checked on ``contrast_on``.

    axe (the copy bundled by axe-playwright-python) is loaded into each document once,
    from the test server.
    """
    from axe_playwright_python.base import AxeResults

    if not page.evaluate("() => typeof axe === 'object'"):
        page.add_script_tag(url=AXE_PATH)
    response = page.evaluate(
        """async ([options, contrastOn]) => {
            axe.reset();
            axe.configure({rules: [{id: "color-contrast", selector: contrastOn}]});
            return await axe.run(document, options);
        }""",
        [options, contrast_on],
    )
    return AxeResults(response)
