"""The runs service: the one way the tests and the docs build get an example's run.

``Runs()`` runs each example afresh, once, which is what the tests want.
``Runs(cache_dir)`` also keeps each run in that folder, under a key of the
example's inputs and the environment fingerprint, and reuses it until one of
them changes; storing a new entry for an example removes its older ones.

Processes that share a cache folder (the language builds, side by side) hold
a lock per example while they make or store its entry: whoever takes it
first runs the example, and the others wait for the lock, then read the
entry. Where the platform has no ``fcntl`` (Windows), there is no lock: two
processes may then both run an example, and the entry stays whole because it
is written aside and renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .expectations import Example, discover
from .fingerprint import environment
from .inputs import inputs_digest
from .runner import ExampleError, run_example
from .servers import run_served
from .suite import run_suite
from .transcript import ExampleRun

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

AroundRun = Callable[[Example], contextlib.AbstractContextManager]


class Runs:
    def __init__(self, cache_dir: Path | None = None, around_run: AroundRun = contextlib.nullcontext) -> None:
        """``around_run(example)`` is entered around every run made here (the tests measure coverage)."""
        self.cache_dir = cache_dir
        self.around_run = around_run
        # The runs this service has made or read, by example: the files they depend on do not
        # change while one build or one test session lasts.
        self._made: dict[str, ExampleRun] = {}
        self._keys: dict[str, str] = {}

    def __getstate__(self) -> dict:
        # Sphinx pickles its environment, which holds this service: keep the settings, not the runs.
        return {"cache_dir": self.cache_dir, "around_run": contextlib.nullcontext, "_made": {}, "_keys": {}}

    def key(self, example: Example) -> str:
        """What the entry is kept under: the example's inputs and the environment fingerprint."""
        if example.name not in self._keys:
            digest = f"{inputs_digest(example)} {environment()} {example.server}"
            self._keys[example.name] = hashlib.sha256(digest.encode()).hexdigest()[:24]
        return self._keys[example.name]

    def get(self, example: Example) -> ExampleRun:
        """The example's run; raises ExampleError when it cannot be run."""
        if example.name not in self._made:
            if self.cache_dir is None:
                self._made[example.name] = self._run(example)
            else:
                with self._locked(example.name, wait=True):
                    self._made[example.name] = self._read(example) or self._run_and_store(example)
        return self._made[example.name]

    def prefetch(self, example: Example) -> None:
        """Run and store the example unless it is stored already or another process is running it.

        For processes that run examples ahead of the builds that will need
        them. A run that fails stores nothing: the build that needs it runs it
        again, and reports why it failed.
        """
        with self._locked(example.name, wait=False) as locked:
            if locked and self._read(example) is None:
                with contextlib.suppress(ExampleError):
                    self._run_and_store(example)

    def prune(self, root: Path) -> list[Path]:
        """Remove the entries and locks of examples that ``root`` no longer has; what was removed."""
        if self.cache_dir is None or not self.cache_dir.is_dir():
            return []
        known = set(discover(root))
        gone = [
            path
            for path in sorted(self.cache_dir.iterdir())
            if path.suffix in {".json", ".lock"} and _example_of(path) not in known
        ]
        for path in gone:
            path.unlink(missing_ok=True)
        return gone

    def _entry(self, example: Example) -> Path:
        assert self.cache_dir is not None
        return self.cache_dir / f"{example.name}-{self.key(example)}.json"

    def _read(self, example: Example) -> ExampleRun | None:
        try:
            text = self._entry(example).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        return ExampleRun.from_dict(json.loads(text))

    def _run(self, example: Example) -> ExampleRun:
        with self.around_run(example):
            if example.tests:  # a pytest module: no server is involved
                return run_suite(example)
            return run_example(example) if example.server is None else run_served(example)

    def _run_and_store(self, example: Example) -> ExampleRun:
        run = self._run(example)
        entry = self._entry(example)
        write_atomically(entry, json.dumps(run.to_dict(), ensure_ascii=False).encode("utf-8"))
        for older in entry.parent.glob(f"{example.name}-*.json"):
            if older != entry:
                older.unlink(missing_ok=True)
        return run

    @contextlib.contextmanager
    def _locked(self, name: str, wait: bool) -> Iterator[bool]:
        """Hold the example's lock; without ``wait``, only if nobody holds it (whether we do)."""
        assert self.cache_dir is not None
        if fcntl is None:  # pragma: no cover - Windows
            yield True
            return
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        with open(self.cache_dir / f"{name}.lock", "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _example_of(path: Path) -> str:
    """The example an entry (``name-key.json``) or a lock (``name.lock``) belongs to."""
    return path.stem.split("-")[0]


def write_atomically(path: Path, data: bytes) -> None:
    """Write aside, then rename: a process reading ``path`` meanwhile sees all of it or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)
