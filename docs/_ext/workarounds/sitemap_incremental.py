"""sphinx-sitemap lists only the pages a build wrote.

Upstream: jdillard/sphinx-sitemap#13 (open). The sitemap is made from the pages
that pass through ``html-page-context``, which on an incremental build are only
those that changed: the language's sitemap.xml lost every other page.

Here a build that reads any page writes every page, which is what a clean build
does anyway; a build with nothing to read starts no writing at all.
"""

from __future__ import annotations

MEASURED_ON = {"sphinx-sitemap": "==2.9.0"}


def wanted(app) -> bool:
    return app.builder.format == "html"


def install(app):
    read: list[str] = []
    listeners = [
        app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames)),
        app.connect("env-updated", lambda app, env: sorted(env.found_docs) if read else []),
    ]

    def undo() -> None:
        for listener in listeners:
            app.disconnect(listener)

    return undo
