"""Finding and reading the catalogs: one `<page>.po` per page and language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from .config import Config


@dataclass(frozen=True)
class Catalog:
    language: str
    page: str  # docname: `api-errors`, `guide/intro`; or an interface catalog's name
    path: Path
    interface: bool  # the site's own strings (sphinx.po): checked, never merged or removed


def catalogs(config: Config, languages: list[str] | None = None) -> list[Catalog]:
    """Every catalog of the configured languages, in a stable order."""
    found = []
    for language in languages or list(config.languages):
        folder = config.messages_dir(language)
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.po")):
            page = path.relative_to(folder).with_suffix("").as_posix()
            found.append(Catalog(language, page, path, page in config.interface))
    return found


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgstr: str
    line: int  # the line of `msgid` in the file
    fuzzy: bool
    previous: str | None  # the old msgid of a fuzzy entry (`#|`), when msgmerge kept it

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and not self.fuzzy


def read(path: Path) -> list[Entry]:
    """The live entries of a catalog (no header, no obsolete ones). Raises OSError on a syntax error."""
    text = path.read_text(encoding="utf-8")
    po = polib.pofile(text, wrapwidth=0)
    lines = text.splitlines()
    entries = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[key] for key in sorted(entry.msgstr_plural)]
            msgstr = "" if not all(forms) else forms[0]
        else:
            msgstr = entry.msgstr
        entries.append(
            Entry(
                msgid=entry.msgid,
                msgstr=msgstr,
                line=_msgid_line(lines, entry.linenum),
                fuzzy="fuzzy" in entry.flags,
                previous=entry.previous_msgid,
            )
        )
    return entries


def _msgid_line(lines: list[str], start: int | None) -> int:
    """polib numbers an entry from its first comment; messages point at its msgid."""
    if not start:
        return 0
    for number in range(start - 1, min(len(lines), start + 200)):
        if lines[number].startswith(("msgid ", "msgctxt ")):
            return number + 1
    return start
