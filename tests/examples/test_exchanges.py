"""Every expectation of every example, one pytest item per exchange (design E4)."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from guide.compare import exchange_problems, report, run_problems
from guide.expectations import ExpectationError, discover, load_example, pages_by_example

PAGES = pages_by_example()


class Case(NamedTuple):
    """One item: an exchange of an example, its setup ("setup"), or expectations that failed to load."""

    name: str
    exchange_name: str | None
    load_error: str | None = None


def _cases():
    for name in discover():
        try:
            example = load_example(name)
        except ExpectationError as err:
            yield pytest.param(Case(name, None, str(err)), id=f"{name}: expectations")
            continue
        if example.setup is not None:
            yield pytest.param(
                Case(name, "setup"), id=f"{example.readable_id}: create_app() raises {example.setup.raises}"
            )
        for exchange in example.exchanges:
            yield pytest.param(Case(name, exchange.name), id=f"{example.readable_id}: {exchange.label}")


# One parameter and one fixture: pytest resolves each per item, and there are 235 items.
@pytest.mark.parametrize("case", list(_cases()))
def test_exchange(case: Case, example_run) -> None:
    if case.load_error:
        pytest.fail(case.load_error, pytrace=False)
    example, run = example_run(case.name)
    if isinstance(run, str):  # failed outside an except block, so no chained tracebacks are shown
        pytest.fail(run, pytrace=False)
    name = case.exchange_name
    if name == "setup":
        problems = run_problems(example, run).get("setup", [])
    else:
        problems = exchange_problems(example.exchange(name), run.transcripts[name])
    if problems:
        pytest.fail(report(example, name, problems, PAGES.get(case.name, [])), pytrace=False)


@pytest.mark.parametrize("name", discover())
def test_example_is_documented(name: str) -> None:
    """An example nobody reads is dead weight: each one is shown on a page."""
    assert PAGES.get(name), f"example {name!r} is not shown by any {{example}} directive under docs/"
