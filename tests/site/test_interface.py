"""Interface text on translated pages is in that language, theme strings included."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sitepages import LANGUAGES, PARSER, ROOT, SITE, built_pages, parsed

from catalogs import glossary

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
    """The search page's and the copy button's words, which their scripts carry."""
    english = (SITE / "en" / "_static" / "search.js").read_text(encoding="utf-8")
    translated = (SITE / lang / "_static" / "search.js").read_text(encoding="utf-8")
    strings = re.findall(r'^  (\w+): (".*"),$', english, re.MULTILINE)
    assert len(strings) == 5, strings
    for name, text in strings:
        assert f"  {name}: {text}," not in translated, (name, text)
    guide_js = (SITE / lang / "_static" / "guide.js").read_text(encoding="utf-8")
    assert 'copy: "Copy"' not in guide_js and 'copy_success: "Copied!"' not in guide_js


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "pt"])
def test_the_built_prose_quotes_as_the_glossary_says(lang: str) -> None:
    """Outside code, no page uses a quotation mark its language's glossary avoids."""
    quotes = glossary.load(ROOT / "locales" / lang / "glossary.toml", lang).quotes
    avoided = re.compile("|".join(map(re.escape, quotes.avoid)))
    for path in (SITE / lang).glob("*.html"):
        article = parsed(lang, path.name).select_one("article")
        if article is None:
            continue
        article = BeautifulSoup(str(article), PARSER)  # a copy: the parsed page is shared
        for code in article.select("code, pre"):
            code.decompose()
        found = avoided.search(article.get_text())
        assert found is None, (path.name, article.get_text()[max(found.start() - 40, 0) : found.end() + 40])


def _interface_catalog(lang: str) -> dict[str, str]:
    """The project's interface catalog: the engine's card words, the site's title, theme strings."""
    with (ROOT / "locales" / lang / "LC_MESSAGES" / "sphinx.po").open("rb") as po:
        catalog = read_po(po)
    return {
        (m.id if isinstance(m.id, str) else m.id[0]): (m.string if isinstance(m.string, str) else m.string[0])
        for m in catalog
        if m.id
    }


BLANK = re.compile(r"%(?:\((\w+)\))?[sd]|\$\{\w+\}")
PROSE_BLANKS = {"title", "parts", "server"}  # filled with words, as %s is; a named blank else is one word


def _msgid_pattern(msgid: str) -> str:
    pattern, start = "", 0
    for blank in BLANK.finditer(msgid):
        prose = blank[1] is None or blank[1] in PROSE_BLANKS  # %s: "2.3.3, 3.0.3, 3.1.3"
        pattern += re.escape(msgid[start : blank.start()]) + (".+" if prose else r"\S+")
        start = blank.end()
    return pattern + re.escape(msgid[start:])


def _english_pattern(msgids) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_msgid_pattern(m)})" for m in sorted(msgids, key=len, reverse=True)))


# Elements whose whole text is one interface string (a label, a caption, a summary, a badge).
WORDS = "p, li, span, a, button, label, summary, title, h1, h2, h3, code.guide-status, .caption-text"


def _texts_outside_code(doc: BeautifulSoup) -> set[str]:
    """The whole text of each element that may hold one interface string, outside code blocks."""
    texts = {
        " ".join(e.get_text(" ").split())
        for e in doc.select(WORDS)
        if e.find_parent(["pre", "script", "style"]) is None and (e.find_parent("code") is None)
    }
    for element in doc.find_all(True):
        texts |= {" ".join(element[a].split()) for a in ATTRIBUTES if element.get(a)}
    return {text for text in texts if text}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_english_engine_or_theme_words_on_any_page(lang: str) -> None:
    """Every page of the language, with the engine's and the theme's English strings sought in it."""
    translated = {en: tr for en, tr in _interface_catalog(lang).items() if tr and tr != en}
    assert {"Request", "Response", "Sentry events", "Flask Error Handling"} <= set(translated)
    english = _english_pattern(translated)
    found = {}
    for page in built_pages(lang):
        left = sorted(t for t in _texts_outside_code(parsed(lang, page)) if english.fullmatch(t))
        if left:
            found[page] = left
    assert not found, f"English interface strings on {lang} pages: {found}"


def test_every_word_the_engine_writes_is_in_every_interface_catalog() -> None:
    """What the English cards say must be in each catalog, or the scan above could not see it."""
    shown: set[str] = set()
    for page in built_pages("en"):
        doc = parsed("en", page)
        selectors = ".guide-part-label, .guide-fold > summary, p.guide-part-none, code.guide-status-raised, "
        selectors += ".guide-card-note > span, .guide-example .caption-text, p.guide-verified"
        for element in doc.select(selectors):
            if element.find(string=True, recursive=False) is None and element.find("code"):
                continue  # a file's or stream's name alone: code, the same in every language
            # Docutils' smart quotes turn an apostrophe the catalog holds straight into ’.
            shown.add(" ".join(element.get_text().split()).replace("\u2019", "'"))
    assert {"Request", "Response", "Log records", "Sentry events"} <= shown
    for lang in (lang for lang in LANGUAGES if lang != "en"):
        english = _english_pattern(_interface_catalog(lang))
        missing = sorted(text for text in shown if not english.fullmatch(text))
        assert not missing, f"locales/{lang}/LC_MESSAGES/sphinx.po lacks: {missing}"
