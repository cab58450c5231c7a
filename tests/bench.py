"""Measure the speed budget of design.md P1-P3 and print medians and ratios.

Run through ``nox -s bench``; every figure times the same command a
contributor runs, as a whole process, several times, and reports the median.
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


def run(command: list[str]) -> float:
    return run_and_read(command)[0]


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


def median_of(runs: int, command: list[str], before: Callable[[], None] = lambda: None) -> float:
    times = []
    for _ in range(runs):
        before()
        times.append(run(command))
    return statistics.median(times)


def paired(runs: int, measured: Timed, base: Timed) -> tuple[float, float, float]:
    """Median times of ``base`` and ``measured`` (in that order), run in turn, and the median ratio.

    Taking the two in turn, and the ratio run by run, keeps a ratio true while
    a shared machine drifts faster or slower during the measurement.
    """
    ratios, base_times, measured_times = [], [], []
    for _ in range(runs):
        base[1]()
        base_times.append(run(base[0]))
        measured[1]()
        measured_times.append(run(measured[0]))
        ratios.append(measured_times[-1] / base_times[-1])
    return statistics.median(base_times), statistics.median(measured_times), statistics.median(ratios)


def clean_outputs() -> None:
    """A clean build: no HTML and no doctrees; the transcript cache is kept (warm)."""
    for folder in ("html", "doctrees"):
        shutil.rmtree(BUILD / folder, ignore_errors=True)


def forget_coverage() -> None:
    """No example's coverage kept from an earlier run (measuring.KEPT in tests/examples): all traced."""
    shutil.rmtree(BUILD / ".coverage-by-example", ignore_errors=True)


def clean_everything() -> None:
    clean_outputs()
    shutil.rmtree(BUILD / ".transcripts", ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    python = str(ROOT / ".nox" / "examples" / "bin" / "python")
    pytest_examples = [python, "-m", "pytest", "tests/examples", "-q", "--examples-coverage"]
    pytest_examples += ["-p", "no:logging", "-p", "no:cacheprovider"]

    # Prepare the environments once, so that every timed run reuses them.
    for session in ("examples", "docs"):
        run([*NOX, "-s", session])

    rows: list[tuple[str, float, str, str]] = []
    pytest_time, pytest_reported = pytest_runs(runs, pytest_examples)
    rows.append(("P1 pytest, all exchanges (whole process)", pytest_time, "< 2 s", ok(pytest_time < 2)))
    rows.append(("P1 pytest, all exchanges (as pytest times it)", pytest_reported, "", ""))
    # Informative: what the first run after a change to every example costs (a fresh clone, CI).
    measured_anew, _ = pytest_runs(runs, pytest_examples, forget_coverage)
    rows.append(("P1 pytest, every example measured anew", measured_anew, "", ""))
    nox_time = median_of(runs, [*REUSED, "-s", "examples"])
    rows.append(("P1 nox -s examples (reused)", nox_time, "< 5 s", ok(nox_time < 5)))

    docs_en = ([*REUSED, "-s", "docs", "--", "en"], clean_outputs)
    docs_all = ([*REUSED, "-s", "docs"], clean_outputs)
    english, everything, p2 = paired(runs, docs_all, docs_en)
    _, nothing_changed, unchanged = paired(runs, ([*REUSED, "-s", "docs"], lambda: None), docs_all)
    _, cold_english, p3_english = paired(runs, (docs_en[0], clean_everything), docs_en)
    _, cold_everything, p3_everything = paired(runs, (docs_all[0], clean_everything), docs_all)
    rows.append(("P2 clean build, en only", english, "", ""))
    rows.append(("P2 clean build, 4 languages", everything, "<= 2.5x en", verdict(p2, 2.5)))
    rows.append(("P2 rebuild, nothing changed", nothing_changed, "<= 0.2x clean", verdict(unchanged, 0.2)))
    rows.append(
        ("P3 en, examples executed (cold cache)", cold_english, "<= 1.1x warm", verdict(p3_english, 1.1))
    )
    rows.append(
        ("P3 4 languages, examples executed", cold_everything, "<= 1.1x warm", verdict(p3_everything, 1.1))
    )

    print(f"\nmedians of {runs} runs on {os.cpu_count()} cores; ratios are medians of paired runs\n")
    examples_python = run_and_read([python, "-c", "import platform; print(platform.python_version())"])[1]
    print(f"the examples ran on Python {examples_python.strip()}")
    print(f"{'measure':46} {'median s':>9}  {'budget':14} result")
    for name, seconds, budget, result in rows:
        print(f"{name:46} {seconds:9.2f}  {budget:14} {result}")


def ok(passed: bool) -> str:
    return "ok" if passed else "OVER BUDGET"


def verdict(ratio: float, limit: float) -> str:
    return f"{ratio:.2f}x " + ok(ratio <= limit)


if __name__ == "__main__":
    main()
