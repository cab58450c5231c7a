"""Pages load nothing from other hosts: no fonts, CDNs or analytics in HTML or CSS."""

from __future__ import annotations

import re

import pytest
from sitepages import LANGUAGES, SITE, built_pages, parsed

REMOTE = re.compile(r"^(https?:)?//", re.I)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_remote_resources_in_pages(lang: str) -> None:
    for page in built_pages(lang):
        doc = parsed(lang, page)
        loaded = [
            el.get("src") for el in doc.find_all(["script", "img", "iframe", "source", "audio", "video"])
        ]
        loaded += [
            el.get("href")
            for el in doc.find_all("link")
            if set(el.get("rel", []))
            & {"stylesheet", "preload", "prefetch", "icon", "modulepreload", "preconnect", "dns-prefetch"}
        ]
        remote = [url for url in loaded if url and REMOTE.match(url)]
        assert not remote, f"{lang}/{page} loads {remote}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_remote_urls_in_styles_and_scripts(lang: str) -> None:
    static = SITE / lang / "_static"
    for path in [*static.rglob("*.css"), *static.rglob("*.js")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), path
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), path
        assert "@font-face" not in text or not re.search(r"src:\s*url\(['\"]?(https?:)?//", text), path
