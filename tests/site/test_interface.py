"""Interface text on translated pages is in that language, theme strings included."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sitepages import LANGUAGES, PARSER, SITE, parsed

# Interface text that is the same in every language: names, not words.
SAME_EVERYWHERE = {
    "Flask Error Handling",
    "English",
    "简体中文",
    "繁體中文",
    "Português",
    "Sphinx",
    "Furo",
    "Menu",
    ".",
}
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def interface_text(path) -> set[str]:
    """Words of the interface: everything outside the page's own content and navigation titles."""
    doc = BeautifulSoup(path.read_text(encoding="utf-8"), PARSER)  # its own copy: parts are removed
    generated = path.name in ("search.html", "genindex.html")  # their content is interface too
    selectors = ["script", "style", ".sidebar-tree", ".toc-tree", ".related-pages .title", "head title"]
    for selector in selectors if generated else [*selectors, "article"]:
        for element in doc.select(selector):
            element.decompose()
    texts = {text.strip() for text in doc.body.find_all(string=True) if text.strip()}
    for element in doc.find_all(True):
        if element.name == "link":
            continue  # rel=next/prev titles are page titles
        texts |= {element[attr].strip() for attr in ATTRIBUTES if element.get(attr)}
    texts.discard(
        doc.select_one(".sidebar-brand-text").get_text().strip()
        if doc.select_one(".sidebar-brand-text")
        else ""
    )
    return texts


def english_interface() -> set[str]:
    words: set[str] = set()
    for page in ("index.html", "search.html", "genindex.html", "404.html"):
        words |= interface_text(SITE / "en" / page)
    return words - SAME_EVERYWHERE


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
@pytest.mark.parametrize("page", ["index.html", "search.html", "genindex.html", "404.html"])
def test_no_english_interface_text(lang: str, page: str) -> None:
    english = english_interface()
    assert len(english) > 20, (
        "the English interface looks too small: is the test still reading the right parts?"
    )
    left = sorted(interface_text(SITE / lang / page) & english)
    # Copyright holder and project names are names, not interface words.
    left = [text for text in left if "Flask Error Handling guide authors" not in text]
    assert not left, f"English interface text on {lang}/{page}: {left}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_script_strings_translated(lang: str) -> None:
    """The search page's script strings and the copy button's labels."""
    translations = (SITE / lang / "_static" / "translations.js").read_text(encoding="utf-8")
    for english in ("Search Results", "Searching", "Preparing search..."):
        assert not re.search(rf'"{re.escape(english)}": "{re.escape(english)}"', translations), english
    guide_js = (SITE / lang / "_static" / "guide.js").read_text(encoding="utf-8")
    assert 'copy: "Copy"' not in guide_js and 'copy_success: "Copied!"' not in guide_js


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_no_smart_quotes_in_chinese(lang: str) -> None:
    for path in (SITE / lang).glob("*.html"):
        text = parsed(lang, path.name).select_one("article")
        if text is not None:
            assert not re.search("[\u2018\u2019\u201c\u201d]", text.get_text()), path.name


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_the_examples_engine_speaks_the_language(lang: str) -> None:
    """The engine's own words in the pages: the "checked with Flask" line and transcript captions."""

    def engine_words(language: str) -> set[str]:
        doc = parsed(language, "unhandled-exceptions.html")
        verified = [p.get_text(" ", strip=True) for p in doc.select("p.guide-verified")]
        captions = [c.get_text(strip=True) for c in doc.select(".guide-example .caption-text")]
        assert verified, f"{language}: no 'checked with Flask' line"
        return set(verified) | {c for c in captions if c == "Log records" or c.endswith("creating the app")}

    english = engine_words("en")
    assert any("Log records" in word for word in english)
    left = engine_words(lang) & english
    assert not left, f"English from the examples engine on {lang}: {sorted(left)}"
