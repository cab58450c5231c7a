"""Coverage of examples/ (design E10), measured only while an example runs, and kept.

A run is measured under a dynamic context named after its example, so each
example's share can be told apart. At the end of a session each share is kept
in ``_build/.coverage-by-example/``, under a key of everything that decides
what the example runs: its inputs and the engine (``guide.cache.inputs``),
Python, every installed distribution's version, and coverage's settings. An
example whose share is kept under its current key still runs, and its
exchanges are still checked, but without the tracer: on Python 3.11 tracing
slows every frame, Flask's included.

The report joins this session's measurements, the kept shares of the other
examples the session ran, and every file under examples/ (a file nothing
imports must count as missed), in memory, and holds them to ``fail_under``
from pyproject.toml. A process running ahead measures into a data file of its
own, joined in first. Each file's parse for the report is kept too
(``ParsedFiles``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import pickle
import re
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

import coverage
from coverage.data import CoverageData
from sitestamp import installed_packages

from guide.cache import file_digest, inputs, write_atomically
from guide.expectations import Example

KEPT = Path("_build") / ".coverage-by-example"  # relative to the project
PARSED = Path("_build") / ".coverage-parsed.pickle"


class ExampleCoverage:
    def __init__(self, root: Path, inputs_digest: Callable[[str], str]) -> None:
        """``inputs_digest``: the digest of an example's inputs, by its name (guide.cache.inputs_digest)."""
        self.root = root
        self.settings = root / "pyproject.toml"
        self.inputs_digest = inputs_digest
        # What decides what any example runs, besides its own inputs.
        environment = " ".join([sys.version, *installed_packages()]).encode() + self.settings.read_bytes()
        self.environment = hashlib.sha256(environment).hexdigest()
        self.data_file = root / ".coverage"
        for stale in root.glob(".coverage.*"):  # a process that ran ahead in an earlier session
            stale.unlink(missing_ok=True)
        self._saved_to: Path | None = None  # in a forked process: its data file
        self._own: ReusingParses | None = None  # this process's, once it measures

    def _coverage(self) -> ReusingParses:
        """This process's Coverage, made when first needed."""
        if self._own is None:
            self._own = ReusingParses(
                data_file=self._saved_to and str(self._saved_to),  # None: in memory
                config_file=str(self.settings),
                source=[str(self.root / "examples")],  # absolute: pytest may start elsewhere
            )
        return self._own

    def kept(self, example: Example) -> Path:
        """Where the example's share is kept, for its current inputs."""
        key = hashlib.sha256(f"{self.inputs_digest(example.name)} {self.environment}".encode())
        return self.root / KEPT / f"{example.name}-{key.hexdigest()[:24]}.json"

    @contextlib.contextmanager
    def around_run(self, example: Example) -> Iterator[None]:
        """Measure one run of the example, unless its share for the same inputs is kept."""
        if self.kept(example).is_file():
            yield
            return
        measuring = self._coverage()
        with measuring.collect():
            measuring.switch_context(example.name)
            yield

    @contextlib.contextmanager
    def in_forked_process(self) -> Iterator[None]:
        """A process running ahead measures into a data file of its own, for the report to join."""
        self._saved_to = self.root / f".coverage.ahead-{os.getpid()}"
        self._own = None  # the parent's, if any, is not this process's to write
        yield
        if self._own is not None:
            self._own.save()

    def report(self, examples: Iterable[Example], completed: Collection[str]) -> tuple[float, float, str]:
        """Join what the examples ran; the total, the gate, and the report's text.

        The shares measured now of ``completed`` examples (their run did not
        raise) are kept for the next session.
        """
        joined = self._coverage()
        forked = sorted(str(path) for path in self.root.glob(".coverage.ahead-*"))
        if forked:
            joined.combine(forked)  # and deletes them
        data = joined.get_data()
        measured_now = set(data.measured_contexts())
        earlier: dict[str, set] = {}
        for example in examples:
            if example.name not in measured_now:
                with contextlib.suppress(FileNotFoundError):  # never measured, its run ended early
                    for name, ran in json.loads(self.kept(example).read_text()).items():
                        earlier.setdefault(str(self.root / name), set()).update(map(_hashable, ran))
            elif example.name in completed:
                self._keep(data, example)
        if earlier:  # arcs or lines, as the settings say: they are in the key
            (data.add_arcs if joined.get_option("run:branch") else data.add_lines)(earlier)
        data.touch_files(str(path) for path in (self.root / "examples").rglob("*.py"))
        text = io.StringIO()
        with ParsedFiles(self.root / PARSED, self.settings).lent_to(joined):
            total = joined.report(file=text)
        # .coverage, for `coverage html` and friends afterwards.
        self.data_file.unlink(missing_ok=True)
        on_disk = CoverageData(str(self.data_file))
        on_disk.update(data)
        on_disk.write()
        return total, joined.get_option("report:fail_under"), text.getvalue()

    def _keep(self, data: CoverageData, example: Example) -> None:
        """Keep the example's share of ``data``: what it ran in the files its key covers."""
        ran = data.arcs if data.has_arcs() else data.lines
        data.set_query_contexts([f"^{re.escape(example.name)}$"])
        try:
            share = {
                str(path.relative_to(self.root)): sorted(found)
                for path in inputs(example)
                if (found := ran(str(path)))
            }
        finally:
            data.set_query_contexts(None)
        write_atomically(self.kept(example), json.dumps(share).encode())


def _hashable(item):
    """A line number, or an arc (a pair of them) that JSON gave back as a list."""
    return tuple(item) if isinstance(item, list) else item


class ReusingParses(coverage.Coverage):
    """A Coverage whose reports borrow the parses that ``ParsedFiles`` kept."""

    parsed: ParsedFiles | None = None

    def _get_file_reporter(self, morf):
        reporter = super()._get_file_reporter(morf)
        if self.parsed is not None:
            self.parsed.lend(reporter)
        return reporter


class ParsedFiles:
    """coverage.py's parse of each file, kept on disk for the next report.

    A parse is reused only for the same bytes, the same settings file and the
    same coverage.py version. This leans on two private names of coverage.py
    (``Coverage._get_file_reporter`` and ``PythonFileReporter._parser``); if
    either changes, nothing is reused and the report is as right as before,
    only slower.
    """

    def __init__(self, path: Path, settings: Path) -> None:
        self.path = path
        self.key = (coverage.__version__, settings.read_bytes())
        self.kept: dict[str, tuple[bytes, object]] = {}  # file name: (digest of its bytes, parser)
        self.reporters: list = []
        with contextlib.suppress(Exception):  # missing, truncated, or from another version: parse anew
            key, kept = pickle.loads(path.read_bytes())
            if key == self.key:
                self.kept = kept

    def lend(self, reporter) -> None:
        if not reporter.filename.endswith(".py"):  # templates, say: coverage skips what is not Python
            return
        kept = self.kept.get(reporter.filename)
        with contextlib.suppress(OSError):  # a file that is gone: coverage says so itself
            digest = file_digest(Path(reporter.filename))
            if kept and kept[0] == digest:
                reporter._parser = kept[1]
            self.reporters.append((reporter, digest))

    @contextlib.contextmanager
    def lent_to(self, cov: ReusingParses) -> Iterator[None]:
        cov.parsed = self
        try:
            yield
        finally:
            cov.parsed = None
        # Only after a report that worked: a file that failed to parse leaves a half-made parser.
        kept = {
            reporter.filename: (digest, parser)
            for reporter, digest in self.reporters
            if (parser := getattr(reporter, "_parser", None)) is not None
        }
        if kept != self.kept:
            write_atomically(self.path, pickle.dumps((self.key, kept)))
