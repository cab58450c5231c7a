"""Sphinx settings for the Flask error-handling guide; ``nox -s docs`` builds it.

The sources are in docs/; this file stays at the project root. Each language is its own
build of the same sources (``-D language=zh_TW``) into ``_build/html/<language>/``. The
``website`` extension (docs/_ext/website/) derives what depends on the language from the
settings below, so a plain ``sphinx-build -D language=...`` gets it too.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).parent.resolve()
sys.path[:0] = [str(ROOT / "docs" / "_ext"), str(ROOT)]

# -- Project -----------------------------------------------------------------
project = "Flask Error Handling"
author = "The Flask Error Handling guide authors"
copyright = "2026, " + author

# -- General -----------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
    "sphinx_sitemap",
    "notfound.extension",
    "guide.sphinxext",  # the examples engine: the example directive and the run role
    "website",  # the languages, the theme's own words, the files around the pages
    "workarounds",  # upstream bugs and costs, each gated on the versions it was measured on
]
exclude_patterns = ["_ext", "_build", "_inventories", "_static", "_templates"]
templates_path = ["docs/_templates"]
# Plain fences are not Python: every Python snippet comes from examples/.
highlight_language = "text"
nitpicky = True

# -- Languages ---------------------------------------------------------------
# The code is the output folder, the catalog folder under locales/ and Sphinx's
# `language`; the first language is the default. "interface": the Sphinx catalog
# that fills the interface strings locales/<code>/LC_MESSAGES/sphinx.po leaves out.
website_languages = {
    "en": {"name": "English", "tag": "en"},
    "zh_CN": {"name": "简体中文", "tag": "zh-CN"},
    "zh_TW": {"name": "繁體中文", "tag": "zh-TW"},
    # The pages are Brazilian Portuguese; Sphinx's own `pt` catalog is nearly empty and European.
    "pt": {"name": "Português", "tag": "pt", "interface": "pt_BR"},
}
language = "en"
locale_dirs = ["../locales"]  # relative to docs/
gettext_compact = False  # one catalog per page
gettext_uuid = False

# Where the site is published (a subfolder works: GUIDE_BASE_URL=https://x.github.io/guide/).
# Canonical URLs, hreflang alternates, sitemaps and the 404 page's links are built from it.
website_url = os.environ.get("GUIDE_BASE_URL", "https://flask-errors.example.org/").rstrip("/") + "/"

# -- MyST --------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3

# -- Examples engine ---------------------------------------------------------
guide_transcript_cache = "_build/.transcripts"  # relative to this folder; "" runs every example
# Status codes, headers and quoted texts the English prose may type by hand (each with why);
# the build fails on any other outside the run role.
guide_handtyped = "docs/_ext/guide/handtyped.toml"

# -- Intersphinx: inventories kept in docs/_inventories, so builds need no network -----
# Refresh them with `nox -s inventories`.
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

# -- HTML --------------------------------------------------------------------
html_theme = "furo"
html_title = project
html_static_path = ["docs/_static"]
html_favicon = "docs/_static/favicon.svg"
html_css_files = ["guide.css"]
# After sphinx-copybutton's script (priority 500): guide.js gives it translated labels.
html_js_files = [("guide.js", {"priority": 600})]
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_permalinks_icon = "#"
copybutton_exclude = ".linenos, .gp, .go"
# Sources, curl commands and the pages' own commands; transcripts (.guide-output) have no button.
copybutton_selector = "div:not(.guide-output) > div.highlight > pre"
# furo's own English labels go through gettext like every other interface string.
template_bridge = "website.theme.TranslatedThemeLoader"

# -- Sitemaps and the 404 page -----------------------------------------------
# One sitemap per language, each page with its alternates in every language.
site_url = website_url
sitemap_url_scheme = "{lang}{link}"
sitemap_locales = list(website_languages)
sitemap_excludes = ["404.html", "search.html", "genindex.html"]
# notfound_urls_prefix is set for the language being built (docs/_ext/website/languages.py).
