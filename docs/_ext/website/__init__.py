"""The website around the pages: its languages, the theme's own words, the files above the languages.

conf.py holds the settings (``website_languages``, ``website_url``); this
extension derives from them what each language's build needs:

- ``languages``: per-language settings, the language switcher, hreflang
  alternates, interface strings the theme and Sphinx leave in English;
- ``theme``: furo's hard-coded English labels passed through gettext (a
  template bridge), and two accessibility attributes Sphinx's HTML lacks;
- ``siteroot``: the chooser page, sitemap index, robots.txt and 404 page
  above the language folders;
- ``freshness``: every page rewritten when the static files or the
  extensions change, as Sphinx does for templates;
- ``apinames``: API names written as code link to their reference, once per
  section (``api_names.toml``);
- ``search``: a Pagefind index of each language's sections, and the
  search page that queries it.

Sitemaps come from sphinx-sitemap and the 404 page from sphinx-notfound-page,
configured in conf.py; the workarounds for upstream bugs and costs are an
extension of their own (docs/_ext/workarounds/).
"""

from __future__ import annotations

from . import languages, search, siteroot, theme


def setup(app):
    app.add_config_value("website_languages", {}, "html", types=[dict])
    app.add_config_value("website_url", "https://example.org/", "html", types=[str])
    app.connect("config-inited", languages.configure)
    for builder in ("html", "dirhtml"):
        app.set_translator(builder, theme.AccessibleHTMLTranslator)
    app.setup_extension("website.freshness")
    app.setup_extension("website.apinames")
    app.connect("html-page-context", languages.add_page_links)
    app.connect("doctree-resolved", languages.absolute_links_on_404)
    app.connect("builder-inited", search.no_sphinx_index)
    app.connect("html-collect-pages", search.search_page)
    app.connect("build-finished", search.index_sections)
    app.connect("build-finished", siteroot.write_site_root)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
