"""Sphinx parses every translated paragraph twice.

Upstream code: ``Locale.apply`` in sphinx/transforms/i18n.py makes two passes over
a page's messages. The first parses every translation (``_publish_msgstr``) to see
whether it renames a section; the second parses again each one the first pass
left alone, which is nearly all of them.

Here the first parse is kept (as a copy, since the first pass may move the
result's nodes) and handed to the second pass's identical request, once.
Everything kept belongs to the page being read.
"""

from __future__ import annotations

from docutils import nodes

MEASURED_ON = {"sphinx": "==9.0.4"}


def wanted(app) -> bool:
    return True


def published_once(publish_msgstr):
    kept: dict[tuple, nodes.Element] = {}

    def publish_or_reuse(source, source_path, source_line, **context):
        key = (source, source_path, source_line)
        if key in kept:
            return kept.pop(key)
        if kept and next(iter(kept))[1] != source_path:
            kept.clear()  # a new page: nothing of the last one is asked for again
        patch = publish_msgstr(source, source_path, source_line, **context)
        if not isinstance(patch, nodes.document):
            kept[key] = patch.deepcopy()
        return patch

    return publish_or_reuse


def install(app):
    from sphinx.transforms import i18n

    original = i18n._publish_msgstr
    i18n._publish_msgstr = published_once(original)

    def undo() -> None:
        i18n._publish_msgstr = original

    return undo
