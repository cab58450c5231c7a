"""The pytest glue: every exchange of every example is a test item.

``pytest -p guide.pytest_plugin examples`` (what ``nox -s examples`` runs)
collects each example module under ``examples/<chapter>/`` as a file of
items: one per exchange, one for a setup that must fail, and one saying the
example is shown on a page. Each example runs once per session, afresh,
through the same runs service as the docs build. A failure names the
expectation's file and line, the page that documents the exchange, and what
differs.

When more than one example is selected, the examples run in a pool of two
worker processes (four for runs over HTTP, which mostly wait), forked once
collection is done so they start with everything imported, while this process
checks the results as they come.
With ``-s`` or ``--pdb`` they run here instead, so that a ``breakpoint()`` in
an example reaches the terminal.

After a session that ran every item, the plugin records which examples passed
on the installed Flask (the pages' "checked with" line reads the record).
With ``--examples-coverage``, it also measures examples/ and holds the total to
``fail_under`` (``guide.examples_coverage``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest

from .compare import exchange_problems, report, run_problems, test_problems
from .expectations import (
    SERVERS,
    Example,
    ExpectationError,
    discover,
    load_example,
    pages_by_example,
    relative,
)
from .inputs import inputs_digest
from .runner import ExampleError
from .runs import Runs
from .transcript import ExampleRun
from .verified import VERIFIED, write_record


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--examples-coverage",
        action="store_true",
        help="measure examples/ while the examples run; after a run of every example, "
        "fail under [tool.coverage.report] fail_under",
    )
    parser.addoption(
        "--examples-server",
        choices=SERVERS,
        help="play every exchange over HTTP on 127.0.0.1, the app served by this server, "
        "and check the expectations declared for it",
    )


def pytest_configure(config) -> None:
    config.pluginmanager.register(ExamplesPlugin(config), "guide-examples")


class Problem(Exception):
    """An item's failure, told as a message of its own (no traceback: it is not the test's code)."""


WORKERS = 2
# A served run mostly waits, on its sockets and on gunicorn's start: twice as many workers pay.
SERVED_WORKERS = 4
HOSTILE = "(hostile)"  # the part an item checks: the hostile requests of a served run (guide.hostile)


class WorkerResult(NamedTuple):
    run: ExampleRun | str  # or why the example could not run
    share: dict | None  # what it ran of examples/, when measured
    digest: str  # of its inputs, which the worker needed for its key anyway


def run_in_worker(name: str, root: Path, server: str | None, measure: bool) -> WorkerResult:
    """In a worker process: the example's run, its coverage share, and the digest of its inputs."""
    example = load_example(name, root, server)
    gauge = None
    if measure:
        from .examples_coverage import ExamplesCoverage

        gauge = ExamplesCoverage(root)
    runs = Runs(around_run=gauge.around_run if gauge else contextlib.nullcontext)
    try:
        run: ExampleRun | str = runs.get(example)
    except ExampleError as err:
        run = str(err)
    return WorkerResult(run, gauge and gauge.measured.get(name), inputs_digest(example))


class ExamplesPlugin:
    def __init__(self, config) -> None:
        self.root = Path(config.rootpath)
        self.server = config.getoption("examples_server")
        if self.server and config.getoption("examples_coverage"):
            # The gunicorn worker is another process, out of the gauge's sight.
            raise pytest.UsageError("--examples-coverage measures the test client's runs only")
        self.digests: dict[str, str] = {}  # the digest of each example's inputs, once a session
        self.coverage = None
        if config.getoption("examples_coverage"):
            from .examples_coverage import ExamplesCoverage

            self.coverage = ExamplesCoverage(self.root, self.digest)
        self.runs = Runs(around_run=self.coverage.around_run if self.coverage else contextlib.nullcontext)
        self.pages = pages_by_example(self.root)
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[str, Future] = {}
        self.outcomes: dict[str, bool] = {}  # example: whether every item of it that ran passed
        self.deselected = False
        self.summary: list[tuple[str, bool]] = []  # (line, is a failure) for the end of the report

    def digest(self, example: Example) -> str:
        if example.name not in self.digests:
            self.digests[example.name] = inputs_digest(example)
        return self.digests[example.name]

    def run_of(self, example: Example) -> ExampleRun:
        future = self.futures.get(example.name)
        if future is None:
            try:
                return self.runs.get(example)
            except ExampleError as err:
                raise Problem(str(err)) from None
        result = future.result()
        self.digests[example.name] = result.digest
        if result.share is not None:
            self.coverage.measured[example.name] = result.share
        if isinstance(result.run, str):
            raise Problem(result.run)
        return result.run

    def pytest_collection_finish(self, session) -> None:
        """Start the selected examples in the pool, in the order their items come."""
        option = session.config.option
        names = [
            item.example.name for item in session.items if isinstance(item, ExampleItem) and item.example
        ]
        names = list(dict.fromkeys(names))
        here = option.collectonly or option.capture == "no" or option.usepdb or not hasattr(os, "fork")
        if here or len(names) < 2:
            return
        workers = SERVED_WORKERS if self.server else WORKERS
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        measure = self.coverage is not None
        self.futures = {
            name: self.pool.submit(run_in_worker, name, self.root, self.server, measure) for name in names
        }

    def pytest_unconfigure(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    @pytest.hookimpl
    def pytest_collect_file(self, file_path: Path, parent):
        examples = self.root / "examples"
        if (
            file_path.suffix == ".py"
            and file_path.parent.parent == examples
            and not file_path.name.startswith("_")
        ):
            return ExampleFile.from_parent(parent, path=file_path, plugin=self)
        return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_pycollect_makemodule(self, module_path: Path, parent):
        """An example that is a test module (``test_*.py``) runs in guide.suite, not as tests here."""
        if module_path.parent.parent == self.root / "examples":
            return NotCollected.from_parent(parent, path=module_path)
        return None

    def pytest_deselected(self, items) -> None:
        self.deselected = self.deselected or bool(items)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if isinstance(item, ExampleItem) and (report.when == "call" or report.failed):
            name = item.example_name
            self.outcomes[name] = self.outcomes.get(name, True) and report.passed
        return report

    def pytest_sessionfinish(self, session) -> None:
        everything = self._ran_everything(session)
        ran = [item.example for item in session.items if isinstance(item, ExampleItem) and item.example]
        ran = list({example.name: example for example in ran}.values())
        if everything and self.server is None:
            # Only a run of every item makes a record: a partial one would understate it.
            # The pages' "checked with" line speaks of the test client's runs.
            digests = {example.name: self.digest(example) for example in ran}
            record = {name: (digests[name], ok) for name, ok in self.outcomes.items() if name in digests}
            write_record(record, self.root / VERIFIED)
        if self.coverage is not None and not session.config.option.collectonly:
            passed = [example for example in ran if self.outcomes.get(example.name)]
            self.coverage.keep(passed)
            self.summary += self._coverage_summary(ran, everything)
            if any(failed for _, failed in self.summary):
                session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def _ran_everything(self, session) -> bool:
        """Every item of every example ran: no -k selection, no -x stop, no --collect-only."""
        items = [item for item in session.items if isinstance(item, ExampleItem)]
        if self.deselected or session.config.option.collectonly or not items:
            return False
        if any(not item.finished for item in items):
            return False
        return {item.example_name for item in items} == set(discover(self.root))

    def _coverage_summary(self, ran: list[Example], everything: bool) -> list[tuple[str, bool]]:
        import coverage

        if not ran:  # -k chose no exchange, say
            return [("no example ran, so there is no coverage to report", False)]
        try:
            total, gate, text = self.coverage.report(ran)
        except coverage.CoverageException as err:  # a file under examples/ that is not Python, say
            message = str(err).replace(f"{self.root}/", "")  # paths as the project names them
            return [(f"coverage could not report on examples/: {message}", True)]
        summary = [(text.rstrip("\n"), False)]
        if not everything:
            summary.append(("not every example ran, so the coverage gate does not apply", False))
        elif total < gate:
            summary.append((f"coverage of examples/ is {total:.2f}%, under the required {gate}%", True))
        else:
            summary.append((f"coverage of examples/ is {total:.2f}% (required: {gate}%)", False))
        return summary

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.summary:
            terminalreporter.write_sep("-", "examples/")
        for line, failed in self.summary:
            terminalreporter.write_line(f"FAILED: {line}" if failed else line, red=failed, bold=failed)


class NotCollected(pytest.File):
    def collect(self):
        return []


class ExampleFile(pytest.File):
    """One example module: its exchanges, its setup, and whether a page shows it."""

    def __init__(self, *, plugin: ExamplesPlugin, **kwargs) -> None:
        super().__init__(**kwargs)
        self.plugin = plugin

    def collect(self):
        name = f"{self.path.parent.name}.{self.path.stem}"
        try:
            example = load_example(name, self.plugin.root, self.plugin.server)
        except ExpectationError as err:
            yield ExampleItem.from_parent(self, name="expectations", example_name=name, problem=str(err))
            return
        if example.setup is not None:
            label = f"create_app() raises {example.setup.raises}"
            yield ExampleItem.from_parent(self, name=label, example_name=name, example=example, part="setup")
        for test in example.tests:
            label = f"{test.name} {test.outcome}"
            yield ExampleItem.from_parent(
                self, name=label, example_name=name, example=example, part=test.name
            )
        labels = [exchange.label for exchange in example.exchanges]
        for exchange in example.exchanges:
            label = (
                exchange.label if labels.count(exchange.label) == 1 else f"{exchange.label} [{exchange.name}]"
            )
            yield ExampleItem.from_parent(
                self, name=label, example_name=name, example=example, part=exchange.name
            )
        if self.plugin.server and example.setup is None and not example.tests:
            label = "hostile input reveals nothing"
            yield ExampleItem.from_parent(self, name=label, example_name=name, example=example, part=HOSTILE)
        yield ExampleItem.from_parent(self, name="shown on a page", example_name=name, example=example)


class ExampleItem(pytest.Item):
    def __init__(
        self,
        *,
        example_name: str,
        example: Example | None = None,
        part: str | None = None,  # an exchange's name, "setup", HOSTILE, or None: the page check
        problem: str | None = None,  # why the expectations could not be loaded
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.example_name = example_name
        self.example = example
        self.part = part
        self.problem = problem
        self.finished = False

    @property
    def plugin(self) -> ExamplesPlugin:
        return self.parent.plugin

    def runtest(self) -> None:
        try:
            self._check()
        finally:
            self.finished = True

    def _check(self) -> None:
        if self.problem is not None:
            raise Problem(self.problem)
        example = self.example
        pages = self.plugin.pages.get(example.name, [])
        if self.part is None:
            if not pages:
                raise Problem(
                    f"example {example.name!r} is not shown by any {{example}} directive under docs/"
                )
            return
        run = self.plugin.run_of(example)
        if self.part == "setup":
            problems = run_problems(example, run).get("setup", [])
        elif self.part == HOSTILE:
            problems = run.hostile if run.hostile_sent else ["no hostile request was sent"]
            if problems:
                source = relative(example.source, example.root)
                listed = "\n".join(f"  - {problem}" for problem in problems)
                raise Problem(
                    f"example {example.readable_id} ({source}), hostile input on {example.server}:\n{listed}"
                )
        elif (test := example.test(self.part)) is not None:
            problems = test_problems(test, run)
        elif self.part not in run.transcripts:  # the app could not be built: the setup item says why
            raise Problem(
                f"example {example.name!r} played no exchange: building its app raised {run.setup_error}"
            )
        else:
            problems = exchange_problems(example.exchange(self.part), run.transcripts[self.part])
        if problems:
            raise Problem(report(example, self.part, problems, pages))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, Problem):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        line = 0
        test = self.example.test(self.part) if self.example is not None and self.part else None
        if test is not None:
            line = test.line - 1
        elif self.example is not None and self.part not in (None, "setup", HOSTILE):
            line = self.example.exchange(self.part).line - 1
        return self.path.with_suffix(".toml"), line, f"{self.example_name}: {self.name}"
