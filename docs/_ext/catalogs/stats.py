"""`stats`: how far each language is, in entries (the page catalogs only)."""

from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .pofiles import catalogs, read


@dataclass
class Count:
    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    def add(self, other: Count) -> None:
        self.entries += other.entries
        self.translated += other.translated
        self.fuzzy += other.fuzzy
        self.untranslated += other.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.entries if self.entries else 100.0


def count(config: Config) -> dict[str, dict[str, Count]]:
    """Counts per language and page."""
    result: dict[str, dict[str, Count]] = {language: {} for language in config.languages}
    for catalog in catalogs(config):
        if catalog.interface:
            continue
        tally = Count()
        for entry in read(catalog.path):
            tally.entries += 1
            if entry.fuzzy and entry.msgstr:
                tally.fuzzy += 1
            elif entry.msgstr:
                tally.translated += 1
            else:
                tally.untranslated += 1
        result[catalog.language][catalog.page] = tally
    return result


def table(config: Config, pages: bool = False) -> str:
    """A plain-text table: one row per language (and per page with `pages`)."""
    header = ("language", "entries", "translated", "fuzzy", "untranslated", "done")
    rows = []
    for language, by_page in count(config).items():
        total = Count()
        for tally in by_page.values():
            total.add(tally)
        released = " (released)" if language in config.released else ""
        rows.append((language + released, total))
        if pages:
            rows += [(f"  {page}", tally) for page, tally in sorted(by_page.items())]
    lines = [header] + [
        (name, str(c.entries), str(c.translated), str(c.fuzzy), str(c.untranslated), f"{c.percent:.1f}%")
        for name, c in rows
    ]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(line))
        for line in lines
    )
