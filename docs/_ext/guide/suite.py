"""Runs an example that is a pytest module: the tests a reader writes for their app.

``examples/testing/test_shop.py`` is such an example: its ``.toml`` lists
``[[test]]`` tables (the test's name, the outcome it must have, a fragment of
its failure) instead of exchanges. The module runs under pytest in this
process, with pytest's own plugins (its logging plugin and ``caplog``
included) and none of the project's settings, as it would in the reader's
project: what the reader's pytest would see is what the page shows.
"""

from __future__ import annotations

import contextlib
import io
import os
import re

from .expectations import Example, relative
from .runner import ExampleError, isolated_logging, use_examples_of
from .transcript import ExampleRun, TestResult, normalise

# The project's own pytest settings (pyproject.toml) must not reach the reader's tests.
NO_PROJECT_SETTINGS = ("-c", os.devnull, "-p", "no:cacheprovider", "-q", "--color=no")


class _Outcomes:
    """A pytest plugin that keeps each test's outcome and the last line of its failure."""

    def __init__(self, root) -> None:
        self.root = root
        self.results: dict[str, TestResult] = {}

    def pytest_runtest_logreport(self, report) -> None:
        name = report.nodeid.rpartition("::")[2]
        if report.when == "call" or report.failed:
            message = ""
            if report.failed:
                crash = getattr(report.longrepr, "reprcrash", None)
                message = crash.message if crash is not None else str(report.longrepr)
                message = normalise(message.split("\n")[0], self.root)
            if name not in self.results or report.failed:
                self.results[name] = TestResult(report.outcome, message)


def run_suite(example: Example) -> ExampleRun:
    """Run the example's module under pytest and keep what each test did."""
    try:
        import pytest  # only an example that is a test module needs it
    except ModuleNotFoundError:
        spec = relative(example.spec, example.root)
        raise ExampleError(
            f"{spec}:1: {example.name!r} is a pytest module: install pytest to run it"
        ) from None

    use_examples_of(example.root)  # the tests import the app as examples.<chapter>.<module>
    outcomes = _Outcomes(example.root)
    output = io.StringIO()
    args = [*NO_PROJECT_SETTINGS, "--rootdir", str(example.root), str(example.source)]
    with isolated_logging(), contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        pytest.main(args, plugins=[outcomes])
    run = ExampleRun(example.name)
    run.tests = outcomes.results
    if not run.tests:  # it did not collect: say what pytest said
        said = [line for line in output.getvalue().splitlines() if re.match(r"^E\s|Error", line)]
        run.setup_error = normalise(" ".join(said[-3:]) or "pytest collected no test", example.root)
    return run
