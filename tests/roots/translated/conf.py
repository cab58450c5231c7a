# Two translated pages and the workarounds, for the tests that build with and without them.
extensions = ["myst_parser", "sphinx_sitemap", "workarounds"]
exclude_patterns = ["_build", "locales"]
html_theme = "basic"
locale_dirs = ["locales"]
gettext_compact = False
html_baseurl = "https://example.org/"
sitemap_url_scheme = "{link}"
