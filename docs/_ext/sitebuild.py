"""Build several languages of the site side by side: ``python docs/_ext/sitebuild.py en pt -- -E``.

Each language is its own Sphinx build (its own configuration, environment and
output folder) in a child process. The children are forked from one parent
that has imported Sphinx, MyST, the theme and the engine once, for all of them.
First, before it even imports Sphinx, it forks two processes that share out
the examples missing from the transcript cache and run them in the order the
pages show them: a build that needs a run waits for it instead of running it
too, so examples run once, beside the builds rather than inside each.
Nothing language-specific is loaded before the fork: the Chinese word
segmenter, for one, loads only in a Chinese build that indexes a page.

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
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from sitestamp import Stamps

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "_build"
DOCS = ROOT / "docs"

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


def sphinx_argv(language: str, extra: list[str]) -> list[str]:
    """One language's build: its own output folder and its own doctrees."""
    return [
        "-W",
        "--keep-going",
        "-n",
        "-q",
        "-c",
        str(ROOT),
        "-D",
        f"language={language}",
        "-d",
        str(BUILD / "doctrees" / language),
        *extra,
        str(DOCS),
        str(BUILD / "html" / language),
    ]


def examples_in_page_order() -> list[str]:
    """Every example, those the pages show first, in the order a build reads them."""
    from guide.expectations import discover, pages_by_example

    return list(dict.fromkeys([*pages_by_example(), *discover()]))


def _output_file():
    """Where one build's messages wait until they are printed, in the order languages were asked."""
    return tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")


def _fork_build(language: str, extra: list[str], output) -> int:
    """Start one language's build in a child whose output goes to ``output``; its pid."""
    from sphinx.cmd.build import build_main

    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        os.dup2(output.fileno(), 1)
        os.dup2(output.fileno(), 2)
        code = build_main(sphinx_argv(language, extra))
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def build_forked(languages: list[str], extra: list[str], jobs: int) -> list[Built]:
    from guide.cache import DEFAULT_DIR, run_ahead

    # Before Sphinx is imported: the examples start running while the parent imports it.
    # With another guide_transcript_cache in conf.py, the builds run their examples themselves.
    ahead = run_ahead(examples_in_page_order(), ROOT / DEFAULT_DIR)
    for name in SHARED_MODULES:
        importlib.import_module(name)
    queue = list(languages)
    running: dict[int, tuple[str, object, float]] = {}
    results: dict[str, Built] = {}
    with contextlib.ExitStack() as outputs:
        while queue or running:
            while queue and len(running) < jobs:
                language = queue.pop(0)
                output = outputs.enter_context(_output_file())
                running[_fork_build(language, extra, output)] = (language, output, time.perf_counter())
            pid, status = os.wait()
            if pid not in running:
                continue  # a process running the examples ahead
            language, output, start = running.pop(pid)
            output.seek(0)
            code = os.waitstatus_to_exitcode(status)
            results[language] = Built(language, code, output.read(), time.perf_counter() - start)
    ahead.finish()
    return [results[language] for language in languages]


def _build_in_new_interpreter(language: str, extra: list[str]) -> Built:
    start = time.perf_counter()
    command = [sys.executable, "-m", "sphinx", *sphinx_argv(language, extra)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    return Built(language, done.returncode, done.stdout + done.stderr, time.perf_counter() - start)


def build(languages: list[str], extra: list[str], jobs: int) -> list[Built]:
    """Build every language, ``jobs`` at a time; results in the order asked."""
    if hasattr(os, "fork"):
        return build_forked(languages, extra, jobs)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_build_in_new_interpreter, languages, [extra] * len(languages)))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ours, extra = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="+")
    parser.add_argument("--jobs", type=int, help="builds at once (default: all)")
    args = parser.parse_args(ours)
    sys.path[:0] = [str(ROOT / "docs" / "_ext"), str(ROOT)]  # the engine, and examples/ for the runs
    stamps = Stamps(ROOT, extra)
    stale = [language for language in args.languages if not stamps.up_to_date(language)]
    for language in args.languages:
        if language not in stale:
            print(f"{language}: up to date (nothing it is built from has changed)", flush=True)
    results = build(stale, extra, max(1, args.jobs or len(stale))) if stale else []
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
