"""Run the examples on both cores, measure them, and record which passed on the installed Flask.

The record feeds each page's "verified with" line.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from guide.cache import RunningAhead, cached_run, inputs_digest, run_ahead
from guide.expectations import discover, load_example
from guide.runner import ExampleError
from guide.verified import write_record

PASSED = pytest.StashKey[bool]()
DESELECTED = pytest.StashKey[bool]()
RUNNING_AHEAD = pytest.StashKey[RunningAhead]()
COVERAGE = pytest.StashKey[object]()
SUMMARY = pytest.StashKey[list]()  # (line, is a failure) for the end of the report
COMPLETED = pytest.StashKey[set]()  # the examples whose run did not raise


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--examples-coverage",
        action="store_true",
        help="measure examples/ while the examples run; after a run of every example, "
        "fail under [tool.coverage.report] fail_under",
    )


def pytest_configure(config) -> None:
    if config.getoption("examples_coverage"):
        from measuring import ExampleCoverage

        config.stash[COVERAGE] = ExampleCoverage(config.rootpath, _inputs_digest)
    # A short session with little garbage: with the collector off, this one and the process
    # running ahead take 0.96x the time (16 paired runs) and peak 2.5 MiB higher. pytest
    # still collects at the end, where it looks for unraisable exceptions.
    gc.disable()
    if _can_run_ahead(config) and not _narrowed(config):
        # A run of every example starts its second process now, before collection, for a head start.
        _start_running_ahead(config, discover())


def _can_run_ahead(config) -> bool:
    """Not with -s or --pdb: a breakpoint() in an example must reach the terminal."""
    option = config.option
    return hasattr(os, "fork") and not (option.collectonly or option.capture == "no" or option.usepdb)


def _narrowed(config) -> bool:
    """Asked for some examples only: the second process must not start on one left out."""
    option = config.option
    return bool(
        option.keyword
        or option.markexpr
        or option.deselect
        or getattr(option, "lf", False)
        or any("::" in arg for arg in config.args)
    )


def _start_running_ahead(config, names: list[str]) -> None:
    """A second process runs examples beside this one, from the last; this one takes them from the first.

    Each example runs once, in whichever process gets to it first
    (guide.cache.run_ahead), and the waiting some examples do (a timeout, a
    lock) overlaps the other process's work.
    """
    folder = Path(tempfile.mkdtemp(prefix="guide-runs-"))
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    gauge = config.stash.get(COVERAGE, None)
    in_each = contextlib.nullcontext if gauge is None else gauge.in_forked_process
    ahead = run_ahead(names[::-1], folder, 1, _around_run(config), in_each, keyed=False, callers_run_too=True)
    config.stash[RUNNING_AHEAD] = ahead


@pytest.fixture(scope="session")
def example_run(request):
    """name -> (the example, its run or why it could not run): each example runs once, measured
    if asked, here or in the process running ahead."""
    ahead = request.config.stash.get(RUNNING_AHEAD, None)
    runs_dir = None if ahead is None else ahead.cache_dir
    around_run = _around_run(request.config)
    completed = request.config.stash[COMPLETED] = set()

    @functools.cache
    def run(name: str):
        example = load_example(name)
        try:
            result = example, cached_run(example, runs_dir, around_run)
        except ExampleError as err:
            return example, str(err)
        completed.add(name)
        return result

    return run


def _around_run(config):
    """What each run of an example happens inside: with --examples-coverage, its measurement."""
    gauge = config.stash.get(COVERAGE, None)
    return contextlib.nullcontext if gauge is None else gauge.around_run


def pytest_collection_finish(session) -> None:
    config = session.config
    ahead = config.stash.get(RUNNING_AHEAD, None)
    selected = _example_names(session.items)
    if ahead is not None:
        # What this session will not run (a plugin deselected it), the other process must not run either.
        for name in ahead.names - selected:
            ahead.claim(name)
    elif _can_run_ahead(config) and len(selected) > 1:
        _start_running_ahead(config, [name for name in discover() if name in selected])
    # Long-lived objects (modules, libraries) are out of the way of pytest's last collections.
    gc.freeze()


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session):
    config = session.config
    ahead = config.stash.get(RUNNING_AHEAD, None)
    try:
        result = yield
    except BaseException:  # Ctrl-C, say: still reap the other process
        if ahead is not None:
            ahead.finish()
        raise
    summary = []
    for code in ahead.finish() if ahead else []:
        if code:
            ended = f"ended with {code}" if code > 0 else f"was killed by signal {-code}"
            summary.append((f"the process running examples ahead {ended}", True))
    gauge = config.stash.get(COVERAGE, None)
    if gauge is not None and not config.option.collectonly:
        ran = [load_example(name) for name in sorted(_example_names(session.items))]
        completed = config.stash.get(COMPLETED, set())
        summary += _coverage_summary(gauge, ran, completed, _ran_everything(session))
    if any(failed for _, failed in summary):
        session.testsfailed += 1
    config.stash[SUMMARY] = summary
    return result


def _coverage_summary(gauge, ran, completed, ran_everything: bool) -> list[tuple[str, bool]]:
    import coverage

    try:
        total, gate, text = gauge.report(ran, completed)
    except coverage.exceptions.NoDataError:  # -k chose no exchange, say
        return [("no example ran, so there is no coverage to report", ran_everything)]
    except coverage.CoverageException as err:  # a file under examples/ that is not Python, say
        message = str(err).replace(f"{gauge.root}/", "")  # paths as the project names them
        return [(f"coverage could not report on examples/: {message}", True)]
    summary = [(text.rstrip("\n"), False)]
    if not ran_everything:
        summary.append(("not every example ran, so the coverage gate does not apply", False))
    elif total < gate:
        summary.append((f"coverage of examples/ is {total:.2f}%, under the required {gate}%", True))
    else:
        summary.append((f"coverage of examples/ is {total:.2f}% (required: {gate}%)", False))
    return summary


def pytest_terminal_summary(terminalreporter, config) -> None:
    if config.stash.get(SUMMARY, None):
        terminalreporter.write_sep("-", "examples/")
    for line, failed in config.stash.get(SUMMARY, []):
        terminalreporter.write_line(f"FAILED: {line}" if failed else line, red=failed, bold=failed)


def _exchange_items(items):
    """Each item that plays an exchange (or checks a setup), with its example's name."""
    for item in items:
        case = getattr(item, "callspec", None) and item.callspec.params.get("case")
        if case and case.exchange_name and not case.load_error:
            yield item, case.name


def _example_names(items):
    return {name for _, name in _exchange_items(items)}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[PASSED] = report.passed
    return report


def pytest_deselected(items) -> None:
    if items:
        items[0].config.stash[DESELECTED] = True


def _ran_everything(session) -> bool:
    """Every exchange of every example ran: no -k selection, no -x stop, no --collect-only, no Ctrl-C."""
    if session.config.stash.get(DESELECTED, False) or any(PASSED not in item.stash for item in session.items):
        return False
    return _example_names(session.items) == set(discover())


def pytest_sessionfinish(session) -> None:
    # Only a run of every exchange makes a record: a partial run would understate
    # it, or overwrite a good one with nothing.
    if not _ran_everything(session):
        return
    outcomes: dict[str, bool] = {}
    for item, name in _exchange_items(session.items):
        outcomes[name] = outcomes.get(name, True) and item.stash[PASSED]
    write_record({name: (_inputs_digest(name), ok) for name, ok in outcomes.items()})


@functools.cache
def _inputs_digest(name: str) -> str:
    """Once per example and session: its files do not change while it runs."""
    return inputs_digest(load_example(name))
