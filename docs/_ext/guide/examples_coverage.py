"""Coverage of examples/, measured one example at a time and kept for the next run.

Each example that runs is measured on its own, from start to stop, into data
of its own (no dynamic contexts, which not every coverage core records). What
it ran in the files it depends on (``guide.inputs.inputs``) is kept in
``_build/.coverage-by-example/`` under a key of those inputs, the environment
fingerprint and the coverage settings. Next time, an example whose share is
kept under its current key still runs, and is still checked, but without the
tracer, which slows every frame on Pythons whose tracer is ``sys.settrace``.

The report joins the shares of every example the session ran, measured now or
kept, and every file under examples/ (a file nothing imports counts as missed),
and holds the total to ``fail_under`` from pyproject.toml. Analysing the files
is most of a report's cost, so the last report is kept too, and reused while
the joined data, every file under examples/, the settings and the environment
are the same.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import coverage
from coverage.data import CoverageData

from .expectations import Example
from .fingerprint import environment
from .inputs import digest, inputs, inputs_digest
from .runs import write_atomically

KEPT = Path("_build") / ".coverage-by-example"  # in the project
LAST_REPORT = Path("_build") / ".coverage-report.json"
Share = dict[str, list]  # a file (as the project names it): its lines, or its arcs as pairs


class ExamplesCoverage:
    def __init__(self, root: Path, digest: Callable[[Example], str] = inputs_digest) -> None:
        """``digest``: of an example's inputs (``guide.inputs.inputs_digest``, or a memo of it)."""
        self.root = root
        self.digest = digest
        self.settings = root / "pyproject.toml"
        self.folder = root / KEPT
        # What decides what an example runs, besides its own inputs; the settings say lines or arcs.
        self._environment = hashlib.sha256(environment().encode() + self.settings.read_bytes()).hexdigest()
        self.measured: dict[str, Share] = {}  # this session's shares, by example
        self._keys: dict[str, Path] = {}

    def _coverage(self) -> coverage.Coverage:
        return coverage.Coverage(
            data_file=None,  # in memory: shares are kept as JSON, the joined data written at the end
            config_file=str(self.settings),
            source=[str(self.root / "examples")],  # absolute: pytest may start elsewhere
        )

    def kept(self, example: Example) -> Path:
        """Where the example's share is kept, for its current inputs (which a session does not change)."""
        if example.name not in self._keys:
            key = hashlib.sha256(f"{self.digest(example)} {self._environment}".encode()).hexdigest()[:24]
            self._keys[example.name] = self.folder / f"{example.name}-{key}.json"
        return self._keys[example.name]

    @contextlib.contextmanager
    def around_run(self, example: Example) -> Iterator[None]:
        """Measure one run of the example, unless its share for the same inputs is kept."""
        if self.kept(example).is_file():
            yield
            return
        measuring = self._coverage()
        measuring.start()
        try:
            yield
        finally:
            measuring.stop()
        self.measured[example.name] = self._share(measuring.get_data(), example)

    def _share(self, data: CoverageData, example: Example) -> Share:
        ran = data.arcs if data.has_arcs() else data.lines
        return {
            path.relative_to(self.root).as_posix(): sorted(found)
            for path in inputs(example)
            if (found := ran(str(path)))
        }

    def keep(self, examples: Iterable[Example]) -> None:
        """Keep the shares measured now of these examples (their runs passed); drop their older ones."""
        for example in examples:
            share = self.measured.get(example.name)
            if share is None:
                continue
            kept = self.kept(example)
            write_atomically(kept, json.dumps(share).encode())
            for older in self.folder.glob(f"{example.name}-*.json"):
                if older != kept:
                    older.unlink(missing_ok=True)

    def report(self, examples: Iterable[Example]) -> tuple[float, float, str]:
        """Join what the examples ran; the total, the gate, and the report's text."""
        joined: dict[str, set] = {}
        for example in examples:
            share = self.measured.get(example.name)
            if share is None:
                with contextlib.suppress(FileNotFoundError):  # a run that failed before it was measured
                    share = json.loads(self.kept(example).read_text())
            for name, ran in (share or {}).items():
                joined.setdefault(str(self.root / name), set()).update(map(_hashable, ran))
        files = sorted((self.root / "examples").rglob("*.py"))
        key = self._report_key(joined, files)
        last, data_file = self.root / LAST_REPORT, self.root / ".coverage"
        with contextlib.suppress(FileNotFoundError, ValueError, KeyError):
            kept = json.loads(last.read_text())
            if kept["key"] == key and data_file.is_file():
                return kept["total"], kept["gate"], kept["text"]
        reporter = self._coverage()
        data = reporter.get_data()
        (data.add_arcs if reporter.get_option("run:branch") else data.add_lines)(joined)
        data.touch_files(str(path) for path in files)
        text = io.StringIO()
        total = reporter.report(file=text)
        gate = reporter.get_option("report:fail_under")
        # .coverage, for `coverage html` and friends afterwards.
        data_file.unlink(missing_ok=True)
        on_disk = CoverageData(str(data_file))
        on_disk.update(data)
        on_disk.write()
        report = {"key": key, "total": total, "gate": gate, "text": text.getvalue()}
        write_atomically(last, json.dumps(report).encode())
        return total, gate, report["text"]

    def _report_key(self, joined: dict[str, set], files: list[Path]) -> str:
        """Everything a report depends on: what ran, the files' bytes, the settings, the environment."""
        ran = sorted((name, sorted(found)) for name, found in joined.items())
        return digest(files, self.root, json.dumps(ran), self._environment)


def _hashable(item):
    """A line number, or an arc (a pair of them) that JSON gave back as a list."""
    return tuple(item) if isinstance(item, list) else item
