"""A cache of example runs for the docs build (design E9).

A run is reused while its inputs are unchanged: the example, its
expectations, the local modules it imports, the engine itself, and the
installed Flask and Werkzeug. The four language builds share one cache.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path

from .expectations import ROOT, Example
from .runner import run_example
from .transcript import ExampleRun

ENGINE_DIR = Path(__file__).parent


def local_imports(source: Path) -> list[Path]:
    """Files under examples/ that ``source`` imports, directly or through each other."""
    found: list[Path] = []
    pending = [source]
    while pending:
        path = pending.pop()
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            for target in _import_targets(node, path):
                if target.is_file() and target not in found and target != source:
                    found.append(target)
                    pending.append(target)
    return sorted(found)


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
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def cache_key(example: Example) -> str:
    versions = f"flask {version('flask')} werkzeug {version('werkzeug')}"
    return hashlib.sha256(f"{versions} {inputs_digest(example)}".encode()).hexdigest()[:24]


def cached_run(example: Example, cache_dir: Path | None) -> ExampleRun:
    """The example's run, from the cache when its inputs are unchanged."""
    if cache_dir is None:
        return run_example(example)
    entry = cache_dir / f"{example.name}-{cache_key(example)}.json"
    if entry.is_file():
        return ExampleRun.from_dict(json.loads(entry.read_text(encoding="utf-8")))
    run = run_example(example)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Language builds run in parallel: write aside, then rename atomically.
    partial = entry.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(run.to_dict(), ensure_ascii=False), encoding="utf-8")
    partial.replace(entry)
    return run
