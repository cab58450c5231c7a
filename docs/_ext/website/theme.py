"""furo's own words in every language, and two accessibility attributes Sphinx's HTML lacks.

furo writes a few labels and icon titles into its templates as plain English
rather than through gettext. ``TranslatedThemeLoader``, the project's
``template_bridge``, hands Jinja furo's templates with those literals turned
into gettext calls, so they are translated by the same catalogs as every other
interface string (locales/<language>/LC_MESSAGES/sphinx.po). It also names
furo's two ``<aside>`` landmarks, which axe requires to be told apart. If a
furo release no longer has a literal listed here, rendering stops with a
message naming the template and the literal, rather than leaving English on a
translated page.

``AccessibleHTMLTranslator`` gives toctree captions (``role="heading"``) the
``aria-level`` that role requires, and scrollable code blocks a tab stop, so a
keyboard can scroll them.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.writers.html5 import HTML5Translator


def _gettext(english: str) -> str:
    assert "'" not in english
    return f"{{{{ _('{english}')|e }}}}"


# furo's template (relative to its theme folder) -> each literal, and what replaces it.
EDITS: dict[str, dict[str, str]] = {
    "page.html": {
        **{
            f'aria-label="{label}"': f'aria-label="{_gettext(label)}"'
            for label in (
                "Toggle site navigation sidebar",
                "Toggle table of contents sidebar",
                "Toggle Light / Dark / Auto color theme",
            )
        },
        # The two landmarks, named so that they can be told apart.
        '<aside class="sidebar-drawer">': (
            f'<aside class="sidebar-drawer" aria-label="{_gettext("Site navigation")}">'
        ),
        '<aside class="toc-drawer': f'<aside aria-label="{_gettext("On this page")}" class="toc-drawer',
    },
    "partials/icons.html": {
        f"<title>{title}</title>": f"<title>{_gettext(title)}</title>"
        for title in (
            "Contents",
            "Menu",
            "Expand",
            "Light mode",
            "Dark mode",
            "Auto light/dark, in light mode",
            "Auto light/dark, in dark mode",
        )
    },
}


class TranslatedThemeLoader(BuiltinTemplateLoader):
    """Sphinx's template loader, except that furo's English literals go through gettext."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        edits = EDITS.get(_furo_template(filename))
        for english, translated in (edits or {}).items():
            if english not in source:
                raise TemplateError(
                    f"{filename} no longer contains {english!r}: update EDITS in {Path(__file__).name} "
                    "for this version of furo"
                )
            source = source.replace(english, translated)
        return source, filename, uptodate


def _furo_template(filename: str) -> str | None:
    """The template's name within furo's theme folder, or None for anybody else's template."""
    parts = Path(filename).parts
    if "furo" not in parts or "theme" not in parts:
        return None
    return "/".join(parts[parts.index("theme") + 2 :])


class AccessibleHTMLTranslator(HTML5Translator):
    """Sphinx's HTML writer, with the attributes accessibility asks for and none it should not write."""

    def starttag(self, node, tagname: str, suffix: str = "\n", empty: bool = False, **attributes) -> str:
        if attributes.get("ROLE") == "heading":  # toctree captions: the level their role requires
            attributes.setdefault("aria-level", "2")
        return super().starttag(node, tagname, suffix, empty, **attributes)

    def visit_meta(self, node) -> None:
        # Sphinx marks the nodes it translated with "translated", and docutils writes every
        # attribute of a meta node into its tag: translated pages said translated="True".
        attributes = dict(node.non_default_attributes())
        attributes.pop("translated", None)
        self.meta.append(self.emptytag(node, "meta", **attributes))

    def visit_literal_block(self, node) -> None:
        written = len(self.body)
        try:
            super().visit_literal_block(node)
        finally:
            # The block is one highlighted fragment, Pygments' <pre> inside Sphinx's <div>.
            self.body[written:] = [
                part.replace("<pre>", '<pre tabindex="0">', 1) for part in self.body[written:]
            ]
