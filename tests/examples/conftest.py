"""Record which examples passed on the installed Flask, for each page's "verified with" line."""

from __future__ import annotations

import pytest

from guide.cache import inputs_digest
from guide.expectations import discover, load_example
from guide.verified import write_record

PASSED = pytest.StashKey[bool]()
DESELECTED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[PASSED] = report.passed
    return report


def pytest_deselected(items) -> None:
    if items:
        items[0].config.stash[DESELECTED] = True


def pytest_sessionfinish(session) -> None:
    # Only a run of every exchange makes a record: a -k selection, -x, --collect-only
    # or an interrupted run would understate it, or overwrite a good one with nothing.
    if session.config.stash.get(DESELECTED, False) or any(PASSED not in item.stash for item in session.items):
        return
    outcomes: dict[str, bool] = {}
    for item in session.items:
        params = getattr(item, "callspec", None) and item.callspec.params
        if params and params.get("exchange_name") and not params.get("load_error"):
            name = params["name"]
            outcomes[name] = outcomes.get(name, True) and item.stash[PASSED]
    if outcomes and set(outcomes) == set(discover()):
        write_record({name: (inputs_digest(load_example(name)), ok) for name, ok in outcomes.items()})
