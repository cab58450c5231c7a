"""Measure the speed budget and print medians and ratios; run through ``nox -s bench``.

Every figure times a command a contributor runs, as a whole process, several
times, and reports the median. A ratio is the median of paired runs (the two
commands taken in turn), which holds up better than two medians on a shared
machine whose speed drifts.

The budget, on two cores:
- the examples' pytest run: at most 10 ms per exchange;
- a clean build of every language: at most 2.5 times the English one;
- a rebuild with nothing changed: at most 0.2 times a clean build;
- running the examples during a build (nothing cached): at most 1.1 times a
  build that finds every run cached.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
NOX = [sys.executable, "-m", "nox"]
REUSED = [*NOX, "--no-install", "--reuse-existing-virtualenvs"]
Timed = tuple[list[str], Callable[[], None]]  # a command, and what to do before each run
sys.path[:0] = [str(ROOT)]
from noxfile import EXAMPLES_PYTEST  # noqa: E402 - the examples' pytest options, as `nox -s examples` runs them


def run_and_read(command: list[str]) -> tuple[float, str]:
    """Seconds the whole process took, and what it printed."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    return elapsed, done.stdout


def pytest_runs(
    runs: int, command: list[str], before: Callable[[], None] = lambda: None
) -> tuple[float, float]:
    """Median seconds of the whole pytest process, and of the session as pytest itself times it."""
    whole, reported = [], []
    for _ in range(runs):
        before()
        seconds, output = run_and_read(command)
        whole.append(seconds)
        found = re.search(r" in ([0-9.]+)s", output.splitlines()[-1])
        if not found:
            sys.exit(f"no duration in pytest's last line: {output.splitlines()[-1]!r}")
        reported.append(float(found.group(1)))
    return statistics.median(whole), statistics.median(reported)


def median_of(runs: int, command: list[str]) -> float:
    return statistics.median(run_and_read(command)[0] for _ in range(runs))


def paired(runs: int, measured: Timed, base: Timed) -> tuple[float, float, float]:
    """Median times of ``base`` and ``measured``, run in turn, and the median of their ratios."""
    ratios, base_times, measured_times = [], [], []
    for _ in range(runs):
        base[1]()
        base_times.append(run_and_read(base[0])[0])
        measured[1]()
        measured_times.append(run_and_read(measured[0])[0])
        ratios.append(measured_times[-1] / base_times[-1])
    return statistics.median(base_times), statistics.median(measured_times), statistics.median(ratios)


def clean_outputs() -> None:
    """A clean build: no HTML and no doctrees; the transcript cache is kept (warm)."""
    for folder in ("html", "doctrees"):
        shutil.rmtree(BUILD / folder, ignore_errors=True)


def forget_coverage() -> None:
    """No example's coverage kept from an earlier run, and no report: everything measured anew."""
    shutil.rmtree(BUILD / ".coverage-by-example", ignore_errors=True)
    (BUILD / ".coverage-report.json").unlink(missing_ok=True)


def clean_everything() -> None:
    clean_outputs()
    shutil.rmtree(BUILD / ".transcripts", ignore_errors=True)


def exchanges() -> int:
    sys.path[:0] = [str(ROOT / "docs" / "_ext")]
    from guide.expectations import discover, load_example

    return sum(len(load_example(name, ROOT).exchanges) for name in discover(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    python = str(ROOT / ".nox" / "examples" / "bin" / "python")
    pytest_examples = [
        python,
        "-m",
        "pytest",
        *EXAMPLES_PYTEST,
        "-q",
        "-p",
        "no:cacheprovider",
        "--examples-coverage",
    ]

    # Prepare the environments once, so that every timed run reuses them.
    for session in ("examples", "docs"):
        run_and_read([*NOX, "-s", session])

    rows: list[tuple[str, float, str, str]] = []
    count = exchanges()
    whole, reported = pytest_runs(runs, pytest_examples)
    per_exchange = 1000 * reported / count
    rows.append(("examples: pytest, whole process", whole, "", ""))
    rows.append(
        (
            f"examples: pytest's own time ({count} exchanges)",
            reported,
            "<= 10 ms each",
            ok(per_exchange <= 10),
        )
    )
    # Informative: the first run after every example changed (a fresh clone, CI).
    measured_anew, _ = pytest_runs(runs, pytest_examples, forget_coverage)
    rows.append(("examples: pytest, every example measured anew", measured_anew, "", ""))
    rows.append(
        ("nox -s examples (environment reused)", median_of(runs, [*REUSED, "-s", "examples"]), "", "")
    )

    docs_en = ([*REUSED, "-s", "docs", "--", "en"], clean_outputs)
    docs_all = ([*REUSED, "-s", "docs"], clean_outputs)
    english, everything, every_language = paired(runs, docs_all, docs_en)
    _, nothing_changed, unchanged = paired(runs, ([*REUSED, "-s", "docs"], lambda: None), docs_all)
    _, cold_english, cold_en = paired(runs, (docs_en[0], clean_everything), docs_en)
    _, cold_everything, cold_all = paired(runs, (docs_all[0], clean_everything), docs_all)
    rows.append(("docs: clean build, English", english, "", ""))
    rows.append(
        ("docs: clean build, every language", everything, "<= 2.5x English", verdict(every_language, 2.5))
    )
    rows.append(("docs: rebuild, nothing changed", nothing_changed, "<= 0.2x clean", verdict(unchanged, 0.2)))
    rows.append(
        (
            "docs: English, examples run (nothing cached)",
            cold_english,
            "<= 1.1x cached",
            verdict(cold_en, 1.1),
        )
    )
    rows.append(
        ("docs: every language, examples run", cold_everything, "<= 1.1x cached", verdict(cold_all, 1.1))
    )

    print(f"\nmedians of {runs} runs on {os.cpu_count()} cores; ratios are medians of paired runs\n")
    examples_python = run_and_read([python, "-c", "import platform; print(platform.python_version())"])[1]
    print(f"the examples ran on Python {examples_python.strip()}; {per_exchange:.1f} ms per exchange")
    print(f"{'measure':48} {'median s':>9}  {'budget':16} result")
    for name, seconds, budget, result in rows:
        print(f"{name:48} {seconds:9.2f}  {budget:16} {result}")


def ok(passed: bool) -> str:
    return "ok" if passed else "OVER BUDGET"


def verdict(ratio: float, limit: float) -> str:
    return f"{ratio:.2f}x " + ok(ratio <= limit)


if __name__ == "__main__":
    main()
