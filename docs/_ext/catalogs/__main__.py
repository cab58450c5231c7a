"""Command line: `python -m catalogs update | stats | check` (run by `nox -s translations`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import config as configuration
from .check import check
from .glossary import GlossaryError
from .stats import table
from .update import UpdateError, build_templates, update


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="nox -s translations --",
        description="Translation catalogs of the guide: one .po per page and language under locales/.",
    )
    parser.add_argument("--root", type=Path, help="the project folder (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{update,stats,check}")
    run_update = commands.add_parser(
        "update", help="regenerate the templates and merge them into every language"
    )
    run_update.add_argument(
        "--no-build", action="store_true", help="merge the templates already in _build/gettext (skip Sphinx)"
    )
    run_stats = commands.add_parser("stats", help="entries, translated, fuzzy and untranslated per language")
    run_stats.add_argument("--pages", action="store_true", help="one row per page too")
    run_check = commands.add_parser("check", help="fail on anything that must not ship (file:line messages)")
    run_check.add_argument(
        "--released",
        metavar="LANGS",
        help="check these languages as released: `zh_TW,pt`, `all` or `none` (default: pyproject.toml)",
    )
    run_check.add_argument(
        "--html", type=Path, metavar="DIR", help="also scan the built pages, e.g. _build/html"
    )
    run_check.add_argument(
        "--skip-stale",
        action="store_true",
        help="with --html: skip a language built before its catalogs changed",
    )
    fresh = run_check.add_mutually_exclusive_group()
    fresh.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="fail when a released language's catalogs differ from these templates (.pot)",
    )
    fresh.add_argument(
        "--fresh",
        action="store_true",
        help="make the templates from the pages first (runs Sphinx), then compare as --templates does",
    )
    args = parser.parse_args(argv)

    try:
        config = configuration.load(args.root)
        if args.command == "update":
            counts = update(config, build=not args.no_build)
            for language, tally in counts.items():
                print(f"{language}: " + ", ".join(f"{number} {what}" for what, number in tally.items()))
            print("next: translate the entries, then `nox -s translations -- check`")
            return 0
        if args.command == "stats":
            print(table(config, pages=args.pages))
            return 0
        config = config.with_released(args.released)
        templates = args.templates
        if args.fresh and config.released:
            templates = build_templates(config, config.root / (config.gettext + "-check"))
        start = time.perf_counter()
        problems = check(config, html=args.html, skip_stale=args.skip_stale, templates=templates)
        seconds = time.perf_counter() - start
        for problem in problems:
            print(problem)
        released = ", ".join(config.released) or "none"
        languages = ", ".join(config.languages)
        print(
            f"check: {len(problems)} problem(s) in {languages} (released: {released}), {seconds:.2f} s",
            file=sys.stderr,
        )
        return 1 if problems else 0
    except (configuration.ConfigError, GlossaryError, UpdateError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
