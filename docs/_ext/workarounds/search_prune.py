"""An incremental build keeps, in searchindex.js, the words its changed pages no longer have.

Upstream code: sphinx/search/__init__.py, ``IndexBuilder.prune`` (Sphinx 9.0.4).
Before the changed pages are indexed again, ``prune`` narrows each word's set of
pages to the pages kept, but never drops a word left with no page: that word stays
in the index as an empty entry. A clean build has none, so the index of a site built
step by step grows with each edit and differs from a clean build of the same sources
(and an old transcript's random values stay in it).

Here, for this build, ``prune`` also drops the words it left without a page.
"""

from __future__ import annotations

MEASURED_ON = {"sphinx": "==9.0.4"}


def wanted(app) -> bool:
    return app.builder.format == "html"


def install(app):
    from sphinx.search import IndexBuilder

    original = IndexBuilder.prune

    def prune(self, docnames) -> None:
        original(self, docnames)
        for words in (self._mapping, self._title_mapping):
            for word in [word for word, pages in words.items() if not pages]:
                del words[word]

    IndexBuilder.prune = prune

    def undo() -> None:
        IndexBuilder.prune = original

    return undo
