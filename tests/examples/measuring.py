"""Coverage of examples/ (design E10), measured only while examples run.

Coverage is switched on around each example's run and off again, so pytest's
own work between runs is not traced: with 235 items that work is most of what
tracing would cost. A forked process that runs examples measures into a data
file of its own. At the end the files are combined, reported once, and held
to ``fail_under`` from pyproject.toml.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import coverage


class ExampleCoverage:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.current = self._new()
        self.current.erase()  # the data of an earlier run, parallel files included

    def _new(self, data_suffix: bool = True) -> coverage.Coverage:
        return coverage.Coverage(
            data_file=str(self.root / ".coverage"),
            data_suffix=data_suffix,
            config_file=str(self.root / "pyproject.toml"),
            source=[str(self.root / "examples")],  # absolute: pytest may start elsewhere
        )

    def measure(self) -> contextlib.AbstractContextManager:
        """A context in which this process measures: around one example's run."""
        return self.current.collect()

    @contextlib.contextmanager
    def in_forked_process(self) -> Iterator[None]:
        """Measure a whole forked process into its own data file (the parent's is not its to write)."""
        self.current = self._new()
        with self.current.collect():
            yield
        self.current.save()

    def report(self) -> tuple[float, float, str]:
        """Combine every process's data; the total, the gate, and the report's text."""
        self.current.save()
        combined = self._new(data_suffix=False)
        combined.combine()
        combined.save()  # .coverage, for `coverage html` and friends afterwards
        text = io.StringIO()
        total = combined.report(file=text)
        return total, combined.get_option("report:fail_under"), text.getvalue()
