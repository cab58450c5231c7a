"""`check --html DIR`: MyST markup that leaked into the built translated pages as text.

A translation can pass every catalog check and still show `**` or `{run}` to readers
(a role whose backticks were changed, emphasis MyST did not parse). This reads the
text of each built page of each translated language, outside code, and traces every
leak back to the catalog entry that contains it when it can.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from .config import Config
from .glossary import CJK_CHARACTERS
from .pofiles import catalogs, read

# Elements whose text is code or not prose: leftovers there are expected.
_SKIP = {"code", "pre", "script", "style", "textarea", "kbd", "samp", "tt", "template", "svg"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LEAKS = (
    ("**", re.compile(r"\*\*")),
    # A single one next to CJK.
    ("*", re.compile(rf"(?<=[{CJK_CHARACTERS}])\*(?!\*)|(?<!\*)\*(?=[{CJK_CHARACTERS}])")),
    ("{role}", re.compile(r"\{[a-zA-Z][\w:+-]*\}")),
    ("](", re.compile(r"\]\(")),
    ("`...`", re.compile(r"`[^`\n]+`")),
    ("{{ }}", re.compile(r"\{\{[^{}]*\}\}")),
)
_SKIP_PAGES = {"search.html", "genindex.html"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.chunks: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        self.stack.append(tag)
        if tag in _SKIP:
            self.skip += 1
        self.chunks.append("\n")

    def handle_endtag(self, tag):
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in _SKIP:
                self.skip -= 1
            if top == tag:
                break
        self.chunks.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.chunks)


def leaks(text: str) -> list[tuple[str, str, str]]:
    """(kind, snippet, the markup) for every leftover piece of markup in a page's text."""
    found = []
    for line in text.splitlines():
        for kind, pattern in LEAKS:
            for match in pattern.finditer(line):
                start, end = max(0, match.start() - 15), min(len(line), match.end() + 15)
                found.append((kind, line[start:end].strip(), match.group()))
    return found


def scan(config: Config, html: Path, skip_stale: bool = False):
    """Problems in the built pages under html/<language>/ (a build older than its catalogs is one)."""
    from .check import Problem, short

    html = Path(html) if Path(html).is_absolute() else config.root / html
    problems = []
    for language in config.languages:
        folder = html / language
        if not folder.is_dir():
            continue
        sources = [c for c in catalogs(config, [language]) if not c.interface]
        newest = max((c.path.stat().st_mtime for c in sources), default=0)
        pages = [
            p
            for p in sorted(folder.rglob("*.html"))
            if "_static" not in p.parts and p.name not in _SKIP_PAGES
        ]
        if pages and max(p.stat().st_mtime for p in pages) < newest:
            stale = f"not scanned: the build is older than its catalogs (run `nox -s docs -- {language}`)"
            if skip_stale:
                print(f"note: {config.relative(folder)}: {stale}", file=sys.stderr)
            else:
                problems.append(Problem(config.relative(folder), 0, stale))
            continue
        entries = {c: None for c in sources}
        seen = set()
        for page in pages:
            for kind, snippet, marker in leaks(page_text(page)):
                if (kind, snippet) in seen:  # the same leak in every page's navigation: once
                    continue
                seen.add((kind, snippet))
                where = _origin(entries, snippet, marker)
                what = f"markup leaked into {config.relative(page)}: {kind} in {short(snippet, 60)}"
                if where:
                    catalog, entry = where
                    problems.append(
                        Problem(
                            config.relative(catalog.path), entry.line, f"{what} (msgid: {short(entry.msgid)})"
                        )
                    )
                else:
                    problems.append(Problem(config.relative(page), 0, what))
    return problems


def _origin(entries, snippet: str, marker: str):
    """The catalog entry whose translation holds the leaked text, if one does."""
    where = snippet.find(marker)
    probe = snippet[max(0, where - 6) : where + len(marker) + 6].strip()
    for catalog in entries:
        if entries[catalog] is None:
            try:
                entries[catalog] = read(catalog.path)
            except (OSError, ValueError):
                entries[catalog] = []
        for entry in entries[catalog]:
            if entry.msgstr and probe and probe in " ".join(entry.msgstr.split()):
                return catalog, entry
    return None
