"""A cache of example runs for the docs build (design E9).

A run is reused while its inputs are unchanged: the example, its
expectations, the local modules it imports, the engine itself, and the
installed Flask and Werkzeug. The four language builds share one cache.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import json
import os
import select
from pathlib import Path
from typing import NamedTuple

from .expectations import ROOT, Example, installed_version, load_example
from .runner import run_example
from .transcript import ExampleRun

ENGINE_DIR = Path(__file__).parent
DEFAULT_DIR = "_build/.transcripts"  # relative to the project; conf.py's guide_transcript_cache


def local_imports(source: Path) -> list[Path]:
    """Files under examples/ that ``source`` imports, directly or through each other."""
    found: list[Path] = []
    pending = [source]
    while pending:
        for target in _direct_imports(pending.pop()):
            if target not in found and target != source:
                found.append(target)
                pending.append(target)
    return sorted(found)


def _stamp(path: Path) -> tuple[Path, int, int]:
    """What identifies one version of a file, for the memos below: an edit changes it."""
    status = path.stat()
    return path, status.st_mtime_ns, status.st_size


def _direct_imports(path: Path) -> list[Path]:
    return [target for target in _import_candidates(_stamp(path)) if target.is_file()]


# A build asks about the same files for every example (the harness, the engine):
# parse and hash each version of a file once per process.
@functools.cache
def _import_candidates(stamp: tuple[Path, int, int]) -> tuple[Path, ...]:
    """The files an import in this version of the file could name, existing or not."""
    path = stamp[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return tuple(dict.fromkeys(target for node in ast.walk(tree) for target in _import_targets(node, path)))


@functools.cache
def _hashed(stamp: tuple[Path, int, int]) -> bytes:
    return hashlib.sha256(stamp[0].read_bytes()).digest()


def _import_targets(node: ast.AST, path: Path) -> list[Path]:
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:  # relative: resolve against the importing file's package
            base = path.parent
            for _ in range(node.level - 1):
                base = base.parent
            parts = node.module.split(".") if node.module else []
            modules = [base.joinpath(*parts)] + [base.joinpath(*parts, a.name) for a in node.names]
            return [m.with_suffix(".py") for m in modules] + [m / "__init__.py" for m in modules]
        names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
    paths = []
    for name in names:
        if name == "examples" or name.startswith("examples."):
            module = ROOT.joinpath(*name.split("."))
            paths += [module.with_suffix(".py"), module / "__init__.py"]
    return paths


def inputs(example: Example) -> list[Path]:
    """Every file whose change must re-run the example."""
    files = [example.source, example.spec, *local_imports(example.source)]
    # Templates render into the transcript: Flask(__name__) finds them beside the module.
    templates = example.source.parent / "templates"
    files += sorted(p for p in templates.rglob("*") if p.is_file())
    if example.harness:
        harness = example.source.parent / "_harness.py"
        files += [harness, *(p for p in local_imports(harness) if p not in files)]
    return files


def inputs_digest(example: Example) -> str:
    """A digest of the example's inputs and the engine, whatever Flask is installed."""
    digest = hashlib.sha256()
    for path in [*inputs(example), *sorted(ENGINE_DIR.glob("*.py"))]:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(_hashed(_stamp(path)))
    return digest.hexdigest()[:24]


def cache_key(example: Example) -> str:
    flask, werkzeug = installed_version("flask"), installed_version("werkzeug")
    versions = f"flask {flask} werkzeug {werkzeug}"
    return hashlib.sha256(f"{versions} {inputs_digest(example)}".encode()).hexdigest()[:24]


def cached_run(example: Example, cache_dir: Path | None) -> ExampleRun:
    """The example's run, from the cache when its inputs are unchanged."""
    if cache_dir is None:
        return run_example(example)
    entry = cache_dir / f"{example.name}-{cache_key(example)}.json"
    if _ahead is not None and _ahead.cache_dir == cache_dir:
        _ahead.wait_for(entry)
    if entry.is_file():
        return ExampleRun.from_dict(json.loads(entry.read_text(encoding="utf-8")))
    run = run_example(example)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Language builds run in parallel: write aside, then rename atomically.
    partial = entry.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(run.to_dict(), ensure_ascii=False), encoding="utf-8")
    partial.replace(entry)
    return run


class _RunAhead(NamedTuple):
    """Processes of their own that run the examples missing from the cache."""

    cache_dir: Path
    finished: int  # read end of a pipe whose write end only those processes hold

    def wait_for(self, entry: Path) -> None:
        """Until the entry is written or they have all ended (end of file on the pipe)."""
        while not entry.is_file():
            ended, _, _ = select.select([self.finished], [], [], 0.005)
            if ended:
                return


_ahead: _RunAhead | None = None


def run_ahead(names: list[str], cache_dir: Path, processes: int = 2) -> list[int]:
    """Fork processes that run, in the order given, the examples missing from the cache.

    For a parent that forks the builds next (POSIX only). A build that finds a
    run missing waits for these processes to write it instead of running it too.
    Each example belongs to one process (every ``processes``-th name), so each
    runs once; two share the waiting that some examples do (a timeout, a lock)
    and keep ahead of a build. An example that cannot be loaded or run gets no
    entry: the build that needs it runs it itself once they have all ended, and
    reports the error. Returns the process ids to wait for.
    """
    global _ahead
    finished, holder = os.pipe()
    pids = []
    for first in range(processes):
        pid = os.fork()
        if pid == 0:  # a process that runs ahead
            os.close(finished)
            try:
                for name in names[first::processes]:
                    with contextlib.suppress(Exception):  # reported by the build that needs it
                        cached_run(load_example(name), cache_dir)
            finally:
                os._exit(0)
        pids.append(pid)
    os.close(holder)
    _ahead = _RunAhead(cache_dir, finished)
    return pids
