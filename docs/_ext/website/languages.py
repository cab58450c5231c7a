"""One build per language: its settings, its links to the other languages, its interface strings.

``website_languages`` in conf.py maps each language's code (its output folder
under _build/html/, its catalog folder under locales/, Sphinx's ``language``)
to the name the switcher shows, its BCP 47 tag, and optionally the Sphinx
catalog that fills the interface strings the project does not translate.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.locale import _

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
    interface = known[language].get("interface")
    if interface:
        _use_interface_catalog(app, language, interface)


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
