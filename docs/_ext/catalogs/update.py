"""`update`: fresh templates from the English pages, merged into every language.

The one writer of the page catalogs is GNU gettext: `msgmerge --previous` keeps the old
English of a changed message (`#| msgid ...`) beside the fuzzy translation, so a
translator sees what changed; `msginit` starts a new catalog. Both wrap at the
configured width, so a catalog changes only where its messages change.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .check import page_exists, tool
from .config import Config
from .pofiles import catalogs

_UUID = re.compile(r"^#: [0-9a-f]{32}$", re.MULTILINE)
_VOLATILE = re.compile(r'^"POT-Creation-Date: .*\\n"$', re.MULTILINE)


class UpdateError(Exception):
    """The templates could not be made or merged; the message says why."""


def build_templates(config: Config, out: Path | None = None) -> Path:
    """Run Sphinx's gettext builder into a clean folder: a removed page leaves no template behind."""
    out = out or config.root / config.gettext
    shutil.rmtree(out, ignore_errors=True)
    command = [
        sys.executable, "-m", "sphinx", "-q", "-b", "gettext", "-c", ".",
        "-d", str(out.parent / "doctrees" / out.name), config.docs, str(out),
    ]  # fmt: skip
    print("$ " + " ".join(["sphinx-build", *command[3:]]), file=sys.stderr, flush=True)
    done = subprocess.run(command, cwd=config.root, check=False)
    if done.returncode:
        raise UpdateError(f"sphinx-build -b gettext failed (exit status {done.returncode})")
    return out


def templates(config: Config, folder: Path) -> dict[str, Path]:
    """The templates by page, with repository-relative locations; refuses compact or uuid catalogs."""
    found = {
        path.relative_to(folder).with_suffix("").as_posix(): path for path in sorted(folder.rglob("*.pot"))
    }
    if not found:
        raise UpdateError(f"{config.relative(folder)}: no .pot templates (did the gettext build run?)")
    for page, path in found.items():
        if page in config.interface:
            raise UpdateError(
                f"the page {page!r} has the name of an interface catalog ({page}.po): rename it"
            )
        if not page_exists(config, page):
            raise UpdateError(
                f"{config.relative(path)} matches no page in {config.docs}/: "
                "set gettext_compact = False in conf.py (one catalog per page)"
            )
        if _UUID.search(path.read_text(encoding="utf-8")):
            raise UpdateError(f"{config.relative(path)} has uuids: set gettext_uuid = False in conf.py")
    return found


def _relocate(text: str, folder: Path, root: Path) -> str:
    """`#: ../../docs/page.md:12` (relative to the build folder) -> `#: docs/page.md:12`."""

    def fix(line: str) -> str:
        if not line.startswith("#: "):
            return line
        places = []
        for place in line[3:].split():
            name, colon, number = place.rpartition(":")
            if not colon:
                name, number = place, ""
            path = (folder / name).resolve()
            if path.is_file() and path.is_relative_to(root.resolve()):  # not when already relocated
                name = path.relative_to(root.resolve()).as_posix()
            places.append(f"{name}:{number}" if colon else name)
        return "#: " + " ".join(places)

    return "\n".join(fix(line) for line in text.split("\n"))


def _same(old: str, new: str) -> bool:
    """Equal but for the templates' creation date, which changes on every run."""
    return _VOLATILE.sub("", old) == _VOLATILE.sub("", new)


def merge(config: Config, pot: Path, target: Path, locale: str, programs: dict[str, str]) -> str:
    """Bring one catalog up to date with its template; returns created, updated or unchanged."""
    width = f"--width={config.width}"
    with tempfile.TemporaryDirectory() as tmp:
        start, merged, cleaned = Path(tmp) / "new.po", Path(tmp) / "merged.po", Path(tmp) / "cleaned.po"
        commands = []
        if not target.is_file():  # a new catalog: msginit fills the header (language, plural forms)
            commands.append(
                [
                    programs["msginit"],
                    "--no-translator",
                    f"--locale={locale}",
                    width,
                    "-i",
                    str(pot),
                    "-o",
                    str(start),
                ]
            )
        commands += [
            # msgmerge after msginit too: it orders the header its own way, and the next
            # run must change nothing.
            [programs["msgmerge"], "--quiet", "--previous", width, "-o", str(merged),
             str(target if target.is_file() else start), str(pot)],
            # Obsolete (`#~`) entries would pile up in every catalog: git keeps the history.
            [programs["msgattrib"], "--no-obsolete", width, "-o", str(cleaned), str(merged)],
        ]  # fmt: skip
        for command in commands:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode:
                raise UpdateError(
                    f"{config.relative(target)}: {Path(command[0]).name} failed:\n{done.stderr.strip()}"
                )
        new = cleaned.read_text(encoding="utf-8")
    if target.is_file():
        if _same(target.read_text(encoding="utf-8"), new):
            return "unchanged"
        target.write_text(new, encoding="utf-8")
        return "updated"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(new, encoding="utf-8")
    return "created"


def remove_orphans(config: Config, language: str, pages: set[str]) -> list[Path]:
    """Delete the catalogs (and compiled .mo files) of pages that are gone; never interface catalogs."""
    removed = []
    for catalog in catalogs(config, [language]):
        if catalog.page in pages or catalog.interface:
            continue
        catalog.path.unlink()
        catalog.path.with_suffix(".mo").unlink(missing_ok=True)
        removed.append(catalog.path)
    folder = config.messages_dir(language)
    for path in sorted(folder.rglob("*"), reverse=True):  # subfolders left empty
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


def update(config: Config, *, build: bool = True) -> dict[str, dict[str, int]]:
    """Templates from the sources, then every language's catalogs; returns counts per language."""
    programs = {name: tool(name) for name in ("msgmerge", "msginit", "msgattrib")}
    folder = build_templates(config) if build else config.root / config.gettext
    pots = templates(config, folder)
    for pot in pots.values():  # the catalogs' `#:` places come from here: repository-relative
        pot.write_text(_relocate(pot.read_text(encoding="utf-8"), pot.parent, config.root), encoding="utf-8")
    jobs = [
        (language, page, pot, config.messages_dir(language) / (page + ".po"))
        for language in config.languages
        for page, pot in pots.items()
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(
            pool.map(lambda job: merge(config, job[2], job[3], config.languages[job[0]], programs), jobs)
        )
    counts: dict[str, dict[str, int]] = {}
    for (language, _page, _pot, target), result in zip(jobs, results, strict=True):
        tally = counts.setdefault(language, {"created": 0, "updated": 0, "unchanged": 0, "removed": 0})
        tally[result] += 1
        if result != "unchanged":
            print(f"{result} {config.relative(target)}")
    for language in config.languages:
        for path in remove_orphans(config, language, set(pots)):
            counts[language]["removed"] += 1
            print(f"removed {config.relative(path)} (its page is gone)")
    return counts
