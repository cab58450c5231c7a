"""MyST builds docutils' whole default settings for every text it renders.

Upstream code: ``DocutilsRenderer.setup_render`` in myst_parser/mdit_to_docutils/base.py
sets itself up with ``options.get("document", make_document())``, which calls
``make_document()`` (and with it ``docutils.frontend.get_default_settings``, an
option parser built from scratch, about 1.2 ms) even when Sphinx hands over the
page's own document. Sphinx renders each translated paragraph on its own, so a
translated build paid that some 1,200 times a language.

Here ``get_default_settings``, as MyST's module imported it, builds the settings
once per parser class and hands every call a shallow copy of them: MyST either
throws the default document away or replaces its settings at once
(``render_restructuredtext``).
"""

from __future__ import annotations

import copy
import functools

MEASURED_ON = {"myst-parser": "==5.2.0", "docutils": "==0.22.4"}


def wanted(app) -> bool:
    return True


def install(app):
    from myst_parser.mdit_to_docutils import base

    original = base.get_default_settings
    cached = functools.cache(original)

    def default_settings(*components):
        return copy.copy(cached(*components))

    base.get_default_settings = default_settings

    def undo() -> None:
        base.get_default_settings = original

    return undo
