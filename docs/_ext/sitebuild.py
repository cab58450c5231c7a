"""Build several languages of the site side by side: ``python docs/_ext/sitebuild.py en pt -- -E``.

Each language is its own Sphinx build (its own configuration, environment and
output folder) in a child process. The children are forked from one parent
that has imported Sphinx, MyST, the theme and the engine once, for all of them.
First, before it even imports Sphinx, the parent starts two processes that run
the examples missing from the transcript cache, in the order the pages show
them, through the same runs service as the builds (``guide.runs``): a build
that needs a run one of them is making waits for that example's lock, so the
examples run once, beside the builds rather than inside each. Nothing
language-specific is loaded before the fork: the Chinese word segmenter, for
one, loads only in a Chinese build that indexes a page.

A language whose stamp says nothing it is built from has changed is not
built at all (sitestamp.py); when no language needs a build, Sphinx is not
even imported. ``-- -E`` builds anyway.

All builds run at once by default. On two cores that keeps both busy to the
end; two at a time left one idle while the longest build finished.
Where fork is not available (Windows), each language runs in a fresh
interpreter instead: the same builds, only slower.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import multiprocessing
import multiprocessing.connection
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from sitestamp import Stamps

PROJECT = Path(__file__).resolve().parents[2]  # the project this script belongs to: the default root
TRANSCRIPTS = "_build/.transcripts"  # the builds' cache: conf.py's guide_transcript_cache

# What every language build imports; a build imports the rest itself.
SHARED_MODULES = (
    "sphinx.cmd.build",
    "sphinx.application",
    "sphinx.builders.html",
    "sphinx.search",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
    "myst_parser",
    "myst_parser.sphinx_ext.main",
    "myst_parser.parsers.sphinx_",
    "furo",
    "pygments.lexers",
    "guide.sphinxext",
)


class Built(NamedTuple):
    language: str
    returncode: int
    output: str
    seconds: float


def sphinx_argv(root: Path, language: str, extra: list[str]) -> list[str]:
    """One language's build: its own output folder and its own doctrees."""
    build = root / "_build"
    return [
        *("-W", "--keep-going", "-n", "-q", "-c", str(root), "-D", f"language={language}"),
        *("-d", str(build / "doctrees" / language), *extra),
        *(str(root / "docs"), str(build / "html" / language)),
    ]


def examples_in_page_order(root: Path) -> list[str]:
    """Every example, those the pages show first, in the order a build reads them."""
    from guide.expectations import discover, pages_by_example

    return list(dict.fromkeys([*pages_by_example(root), *discover(root)]))


def run_examples_ahead(root: Path, names: list[str]) -> None:
    """In a process of its own: run, into the builds' cache, the examples nobody has run yet."""
    from guide.expectations import ExpectationError, load_example
    from guide.runs import Runs

    runs = Runs(root / TRANSCRIPTS)
    for name in names:
        with contextlib.suppress(ExpectationError):  # the build that shows it reports the problem
            runs.prefetch(load_example(name, root))


def _output_file():
    """Where one build's messages wait until they are printed, in the order languages were asked."""
    return tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")


def _build_here(root: Path, language: str, extra: list[str], output: int) -> None:
    """In a child process: one language's build, its messages written to ``output``."""
    from sphinx.cmd.build import build_main

    os.dup2(output, 1)
    os.dup2(output, 2)
    sys.stdout = sys.stderr = open(output, "w", closefd=False)  # noqa: SIM115 - whatever they were
    sys.exit(build_main(sphinx_argv(root, language, extra)))


def build_forked(root: Path, languages: list[str], extra: list[str], jobs: int) -> list[Built]:
    fork = multiprocessing.get_context("fork")
    # Before Sphinx is imported: the examples start running while this process imports it.
    # With another guide_transcript_cache in conf.py, the builds run their examples themselves.
    names = examples_in_page_order(root)
    ahead = fork.Process(target=run_examples_ahead, args=(root, names))
    ahead.start()
    for name in SHARED_MODULES:
        importlib.import_module(name)
    queue = list(languages)
    running: dict[int, tuple[str, multiprocessing.Process, object, float]] = {}  # by sentinel
    results: dict[str, Built] = {}
    with contextlib.ExitStack() as outputs:
        while queue or running:
            while queue and len(running) < jobs:
                language = queue.pop(0)
                output = outputs.enter_context(_output_file())
                build = fork.Process(target=_build_here, args=(root, language, extra, output.fileno()))
                build.start()
                running[build.sentinel] = (language, build, output, time.perf_counter())
            for sentinel in multiprocessing.connection.wait(list(running)):
                language, build, output, start = running.pop(sentinel)
                build.join()
                output.seek(0)
                seconds = time.perf_counter() - start
                results[language] = Built(language, build.exitcode, output.read(), seconds)
    ahead.join()
    return [results[language] for language in languages]


def _build_in_new_interpreter(root: Path, language: str, extra: list[str]) -> Built:
    start = time.perf_counter()
    command = [sys.executable, "-m", "sphinx", *sphinx_argv(root, language, extra)]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    return Built(language, done.returncode, done.stdout + done.stderr, time.perf_counter() - start)


def build(root: Path, languages: list[str], extra: list[str], jobs: int) -> list[Built]:
    """Build every language, ``jobs`` at a time; results in the order asked."""
    if hasattr(os, "fork"):
        return build_forked(root, languages, extra, jobs)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lambda language: _build_in_new_interpreter(root, language, extra), languages))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ours, extra = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="+")
    parser.add_argument("--jobs", type=int, help="builds at once (default: all)")
    parser.add_argument("--root", type=Path, default=PROJECT, help="the project (default: this checkout)")
    args = parser.parse_args(ours)
    root = args.root.resolve()
    sys.path[:0] = [str(root)]  # examples/, for the runs
    stamps = Stamps(root, extra)
    stale = [language for language in args.languages if not stamps.up_to_date(language)]
    for language in args.languages:
        if language not in stale:
            print(f"{language}: up to date (nothing it is built from has changed)", flush=True)
    results = build(root, stale, extra, max(1, args.jobs or len(stale))) if stale else []
    for result in results:
        if result.returncode == 0:
            stamps.record(result.language)
        else:
            stamps.forget(result.language)
        verdict = "ok" if result.returncode == 0 else "FAILED"
        print(f"{result.language}: {verdict} in {result.seconds:.1f} s", flush=True)
        if result.output.strip():
            print(result.output.rstrip(), flush=True)
    failed = [result.language for result in results if result.returncode]
    if failed:
        print(f"the build failed for: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
