"""The files above the language folders, written by the default language's build.

``_build/html/index.html`` sends a reader to their browser's language (and
lists the languages for a browser without JavaScript); ``sitemap.xml`` is an
index of the languages' sitemaps (sphinx-sitemap writes one per language);
``robots.txt`` points at it; ``404.html`` is the default language's 404 page,
which hosts serve for any missing path.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from xml.sax.saxutils import escape


def write_atomically(path: Path, text: str) -> None:
    """Write aside, then rename: another build reading the file meanwhile sees all of it or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def write_site_root(app, exception) -> None:
    config = app.config
    languages = config.website_languages
    outdir = Path(app.outdir)
    default = next(iter(languages))
    if exception is not None or app.builder.format != "html" or config.language != default:
        return
    if outdir.name != default:
        return  # a one-off build into some other folder: no site around it
    site = outdir.parent
    context = {
        "project": config.project,
        "languages": [{"code": code, **about} for code, about in languages.items()],
        "languages_json": json.dumps({code: about["tag"] for code, about in languages.items()}),
        "default_language": default,
    }
    write_atomically(site / "index.html", app.builder.templates.render("site-root.html", context))
    sitemaps = "".join(
        f"  <sitemap><loc>{escape(config.website_url + code + '/sitemap.xml')}</loc></sitemap>\n"
        for code in languages
    )
    write_atomically(
        site / "sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{sitemaps}</sitemapindex>\n',
    )
    write_atomically(
        site / "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {config.website_url}sitemap.xml\n"
    )
    not_found = outdir / "404.html"
    if not_found.is_file():
        write_atomically(site / "404.html", not_found.read_text(encoding="utf-8"))
