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
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from .expectations import ROOT, Example, installed_version, load_example
from .runner import run_example
from .transcript import ExampleRun

ENGINE_DIR = Path(__file__).parent
AroundRun = Callable[[Example], contextlib.AbstractContextManager]
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
    """The files under examples/ an import in this version of the file could name, existing or not."""
    path = stamp[0]
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except SyntaxError:  # the run reports it, with its line; the file's own bytes are still an input
        return ()
    statements = [node for node in _statements(tree.body) if isinstance(node, (ast.Import, ast.ImportFrom))]
    return tuple(dict.fromkeys(target for node in statements for target in _import_targets(node, path)))


def _statements(nodes: list) -> Iterator[ast.AST]:
    """Every statement, nested ones included; imports are statements, so expressions are skipped."""
    for node in nodes:
        yield node
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(node, field, None)
            if isinstance(inner, list):
                yield from _statements(inner)


def file_digest(path: Path) -> bytes:
    """The digest of the file's bytes, read once per version of the file and process."""
    return _hashed(_stamp(path))


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
    # Importing a module runs the __init__.py of each package above it.
    packages = [init for path in files if path.suffix == ".py" for init in _packages(path)]
    return list(dict.fromkeys(files + packages))


def _packages(module: Path) -> list[Path]:
    """The __init__.py files of the packages that hold ``module``, examples/__init__.py first."""
    folders = module.relative_to(ROOT).parents[:-1]  # examples/chap, examples: not the project itself
    return [init for folder in reversed(folders) if (init := ROOT / folder / "__init__.py") != module]


def inputs_digest(example: Example) -> str:
    """A digest of the example's inputs and the engine, whatever Flask is installed."""
    return _digest(inputs(example), _engine_digest())


@functools.cache
def _engine_digest() -> str:
    """The engine this process loaded: hashed once, when first asked."""
    return _digest(sorted(ENGINE_DIR.glob("*.py")))


def _digest(paths: list[Path], *more: str) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(file_digest(path))
    for text in more:
        digest.update(text.encode())
    return digest.hexdigest()[:24]


def cache_key(example: Example) -> str:
    flask, werkzeug = installed_version("flask"), installed_version("werkzeug")
    versions = f"flask {flask} werkzeug {werkzeug}"
    return hashlib.sha256(f"{versions} {inputs_digest(example)}".encode()).hexdigest()[:24]


def cached_run(
    example: Example, cache_dir: Path | None, around_run: AroundRun = contextlib.nullcontext
) -> ExampleRun:
    """The example's run, from the cache when its inputs are unchanged.

    While processes run examples ahead into this cache, an example they will
    run is waited for; with ``callers_run_too``, only one they have started.
    A run made here happens inside ``around_run(example)``.
    """
    if cache_dir is None:
        with around_run(example):
            return run_example(example)
    ahead = _ahead if _ahead is not None and _ahead.cache_dir == cache_dir else None
    entry = _entry(example, cache_dir) if ahead is None else ahead.entry(example)
    theirs = not entry.is_file() and ahead is not None and example.name in ahead.names
    if theirs and not (ahead.callers_run_too and ahead.claim(example.name)):
        ahead.wait_for(entry)
    if entry.is_file():
        return ExampleRun.from_dict(json.loads(entry.read_text(encoding="utf-8")))
    return _run_and_store(example, entry, around_run)


def _entry(example: Example, cache_dir: Path) -> Path:
    return cache_dir / f"{example.name}-{cache_key(example)}.json"


def _run_and_store(example: Example, entry: Path, around_run: AroundRun) -> ExampleRun:
    with around_run(example):
        run = run_example(example)
    # Language builds run in parallel.
    write_atomically(entry, json.dumps(run.to_dict(), ensure_ascii=False).encode("utf-8"))
    return run


def write_atomically(path: Path, data: bytes) -> None:
    """Write aside, then rename: a process reading ``path`` meanwhile sees all of it or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)


class RunningAhead(NamedTuple):
    """Processes of their own that run the examples missing from a cache.

    Whoever runs an example first claims it, with a file only one process can
    create: so each example runs once, however many processes share the work.
    """

    cache_dir: Path
    keyed: bool  # False: a folder for this run only, whose entries need no key
    around_run: AroundRun  # what each of their runs happens inside
    callers_run_too: bool  # whoever calls cached_run runs what nobody has started
    names: frozenset[str]  # the examples they run
    claims: Path  # a folder for this run's claims
    finished: int  # read end of a pipe whose write end only those processes hold
    pids: list[int]

    def entry(self, example: Example) -> Path:
        return _entry(example, self.cache_dir) if self.keyed else self.cache_dir / f"{example.name}.json"

    def claim(self, name: str) -> bool:
        try:
            os.close(os.open(self.claims / name, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def wait_for(self, entry: Path) -> None:
        """Until the entry is written or they have all ended (end of file on the pipe)."""
        while not entry.is_file():
            ended, _, _ = select.select([self.finished], [], [], 0.005)
            if ended:
                return

    def finish(self) -> list[int]:
        """Wait for the processes to end; their exit codes (a negative one: the signal)."""
        global _ahead
        codes = []
        for pid in self.pids:
            with contextlib.suppress(ChildProcessError):  # reaped already, by the caller's os.wait()
                codes.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        if _ahead is self:
            _ahead = None
        os.close(self.finished)
        shutil.rmtree(self.claims, ignore_errors=True)
        return codes


_ahead: RunningAhead | None = None


def run_ahead(
    names: list[str],
    cache_dir: Path,
    processes: int = 2,
    around_run: AroundRun = contextlib.nullcontext,
    in_each: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext,
    keyed: bool = True,
    callers_run_too: bool = False,
) -> RunningAhead:
    """Fork processes that run, in the order given, the examples missing from the cache.

    POSIX only. The caller, and processes it forks next, get each run through
    ``cached_run``, which waits for these processes to run it; with
    ``callers_run_too``, it runs one that none of them has started itself. (A
    docs build does not: the examples' libraries would load in every language's
    process.) An example that cannot be loaded or run gets no entry: whoever
    needs it runs it once they have all ended, and reports the error. Each
    run happens inside ``around_run(example)``, which may measure it (coverage),
    and each process inside ``in_each()``; an exception there makes its exit code 1.
    ``keyed=False`` is for a folder that only hands this run's results over:
    its entries are named by the example alone, skipping the inputs' digest.
    """
    global _ahead
    finished, holder = os.pipe()
    claims = Path(tempfile.mkdtemp(prefix="guide-claims-"))
    ahead = RunningAhead(
        cache_dir, keyed, around_run, callers_run_too, frozenset(names), claims, finished, pids=[]
    )
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:  # a process that runs ahead
            os.close(finished)
            code = 1
            try:
                with in_each():
                    _run_unclaimed(ahead, names)
                code = 0
            finally:
                os._exit(code)
        ahead.pids.append(pid)
    os.close(holder)
    _ahead = ahead
    return ahead


def _run_unclaimed(ahead: RunningAhead, names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(Exception):  # reported by whoever needs the run
            example = load_example(name)
            entry = ahead.entry(example)
            if not entry.is_file() and ahead.claim(name):
                _run_and_store(example, entry, ahead.around_run)
