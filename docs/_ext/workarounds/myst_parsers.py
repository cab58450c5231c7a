"""MyST builds a new markdown-it parser for every text it parses.

Upstream code: ``MystParser.parse`` in myst_parser/parsers/sphinx_.py calls
``create_md_parser(config, SphinxRenderer)`` each time: a parser with all its
plugins, and a renderer that collects its render methods by introspection
(about 0.4 ms). A translated build parses every translated paragraph alone,
some 1,200 times a language.

Here a parser is reused for the same configuration once its previous render
has finished, so a render that starts another (a nested parse) still gets one
of its own. Every render sets its state up afresh (``setup_render``).
"""

from __future__ import annotations

MEASURED_ON = {"myst-parser": "==5.2.0", "markdown-it-py": "==4.3.0"}


def wanted(app) -> bool:
    return True


def reusing(create_md_parser):
    """``create_md_parser``, returning an idle parser built for the same configuration when there is one."""
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


def install(app):
    from myst_parser.parsers import sphinx_

    original = sphinx_.create_md_parser
    sphinx_.create_md_parser = reusing(original)

    def undo() -> None:
        sphinx_.create_md_parser = original

    return undo
