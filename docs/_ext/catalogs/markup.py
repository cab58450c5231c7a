"""What a translation must keep from its source, read the way MyST reads it.

The parser is markdown-it with the plugins MyST-Parser enables for this site
(roles, footnotes, substitutions, tables, MyST's block syntax), built here so the
tooling needs no Sphinx. A test renders the same strings with MyST itself and
checks that both agree on what becomes emphasis and what stays literal text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from mdit_py_plugins.substitution import substitution_plugin

# Roles whose text may be `title <target>`: only the title may differ in a translation.
# Domain roles (py:func, std:ref...) take titles too.
TITLED_ROLES = frozenset({"doc", "ref", "term", "numref", "any", "download", "keyword", "option", "envvar"})
_TITLED = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
# A translation that ends in Sphinx's no-qa marker: Sphinx skips its reference checks, and so do we.
_NOQA = re.compile(r"^(?P<text>.*?)(?<!\\)#\s*noqa\s*$", re.DOTALL)
# Characters that open inline markup: a string without any of them has nothing to keep.
_MARKUP_CHARS = re.compile(r"[`*_\[\]<>{}&\\!^]")
# Emphasis delimiters that CommonMark leaves as text when they cannot open or close.
_DELIMITERS = "*_"


def _parser() -> MarkdownIt:
    md = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(myst_block_plugin)
        .use(myst_role_plugin)
        .use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
        .use(substitution_plugin, "{", "}")
    )
    # Keep backslash escapes as their own tokens: `\*` is a literal asterisk on purpose.
    md.disable("text_join", ignoreInvalid=True)
    return md


_MD = _parser()


def split_noqa(text: str) -> tuple[str, bool]:
    """A translation without its trailing `#noqa`, and whether it had one."""
    match = _NOQA.match(text)
    return (match["text"], True) if match else (text, False)


def role_key(name: str, content: str) -> str:
    """How a role is compared: `{doc}`Title <page>`` as `{doc}`page``, any other role by its whole text."""
    if name in TITLED_ROLES or ":" in name:
        match = _TITLED.match(content)
        if match:
            content = match["target"].strip()
    return f"{{{name}}}`{content}`"


@dataclass
class Markup:
    """The parts of one message that its translation must carry over unchanged."""

    roles: Counter = field(default_factory=Counter)
    links: Counter = field(default_factory=Counter)
    code: Counter = field(default_factory=Counter)
    substitutions: Counter = field(default_factory=Counter)
    footnotes: Counter = field(default_factory=Counter)
    html: Counter = field(default_factory=Counter)
    emphasis: int = 0  # em and strong spans that were parsed
    literal: Counter = field(default_factory=Counter)  # unescaped `*` and `_` left in text
    text: list[str] = field(default_factory=list)  # the visible prose: text and role titles

    KINDS = (
        ("roles", "role"),
        ("links", "link target"),
        ("code", "inline code"),
        ("substitutions", "substitution"),
        ("footnotes", "footnote reference"),
        ("html", "inline HTML"),
    )

    @property
    def prose(self) -> str:
        return "".join(self.text)


def _walk(tokens, markup: Markup) -> None:
    for token in tokens:
        kind = token.type
        if token.children:
            _walk(token.children, markup)
        if kind == "myst_role":
            name, content = token.meta["name"], token.content
            markup.roles[role_key(name, content)] += 1
            match = _TITLED.match(content)
            # A title is prose, unless the role shows it as code (the Python roles do).
            if match and (name in TITLED_ROLES or ":" in name) and not name.startswith("py:"):
                markup.text.append(match["title"])
        elif kind == "link_open":
            markup.links[token.attrGet("href")] += 1
        elif kind == "image":
            markup.links[token.attrGet("src")] += 1
        elif kind == "code_inline":
            markup.code[token.content] += 1
        elif kind in ("substitution_inline", "substitution_block"):
            markup.substitutions[token.content] += 1
        elif kind == "footnote_ref":
            markup.footnotes[token.meta.get("label", "")] += 1
        elif kind == "html_inline":
            markup.html[token.content] += 1
        elif kind in ("em_open", "strong_open"):
            markup.emphasis += 1
        elif kind == "text":
            markup.text.append(token.content)
            for char in _DELIMITERS:
                if char in token.content:
                    markup.literal[char] += token.content.count(char)
        elif kind == "text_special":  # a backslash escape or an entity: meant literally
            markup.text.append(token.content)
        elif kind == "softbreak":
            markup.text.append(" ")


@lru_cache(maxsize=4096)
def parse(text: str) -> Markup:
    """Read one message as MyST would (cached: one msgid is shared by three languages)."""
    markup = Markup()
    if not _MARKUP_CHARS.search(text):
        markup.text.append(text)
        return markup
    _walk(_MD.parse(text), markup)
    return markup


def differences(source: Markup, translation: Markup) -> list[str]:
    """What the translation lost or gained, one sentence per item (order does not matter)."""
    problems = []
    for attribute, label in Markup.KINDS:
        want, have = getattr(source, attribute), getattr(translation, attribute)
        if want == have:
            continue
        for item, count in (want - have).items():
            times = f" ({count} of {want[item]})" if want[item] > 1 else ""
            problems.append(f"{label} {_show(item)} is missing from the translation{times}")
        for item, count in (have - want).items():
            times = f" ({count} more than the source)" if want[item] else ""
            problems.append(f"{label} {_show(item)} is not in the source{times}")
    return problems


def literal_emphasis(source: Markup, translation: Markup) -> list[str]:
    """`**`/`*`/`_` that MyST leaves as literal characters in the translation but not in the source."""
    problems = []
    for char in _DELIMITERS:
        extra = translation.literal[char] - source.literal[char]
        if extra > 0:
            problems.append(
                f"emphasis that MyST will not render: {extra} literal {char!r} "
                f"in {_around(translation.prose, char)} "
                "(punctuation just inside the markers needs a space or punctuation just outside: "
                "add spaces or drop the emphasis)"
            )
    return problems


def _show(item: str) -> str:
    return item if item.startswith("{") else f'"{item}"'


def _around(text: str, char: str, width: int = 12) -> str:
    where = text.find(char)
    start, end = max(0, where - width), min(len(text), where + width + 2)
    snippet = ("..." if start else "") + text[start:end] + ("..." if end < len(text) else "")
    return '"' + snippet.replace("\n", " ") + '"'
