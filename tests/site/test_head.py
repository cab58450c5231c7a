"""Every page of every language: lang, canonical URL, hreflang alternates, description."""

from __future__ import annotations

import runpy
from urllib.parse import urlsplit

import pytest
from sitepages import LANGUAGES, ROOT, SITE_URL, built_pages, parsed

PAGES = [(lang, page) for lang in LANGUAGES for page in built_pages(lang)]


def test_every_language_of_the_site_is_checked() -> None:
    """LANGUAGES here is what the checks expect; a language added to conf.py must be added here too."""
    conf = runpy.run_path(str(ROOT / "conf.py"))
    assert {code: language["tag"] for code, language in conf["website_languages"].items()} == LANGUAGES


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=[f"{lang}/{page}" for lang, page in PAGES])
def test_head(lang: str, page: str) -> None:
    doc = parsed(lang, page)
    assert doc.html["lang"] == LANGUAGES[lang]
    canonical = doc.find("link", rel="canonical")
    assert canonical is not None and canonical["href"] == f"{SITE_URL}{lang}/{page}"
    alternates = {link["hreflang"]: link["href"] for link in doc.find_all("link", rel="alternate")}
    expected = {tag: f"{SITE_URL}{code}/{page}" for code, tag in LANGUAGES.items()}
    expected["x-default"] = f"{SITE_URL}en/{page}"
    assert alternates == expected
    descriptions = doc.find_all("meta", attrs={"name": "description"})
    assert len(descriptions) == 1 and descriptions[0]["content"].strip()
    assert sorted(descriptions[0].attrs) == ["content", "name"]  # nothing of Sphinx's own bookkeeping
    title = doc.find("title")
    assert title is not None and title.get_text().strip()


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=[f"{lang}/{page}" for lang, page in PAGES])
def test_switcher_links_to_the_same_page(lang: str, page: str) -> None:
    doc = parsed(lang, page)
    # The 404 page is served at any depth: its links are absolute.
    prefix = urlsplit(SITE_URL).path if page == "404.html" else "../" * (page.count("/") + 1)
    links = {a["hreflang"]: a["href"] for a in doc.select(".guide-languages a")}
    assert links == {tag: f"{prefix}{code}/{page}" for code, tag in LANGUAGES.items()}
    current = doc.select('.guide-languages a[aria-current="page"]')
    assert [a["hreflang"] for a in current] == [LANGUAGES[lang]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_links_are_absolute(lang: str) -> None:
    doc = parsed(lang, "404.html")
    assert doc.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    for tag, attr in (("link", "href"), ("script", "src"), ("a", "href"), ("img", "src")):
        for element in doc.find_all(tag):
            url = element.get(attr)
            if url and not url.startswith(("#", "https://", "http://", "data:", "mailto:")):
                assert url.startswith("/"), f"relative {attr} on the 404 page: {url}"
    assert doc.html["data-content_root"] == f"{urlsplit(SITE_URL).path}{lang}/"
