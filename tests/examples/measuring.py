"""Coverage of examples/ (design E10), measured only while examples run.

Coverage is switched on around each example's run and off again, so pytest's
own work between runs is not traced: with 235 items that work is most of what
tracing would cost. A forked process that runs examples measures into a data
file of its own. At the end its data joins this process's, in memory, and is
reported once and held to ``fail_under`` from pyproject.toml.

The report is on the critical path, after both processes have ended, and most
of its time goes to parsing each of the ~100 files under examples/. The parse
depends only on the file and the settings, so it is kept between runs
(``ParsedFiles``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
from collections.abc import Iterator
from pathlib import Path

import coverage
from coverage.data import CoverageData

PARSED = Path("_build") / ".coverage-parsed.pickle"  # relative to the project


class ExampleCoverage:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.data_file = root / ".coverage"
        self._new(self.data_file).erase()  # an earlier run's data, its parallel files included
        self.current = self._new(None)  # in memory: sqlite on disk costs ~0.1 s in the report

    def _new(self, data_file: Path | None) -> coverage.Coverage:
        return ReusingParses(
            data_file=data_file and str(data_file),
            data_suffix=True,
            config_file=str(self.root / "pyproject.toml"),
            source=[str(self.root / "examples")],  # absolute: pytest may start elsewhere
        )

    def measure(self) -> contextlib.AbstractContextManager:
        """A context in which this process measures: around one example's run."""
        return self.current.collect()

    @contextlib.contextmanager
    def in_forked_process(self) -> Iterator[None]:
        """Measure a whole forked process into a data file of its own (.coverage.<host>.<pid>...)."""
        self.current = self._new(self.data_file)
        with self.current.collect():
            yield
        self.current.save()

    def report(self) -> tuple[float, float, str]:
        """Every process's data together; the total, the gate, and the report's text."""
        forked = sorted(str(path) for path in self.root.glob(".coverage.*"))
        if forked:
            self.current.combine(forked)  # and deletes them
        text = io.StringIO()
        with ParsedFiles(self.root / PARSED, self.root / "pyproject.toml").lent_to(self.current):
            total = self.current.report(file=text)
        # .coverage, for `coverage html` and friends afterwards.
        kept = CoverageData(str(self.data_file))
        kept.update(self.current.get_data())
        kept.write()
        return total, self.current.get_option("report:fail_under"), text.getvalue()


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
            digest = hashlib.blake2b(Path(reporter.filename).read_bytes()).digest()
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
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".tmp")
            partial.write_bytes(pickle.dumps((self.key, kept)))
            partial.replace(self.path)
