"""Costs of translated builds that come from upstream, paid back here.

Each was found by profiling the zh_CN and pt builds; none changes the output,
only how long it takes to produce. Each replaces one function of Sphinx or
MyST only if it is still there, and does nothing otherwise.
"""

from __future__ import annotations

import copy
import functools
import importlib
import marshal
from collections.abc import Callable
from types import ModuleType

from docutils import nodes

# Sphinx and MyST functions this module replaces, and what replaces them.
REPLACED = {
    ("myst_parser.mdit_to_docutils.base", "get_default_settings"): "cached_settings",
    ("myst_parser.parsers.sphinx_", "create_md_parser"): "reusing_parsers",
    ("sphinx.transforms.i18n", "_publish_msgstr"): "published_once",
}


def install() -> dict[str, bool]:
    """Replace each function that still exists; which ones were (``module.function``: bool)."""
    return {
        f"{module}.{name}": _replace(module, name, globals()[factory])
        for (module, name), factory in REPLACED.items()
    }


def _replace(module_name: str, name: str, factory: Callable[[Callable], Callable]) -> bool:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return False
    original = getattr(module, name, None)
    if original is None:
        return False
    if not getattr(original, "guide_replaced", False):
        replacement = functools.wraps(original)(factory(original))
        replacement.guide_replaced = True
        setattr(module, name, replacement)
    return True


def cached_settings(get_default_settings: Callable) -> Callable:
    """Build docutils' default settings once per parser class, not once per MyST render.

    MyST's renderer sets itself up with ``options.get("document", make_document())``:
    the default document is built even when Sphinx hands over its own, and building
    it means building docutils' whole option parser (about 1.2 ms). Sphinx renders
    every translated paragraph on its own, so a translated build paid that some
    1,200 times. Each call still gets a settings object of its own, a shallow
    copy of the cached defaults: MyST either throws that document away or
    replaces its settings straight after (``render_restructuredtext``).
    """
    cached = functools.cache(get_default_settings)

    def default_settings(*components):
        return copy.copy(cached(*components))

    return default_settings


def reusing_parsers(create_md_parser: Callable) -> Callable:
    """Let MyST parse with an idle parser it already built, instead of a new one each time.

    MyST builds a new markdown-it parser, with all its plugins and a renderer
    that collects its render methods by introspection, for every text it parses
    (about 0.4 ms). A translated build parses every translated paragraph alone:
    some 1,200 parsers a language. A parser is reused only for the same
    configuration, and only once its previous render has finished, so a
    render that starts another (a nested parse) still gets a parser of its own.
    Each render sets all of its state up afresh (``setup_render``).
    """
    idle: dict[object, tuple[object, object]] = {}  # renderer class -> (configuration, parser)

    def reused_or_new(config, renderer):
        built_for, parser = idle.pop(renderer, (None, None))
        if parser is not None and built_for is config:
            return parser
        parser = create_md_parser(config, renderer)
        render = parser.render

        def render_then_release(*args, **kwargs):
            try:
                return render(*args, **kwargs)
            finally:
                idle[renderer] = (config, parser)

        parser.render = render_then_release
        return parser

    return reused_or_new


def published_once(publish_msgstr: Callable) -> Callable:
    """Parse a translated paragraph once, not twice.

    Sphinx's Locale transform makes two passes over a page's messages: the
    first parses every translation to see whether it renames a section, the
    second parses each one again that the first pass left alone, which is
    nearly all of them. The first parse is kept (as a copy, since the first
    pass may move a result's nodes) and handed to the second pass's identical
    request, once. Everything kept belongs to the page being read.
    """
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


def adopt_translated_nodes(app, doctree: nodes.document) -> None:
    """Make every node of a page belong to the page's own document.

    Sphinx parses each translated paragraph as a little document of its own,
    and the nodes it keeps still point there. That document's settings hold the
    whole build environment, which Sphinx strips from the page before it
    pickles it but not from these: every translated doctree carried a copy of
    the environment (2.5 MB a page instead of 0.2 MB) and took that long to
    write and read back.
    """
    for node in doctree.findall():
        own = vars(node).get("_document", vars(node).get("document"))
        if own is not None and own is not doctree:
            node.document = doctree


class _WholeFileMarshal:
    """``marshal`` as jieba uses it, except that a file is read whole before it is decoded.

    ``marshal.load()`` on a file object reads it a few bytes at a time: jieba's
    9 MB dictionary cache took 0.8-1.3 s to load that way, and 0.25-0.4 s read
    whole, for the same dictionary.
    """

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


def read_jieba_cache_whole(jieba: ModuleType) -> bool:
    """Have jieba load its dictionary cache in one read; whether jieba still uses ``marshal``."""
    if getattr(jieba, "marshal", None) not in (marshal, _WholeFileMarshal):
        return False
    jieba.marshal = _WholeFileMarshal
    return True
