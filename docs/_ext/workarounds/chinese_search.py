"""Sphinx 9.0's Chinese search page stops with "ChineseStemmer is not defined".

Upstream: sphinx-doc/sphinx#14229, fixed by sphinx-doc/sphinx#14416 (after 9.0.4).
``SearchChinese`` ships English's stemmer script (``js_stemmer_rawcode``) but
Sphinx names the class the page looks for after ``language_name``, which is
"Chinese": the search page never shows a result. Here the Chinese indexer is
replaced, for this build, by a subclass that names English's stemmer class, the
script it really ships; the stemmer is for the Latin words of a Chinese page.
"""

from __future__ import annotations

MEASURED_ON = {"sphinx": "==9.0.4"}


def wanted(app) -> bool:
    return app.config.language.startswith("zh")


def install(app):
    from sphinx import search
    from sphinx.search.zh import SearchChinese

    class ChineseSearch(SearchChinese):
        language_name = "English"  # the class English's stemmer script defines

    original = search.languages["zh"]
    app.add_search_language(ChineseSearch)

    def undo() -> None:
        search.languages["zh"] = original

    return undo
