"""Record which examples passed on the installed Flask, for each page's "verified with" line."""

from __future__ import annotations

import pytest

from guide.cache import inputs_digest
from guide.expectations import discover, load_example
from guide.verified import write_record

PASSED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[PASSED] = report.passed
    return report


def pytest_sessionfinish(session) -> None:
    outcomes: dict[str, bool] = {}
    for item in session.items:
        params = getattr(item, "callspec", None) and item.callspec.params
        if params and params.get("exchange_name") and not params.get("load_error"):
            name = params["name"]
            outcomes[name] = outcomes.get(name, True) and item.stash.get(PASSED, False)
    # Only a run of every example makes a record: a -k selection would understate it.
    if outcomes and set(outcomes) == set(discover()):
        write_record({name: (inputs_digest(load_example(name)), ok) for name, ok in outcomes.items()})
