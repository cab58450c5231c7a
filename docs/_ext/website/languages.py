"""One build per language: its settings, its links to the other languages, its interface strings.

``website_languages`` in conf.py maps each language's code (its output folder
under _build/html/, its catalog folder under locales/, Sphinx's ``language``)
to the name the switcher shows, its BCP 47 tag, and optionally the Sphinx
catalog that fills the interface strings the project does not translate.
"""

from __future__ import annotations

import gettext
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.locale import _

from .siteroot import write_atomically

NOT_A_PAGE = "404"  # served for any missing path, at any depth: its links are absolute


def configure(app, config) -> None:
    """Derive everything that depends on the language being built."""
    known = config.website_languages
    language = config.language
    if language not in known:
        raise ConfigError(
            f"unknown language {language!r}: conf.py's website_languages has {', '.join(known)}"
        )
    config.html_baseurl = config.website_url + language + "/"
    config.notfound_urls_prefix = urlsplit(config.website_url).path + language + "/"
    if language.startswith("zh"):
        config.smartquotes = False  # no curly quotes in Chinese text
        _quiet_chinese_search(config)
    interface = known[language].get("interface")
    if interface:
        _use_interface_catalog(app, language, interface)


def _quiet_chinese_search(config) -> None:
    """Sphinx's Chinese search segments words with jieba, which logs its dictionary loading to stderr."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    # Sphinx loads jieba's default dictionary again as a user dictionary unless told otherwise.
    config.html_search_options = {**config.html_search_options, "dict": ""}


def _use_interface_catalog(app, language: str, interface: str) -> None:
    """Interface strings: the project's locales/<language>/sphinx.po first, then Sphinx's ``interface``.

    Sphinx's own catalog for ``language`` is left out of the chain: for pt it is
    nearly empty and its few entries are European Portuguese, which would mix
    with the Brazilian ones.
    """
    import sphinx
    from sphinx import locale

    translator = gettext.translation("sphinx", Path(sphinx.__file__).parent / "locale", [interface])
    project_catalog = Path(app.srcdir, app.config.locale_dirs[0], language, "LC_MESSAGES", "sphinx.mo")
    if project_catalog.is_file():  # compiled from sphinx.po by Sphinx at start-up
        with project_catalog.open("rb") as mo:
            ours = gettext.GNUTranslations(mo)
        ours.add_fallback(translator)
        translator = ours
    locale.translators["general", "sphinx"] = translator
    app.translator = translator


def add_page_links(app, pagename: str, templatename, context: dict, doctree) -> None:
    """The language switcher's links (relative) and the hreflang alternates (absolute)."""
    if app.builder.format != "html":
        return
    config = app.config
    target = app.builder.get_target_uri(pagename)
    # Relative links work from file:// and in a subfolder; the 404 page is served at any depth.
    up = urlsplit(config.website_url).path if pagename == NOT_A_PAGE else "../" * (pagename.count("/") + 1)
    context["guide_languages"] = [
        {
            "code": code,
            "name": about["name"],
            "tag": about["tag"],
            "current": code == config.language,
            "url": up + code + "/" + target,
        }
        for code, about in config.website_languages.items()
    ]
    default = next(iter(config.website_languages))
    alternates = [(about["tag"], code) for code, about in config.website_languages.items()]
    context["guide_alternates"] = [
        *((tag, config.website_url + code + "/" + target) for tag, code in alternates),
        ("x-default", config.website_url + default + "/" + target),
    ]
    # The site's title and authors are words too: the interface catalogs translate them.
    context["docstitle"] = _(config.html_title)
    context["copyright"] = config.copyright.replace(config.author, _(config.author))
    if pagename == NOT_A_PAGE:
        # What the theme's scripts resolve their files against (sphinx-notfound-page leaves it relative).
        context["content_root"] = config.notfound_urls_prefix


def absolute_links_on_404(app, doctree, docname: str) -> None:
    """The 404 page's own links to other pages, absolute like the rest of its links."""
    if docname != NOT_A_PAGE or app.builder.format != "html":
        return
    prefix = app.config.notfound_urls_prefix
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if uri and not uri.startswith(("/", "#")) and "://" not in uri:
            reference["refuri"] = prefix + uri


SEARCH_STRINGS = (
    "Search Results",
    "Searching",
    "Preparing search...",
    ", in ",
    "Hide Search Matches",
    "Your search did not match any documents. Please make sure that all words are spelled"
    " correctly and that you've selected enough categories.",
)
FOUND_ONE = "Search finished, found one page matching the search query."
FOUND_MANY = "Search finished, found ${resultCount} pages matching the search query."


def write_search_strings(app, exception) -> None:
    """The search page's strings for this language, from the same catalogs as the pages.

    Sphinx copies its own translations.js, which for ``pt`` is empty and
    ignores the project's catalogs.
    """
    default = next(iter(app.config.website_languages))
    if exception is not None or app.builder.format != "html" or app.config.language == default:
        return
    translator = app.translator
    messages: dict = {msgid: translator.gettext(msgid) for msgid in SEARCH_STRINGS}
    messages[FOUND_ONE] = [translator.ngettext(FOUND_ONE, FOUND_MANY, n) for n in (1, 2)]
    catalog = {"locale": app.config.language, "messages": messages, "plural_expr": "n == 1 ? 0 : 1"}
    script = f"Documentation.addTranslations({json.dumps(catalog, ensure_ascii=False, indent=1)});\n"
    write_atomically(Path(app.outdir) / "_static" / "translations.js", script)
