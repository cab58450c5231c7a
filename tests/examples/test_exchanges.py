"""Every expectation of every example, one pytest item per exchange (design E4)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from guide.cache import cached_run
from guide.compare import exchange_problems, report, run_problems
from guide.expectations import ExpectationError, discover, load_example, pages_by_example
from guide.runner import ExampleError

PAGES = pages_by_example()


def _cases():
    for name in discover():
        try:
            example = load_example(name)
        except ExpectationError as err:
            yield pytest.param(name, None, str(err), id=f"{name}: expectations")
            continue
        if example.setup is not None:
            yield pytest.param(
                name, "setup", None, id=f"{example.readable_id}: create_app() raises {example.setup.raises}"
            )
        for exchange in example.exchanges:
            yield pytest.param(name, exchange.name, None, id=f"{example.readable_id}: {exchange.label}")


@functools.cache
def _run(name: str, runs_dir: Path | None, measured):
    """One run per example, its exchanges played in order against one app: here, or by the
    process running examples ahead (tests/examples/conftest.py). An ExampleError's message."""
    example = load_example(name)
    try:
        with measured():
            return example, cached_run(example, runs_dir)
    except ExampleError as err:
        return example, str(err)


@pytest.mark.parametrize(("name", "exchange_name", "load_error"), list(_cases()))
def test_exchange(name: str, exchange_name: str | None, load_error: str | None, runs_dir, measured) -> None:
    if load_error:
        pytest.fail(load_error, pytrace=False)
    example, run = _run(name, runs_dir, measured)
    if isinstance(run, str):  # failed outside an except block, so no chained tracebacks are shown
        pytest.fail(run, pytrace=False)
    if exchange_name == "setup":
        problems = run_problems(example, run).get("setup", [])
    else:
        problems = exchange_problems(example.exchange(exchange_name), run.transcripts[exchange_name])
    if problems:
        pytest.fail(report(example, exchange_name, problems, PAGES.get(name, [])), pytrace=False)


@pytest.mark.parametrize("name", discover())
def test_example_is_documented(name: str) -> None:
    """An example nobody reads is dead weight: each one is shown on a page."""
    assert PAGES.get(name), f"example {name!r} is not shown by any {{example}} directive under docs/"
