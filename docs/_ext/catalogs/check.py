"""`check`: everything that must hold before a catalog ships.

Each problem is one line, `file:line: what (msgid: "...")`, so an editor can jump to it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polib

from . import glossary as glossaries
from . import markup
from .config import Config
from .pofiles import Catalog, Entry, catalogs, read

PAGE_SUFFIXES = (".md", ".rst")
_COUNT = re.compile(r"^\S*msgfmt: found \d+ fatal errors?$")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def short(text: str, width: int = 70) -> str:
    """A msgid as messages quote it: one line, cut to `width` characters."""
    text = " ".join(text.split())
    text = text if len(text) <= width else text[: width - 3] + "..."
    return '"' + text.replace('"', '\\"') + '"'


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(
            f"{name} not found: install GNU gettext (Debian/Ubuntu: apt-get install gettext; "
            "macOS: brew install gettext)"
        )
    return found


def msgfmt(config: Config, catalog: Catalog, program: str) -> list[Problem]:
    """GNU msgfmt's own validation: syntax, header, plural forms, format strings, newlines."""
    relative = config.relative(catalog.path)
    done = subprocess.run(
        [program, "-c", "--check-format", "-o", "/dev/null", relative],
        cwd=config.root,
        capture_output=True,
        text=True,
        check=False,
    )
    if not done.returncode:
        return []  # warnings only (say, a header still holding msginit's placeholders): valid
    messages: list[str] = []
    for line in done.stderr.splitlines():
        if line[:1].isspace() and messages:
            messages[-1] += " " + line.strip()
        elif line.strip():
            messages.append(line.strip())
    # Keep the errors: not the warnings that come with them, nor msgfmt's closing count.
    messages = [m for m in messages if ": warning: " not in m and not _COUNT.search(m)]
    if not messages:
        messages.append(f"{relative}: msgfmt failed with exit status {done.returncode}")
    problems = []
    for message in messages:
        where, line, rest = relative, 0, message
        if message.startswith(relative + ":"):
            rest = message[len(relative) + 1 :]
            head, _, tail = rest.partition(":")
            if head.isdigit():
                line, rest = int(head), tail
                column, _, tail = rest.partition(":")  # `12:8: syntax error`
                if column.isdigit():
                    rest = tail
        problems.append(Problem(where, line, "invalid catalog (msgfmt): " + rest.strip()))
    return problems


def page_exists(config: Config, page: str) -> bool:
    return any((config.root / config.docs / (page + suffix)).is_file() for suffix in PAGE_SUFFIXES)


def pages(config: Config) -> list[str]:
    """The docnames of the sources: docs/**/*.md outside folders starting with `_` or `.`."""
    docs = config.root / config.docs
    found = []
    for suffix in PAGE_SUFFIXES:
        for path in docs.rglob("*" + suffix):
            parts = path.relative_to(docs).parts
            if not any(part.startswith(("_", ".")) for part in parts[:-1]):
                found.append(path.relative_to(docs).with_suffix("").as_posix())
    return sorted(found)


def check_entry(entry: Entry, released: bool, glossary: glossaries.Glossary | None) -> list[tuple[int, str]]:
    """The problems of one entry of a page catalog, as (line, message)."""
    if not entry.msgstr:
        return [(entry.line, "untranslated entry")] if released else []
    if entry.fuzzy:
        if not released:
            return []
        changed = " (the English changed: `#|` shows what it was)" if entry.previous else ""
        return [(entry.line, f"fuzzy entry{changed}: review it, then remove the fuzzy flag")]
    text, noqa = markup.split_noqa(entry.msgstr)
    source, translation = markup.parse(entry.msgid), markup.parse(text)
    messages = [] if noqa else markup.differences(source, translation)
    messages += markup.literal_emphasis(source, translation)
    if glossary:
        messages += glossary.problems(translation.prose)
    return [(entry.line, message) for message in messages]


def out_of_date(config: Config, folder: Path) -> list[Problem]:
    """Catalogs of released languages whose messages differ from the templates in `folder`.

    A catalog that `update` has not seen since its page changed would leave English
    paragraphs in a released language without any entry being fuzzy or empty.
    """
    from .update import templates

    folder = Path(folder) if Path(folder).is_absolute() else config.root / folder
    problems = []
    for page, pot in templates(config, folder).items():
        wanted = {entry.msgid for entry in polib.pofile(str(pot)) if entry.msgid and not entry.obsolete}
        for language in config.released:
            path = config.messages_dir(language) / (page + ".po")
            if not path.is_file():
                continue  # reported as a missing catalog
            try:
                have = {entry.msgid for entry in read(path)}
            except (OSError, ValueError):
                continue  # reported as invalid
            for label, messages in (("new in", wanted - have), ("gone from", have - wanted)):
                if messages:
                    problems.append(
                        Problem(
                            config.relative(path),
                            0,
                            f"out of date: {len(messages)} message(s) {label} {config.docs}/{page}.md, "
                            f"such as {short(min(messages))}: run `nox -s translations -- update`",
                        )
                    )
    return problems


def check(
    config: Config, html: Path | None = None, skip_stale: bool = False, templates: Path | None = None
) -> list[Problem]:
    """Every problem in every catalog of the configured languages."""
    found = catalogs(config)
    problems: list[Problem] = []
    program = tool("msgfmt")
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = pool.map(lambda catalog: msgfmt(config, catalog, program), found)
        invalid = dict(zip(found, results, strict=True))

    loaded: dict[str, glossaries.Glossary | None] = {}
    for language in config.languages:
        path = config.glossary(language)
        try:
            loaded[language] = glossaries.load(path, language)
        except glossaries.GlossaryError as error:
            problems.append(Problem(config.relative(path), 0, f"invalid glossary: {error}"))
            loaded[language] = None

    by_language: dict[str, set[str]] = {language: set() for language in config.languages}
    for catalog in found:
        relative = config.relative(catalog.path)
        problems += invalid[catalog]
        try:
            entries = read(catalog.path)
        except (OSError, ValueError) as error:
            if not invalid[catalog]:
                problems.append(Problem(relative, 0, f"cannot read the catalog: {error}"))
            continue
        glossary = loaded.get(catalog.language)
        if catalog.interface:  # the site's interface strings: plain text, no MyST
            for entry in entries:
                if entry.translated and glossary:
                    for message in glossary.problems(entry.msgstr):
                        problems.append(
                            Problem(relative, entry.line, f"{message} (msgid: {short(entry.msgid)})")
                        )
            continue
        by_language[catalog.language].add(catalog.page)
        if not page_exists(config, catalog.page):
            problems.append(
                Problem(
                    relative,
                    0,
                    f"the page {config.docs}/{catalog.page}.md no longer exists: "
                    "run `nox -s translations -- update`, which removes its catalog",
                )
            )
            continue
        released = catalog.language in config.released
        for entry in entries:
            for line, message in check_entry(entry, released, glossary):
                problems.append(Problem(relative, line, f"{message} (msgid: {short(entry.msgid)})"))

    sources = pages(config)
    for language in config.released:
        for page in sources:
            if page not in by_language[language] and page not in config.interface:
                path = config.relative(config.messages_dir(language) / (page + ".po"))
                problems.append(
                    Problem(
                        path,
                        0,
                        f"missing catalog for {config.docs}/{page}.md: run `nox -s translations -- update`",
                    )
                )

    if templates is not None:
        problems += out_of_date(config, templates)
    if html is not None:
        from .htmlscan import scan

        problems += scan(config, html, skip_stale)
    unique = list(dict.fromkeys(problems))  # one entry's problems stay in the order found
    return sorted(unique, key=lambda problem: (problem.path, problem.line))
