"""Sitemaps (sphinx-sitemap): one per language, each URL with its alternates; an index at the root."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from sitepages import LANGUAGES, SITE, SITE_URL, built_pages

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
NOT_CONTENT = {"404.html", "search.html", "genindex.html"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_sitemap(lang: str) -> None:
    tree = ET.parse(SITE / lang / "sitemap.xml")
    urls = tree.getroot().findall("s:url", NS)
    pages = [page for page in built_pages(lang) if page not in NOT_CONTENT]
    assert [url.findtext("s:loc", namespaces=NS) for url in urls] == [f"{SITE_URL}{lang}/{p}" for p in pages]
    for url, page in zip(urls, pages, strict=True):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert alternates == {tag: f"{SITE_URL}{code}/{page}" for code, tag in LANGUAGES.items()}, page


def test_sitemap_index_and_robots() -> None:
    root = ET.parse(SITE / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locs = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs == [f"{SITE_URL}{lang}/sitemap.xml" for lang in LANGUAGES]
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (SITE / "robots.txt").read_text()
