"""Sphinx configuration for the Flask error-handling guide.

Build with ``nox -s docs``; the sources are in docs/, this file stays at the root.
Every language is a separate build of the same sources (``-D language=zh_TW``) into
``_build/html/<language>/``; the per-language settings are derived from ``language``
in ``config-inited`` below, so a plain ``sphinx-build -D language=...`` gets them too.
"""

from __future__ import annotations

import gettext
import html
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).parent.resolve()
sys.path[:0] = [str(ROOT / "docs" / "_ext"), str(ROOT)]

# -- Project ---------------------------------------------------------------
project = "Flask Error Handling"
author = "The Flask Error Handling guide authors"
copyright = "2026, " + author

# -- General ---------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
    "guide.sphinxext",
]
exclude_patterns = ["_ext", "_build", "_inventories", "_static", "_templates"]
templates_path = ["docs/_templates"]
# Plain fences are not Python: every Python snippet comes from examples/ (design E1).
highlight_language = "text"
nitpicky = True


# -- Languages (design S1-S3, T1) ------------------------------------------
class Language(NamedTuple):
    name: str  # the language's own name, as the switcher shows it
    tag: str  # BCP 47 tag for lang= and hreflang=
    interface: str | None = None  # Sphinx catalog that fills interface strings we don't translate


# The output folder, the catalog folder under locales/ and Sphinx's `language` are one name.
LANGUAGES = {
    "en": Language("English", "en"),
    "zh_CN": Language("简体中文", "zh-CN"),
    "zh_TW": Language("繁體中文", "zh-TW"),
    # Sphinx's own `pt` catalog is nearly empty (and European); its Brazilian catalog is
    # complete, so the Portuguese site takes Sphinx's interface strings from pt_BR, behind
    # the project's locales/pt/LC_MESSAGES/sphinx.po. The pages are Brazilian Portuguese.
    "pt": Language("Português", "pt", interface="pt_BR"),
}
DEFAULT_LANGUAGE = "en"
language = DEFAULT_LANGUAGE
locale_dirs = ["../locales"]  # relative to docs/
gettext_compact = False  # one catalog per page
gettext_uuid = False

# Where the site is published; canonical URLs, hreflang alternates and the sitemaps
# are built from it. A host in a subfolder works: GUIDE_BASE_URL=https://x.github.io/guide/
SITE_URL = os.environ.get("GUIDE_BASE_URL", "https://flask-errors.example.org/").rstrip("/") + "/"

# Pages that exist in every build but are not content: not in the sitemap.
NOT_IN_SITEMAP = {"404", "search", "genindex"}

# -- MyST ------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3

# -- Examples engine -------------------------------------------------------
guide_transcript_cache = "_build/.transcripts"

# -- Intersphinx (design S6): inventories live in docs/_inventories -----------
# Refresh them with `nox -s inventories`; the build itself never touches the network.
INVENTORIES = ROOT / "docs" / "_inventories"
intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", str(INVENTORIES / "python.inv")),
    "flask": ("https://flask.palletsprojects.com/en/stable/", str(INVENTORIES / "flask.inv")),
    "werkzeug": ("https://werkzeug.palletsprojects.com/en/stable/", str(INVENTORIES / "werkzeug.inv")),
}
# Python roles resolve against other projects ({py:func}`flask.abort` links); labels, documents
# and terms never do, so a {ref} or {term} cannot land in somebody else's docs by surprise.
intersphinx_disabled_reftypes = ["std:*"]
intersphinx_cache_limit = 0

# -- HTML ------------------------------------------------------------------
html_theme = "furo"
html_title = "Flask Error Handling"
html_static_path = ["docs/_static"]
html_favicon = "docs/_static/favicon.svg"
html_css_files = ["guide.css"]
# After sphinx-copybutton's script (priority 500): guide.js gives it translated labels.
html_js_files = [("guide.js", {"priority": 600})]
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/languages.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
html_baseurl = SITE_URL + DEFAULT_LANGUAGE + "/"  # set per language in config-inited
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_permalinks_icon = "#"
copybutton_exclude = ".linenos, .gp, .go"


# -- Per-language settings and the site machinery ---------------------------
def _configure_language(app, config) -> None:
    """Derive everything that depends on the language being built."""
    lang = config.language or DEFAULT_LANGUAGE
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    config.html_baseurl = SITE_URL + lang + "/"
    if lang.startswith("zh"):
        config.smartquotes = False  # no curly quotes in Chinese text (design S3)
        _set_up_chinese_search(app, config)
    interface = LANGUAGES[lang].interface
    if interface:
        _use_interface_catalog(app, lang, interface)


def _set_up_chinese_search(app, config) -> None:
    """Chinese search segments words with jieba (docs dependency group), loaded only here."""
    import jieba

    from guide import speedups
    from guide.zhsearch import ChineseSearch

    jieba.setLogLevel(logging.WARNING)  # it logs its dictionary loading to stderr otherwise
    speedups.read_jieba_cache_whole(jieba)
    # jieba's default dictionary is loaded anyway; don't load it a second time as a user dictionary.
    config.html_search_options = {**config.html_search_options, "dict": ""}
    app.add_search_language(ChineseSearch)  # guide/zhsearch.py says what it changes


def _use_interface_catalog(app, lang: str, interface: str) -> None:
    """Interface strings: the project's locales/<lang>/sphinx.po first, then Sphinx's `interface` catalog.

    Sphinx's own catalog for `lang` is left out of the chain: for pt it is nearly empty
    and its few entries are European Portuguese, which would mix with the Brazilian ones.
    """
    import sphinx
    from sphinx import locale

    translator = gettext.translation("sphinx", Path(sphinx.__file__).parent / "locale", [interface])
    project_catalog = ROOT / "locales" / lang / "LC_MESSAGES" / "sphinx.mo"  # compiled by Sphinx at start-up
    if project_catalog.is_file():
        with project_catalog.open("rb") as mo:
            ours = gettext.GNUTranslations(mo)
        ours.add_fallback(translator)
        translator = ours
    locale.translators["general", "sphinx"] = translator
    app.translator = translator


def _page_urls(app, pagename: str) -> list[dict]:
    """The same page in every language, for the language switcher: relative URLs."""
    # Relative links work from file:// and in a subfolder; the 404 page is served at any depth.
    up = urlsplit(SITE_URL).path if pagename == "404" else "../" * (pagename.count("/") + 1)
    suffix = app.builder.get_target_uri(pagename)
    current = app.config.language
    return [
        {
            "code": code,
            "name": info.name,
            "tag": info.tag,
            "current": code == current,
            "url": up + code + "/" + suffix,
        }
        for code, info in LANGUAGES.items()
    ]


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html":
        return
    context["guide_languages"] = _page_urls(app, pagename)
    context["guide_alternates"] = _alternates(app.builder.get_target_uri(pagename))


def _alternates(target: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of one page in every language, then x-default: head links and sitemaps."""
    found = [(info.tag, SITE_URL + code + "/" + target) for code, info in LANGUAGES.items()]
    return [*found, ("x-default", SITE_URL + DEFAULT_LANGUAGE + "/" + target)]


_LINK = re.compile(r'(?P<attr>\b(?:href|src|data-content_root))="(?P<url>[^"#:?][^":]*|\./)"')


def _absolute_links(page: str, base: str) -> str:
    """A 404 page is served at any depth: make its relative links absolute from the language root."""

    def fix(match: re.Match) -> str:
        url = match["url"]
        if url.startswith("/"):
            return match[0]
        if url.startswith("./"):
            url = url[2:]
        return f'{match["attr"]}="{base}{url}"'

    return _LINK.sub(fix, page)


# Theme strings that furo writes as plain English (labels and icon titles) instead of
# through gettext: the render wrapper below passes them through the interface catalogs.
THEME_STRINGS = (
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Auto light/dark, in light mode",
    "Auto light/dark, in dark mode",
)


def _patch_theme_output(app) -> None:
    """Fix what furo and Sphinx write that we can't reach through templates or catalogs.

    - furo's hard-coded English labels and icon titles go through the interface catalog;
    - its two <aside> landmarks get names, toctree captions a heading level, and
      scrollable code blocks a tab stop (axe: landmark-unique, aria-required-attr,
      scrollable-region-focusable);
    - the 404 page gets absolute links, since hosts serve it at any depth.
    """
    if app.builder.format != "html":
        return
    from sphinx.locale import _

    replacements = {}
    for english in THEME_STRINGS:
        translated = html.escape(str(_(english)))
        if translated != english:
            replacements[f'aria-label="{english}"'] = f'aria-label="{translated}"'
            replacements[f"<title>{english}</title>"] = f"<title>{translated}</title>"
    navigation = html.escape(str(_("Site navigation")))
    on_this_page = html.escape(str(_("On this page")))
    replacements.update({
        '<aside class="sidebar-drawer">': f'<aside class="sidebar-drawer" aria-label="{navigation}">',
        '<aside class="toc-drawer': f'<aside aria-label="{on_this_page}" class="toc-drawer',
        '<p class="caption" role="heading">': '<p class="caption" role="heading" aria-level="2">',
        '<div class="highlight"><pre>': '<div class="highlight"><pre tabindex="0">',
    })  # fmt: skip
    root_path = urlsplit(SITE_URL).path + app.config.language + "/"
    templates = app.builder.templates
    render = templates.render

    def render_patched(template: str, context: dict) -> str:
        page = render(template, context)
        for old, new in replacements.items():
            page = page.replace(old, new)
        if context.get("pagename") == "404":
            page = _absolute_links(page, root_path)
        return page

    templates.render = render_patched


def _write_atomically(path: Path, text: str) -> None:
    """Parallel language builds may write the same root file: write aside, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _translations_js(app) -> str:
    """Sphinx's search strings for this language, from the same catalogs as the pages.

    Sphinx copies its own sphinx.js, which is empty for `pt` and ignores the project's
    catalogs (and resolves locale_dirs against the working directory, not docs/).
    """
    translator = app.translator
    singular = "Search finished, found one page matching the search query."
    plural = "Search finished, found ${resultCount} pages matching the search query."
    messages = {
        msgid: translator.gettext(msgid)
        for msgid in (
            "Search Results",
            "Searching",
            "Preparing search...",
            ", in ",
            "Hide Search Matches",
            "Your search did not match any documents. Please make sure that all words are spelled"
            " correctly and that you've selected enough categories.",
        )
    }
    messages[singular] = [translator.ngettext(singular, plural, 1), translator.ngettext(singular, plural, 2)]
    catalog = {"locale": app.config.language, "messages": messages, "plural_expr": "n == 1 ? 0 : 1"}
    return f"Documentation.addTranslations({json.dumps(catalog, ensure_ascii=False, indent=1)});\n"


def _sitemap(app, docnames: list[str]) -> str:
    """This language's pages, each with its alternates in every language (and x-default)."""
    lang = app.config.language
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for docname in docnames:
        target = app.builder.get_target_uri(docname)
        lines.append("  <url>")
        lines.append(f"    <loc>{xml_escape(SITE_URL + lang + '/' + target)}</loc>")
        for tag, href in _alternates(target):
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{tag}" href="{xml_escape(href)}"/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _site_root(app) -> None:
    """The files above the language folders: chooser page, sitemap index, robots.txt, 404."""
    outdir = Path(app.outdir)
    if outdir.name != app.config.language:
        return  # a one-off build into some other folder: no site around it
    site = outdir.parent
    languages = [{"code": code, "name": info.name, "tag": info.tag} for code, info in LANGUAGES.items()]
    context = {
        "project": app.config.project,
        "languages": languages,
        "languages_json": json.dumps({code: info.tag for code, info in LANGUAGES.items()}),
        "default_language": DEFAULT_LANGUAGE,
    }
    _write_atomically(site / "index.html", app.builder.templates.render("site-root.html", context))
    entries = "".join(
        f"  <sitemap><loc>{xml_escape(SITE_URL + code + '/sitemap.xml')}</loc></sitemap>\n"
        for code in LANGUAGES
    )
    _write_atomically(
        site / "sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + entries
        + "</sitemapindex>\n",
    )
    _write_atomically(site / "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n")
    if app.config.language == DEFAULT_LANGUAGE and (outdir / "404.html").is_file():
        # Hosts serve the site root's 404.html for any missing path; its links are absolute.
        _write_atomically(site / "404.html", (outdir / "404.html").read_text(encoding="utf-8"))


def _finish_site(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    docnames = sorted(name for name in app.env.found_docs if name not in NOT_IN_SITEMAP)
    _write_atomically(outdir / "sitemap.xml", _sitemap(app, docnames))
    if app.config.language != DEFAULT_LANGUAGE:
        _write_atomically(outdir / "_static" / "translations.js", _translations_js(app))
    _site_root(app)


def setup(app):
    app.connect("config-inited", _configure_language)
    app.connect("builder-inited", _patch_theme_output)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _finish_site)
