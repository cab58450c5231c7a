"""What an example's run depends on: its files, and the modules under examples/ it imports.

A change to any of them must run the example again. Each version of a file is
read, parsed and hashed once per process: the build and the tests ask about
the same files (a harness, a package's ``__init__.py``) for many examples.
"""

from __future__ import annotations

import ast
import functools
import hashlib
from collections.abc import Iterator
from pathlib import Path

from .expectations import Example

ENGINE_DIR = Path(__file__).parent


def inputs(example: Example) -> list[Path]:
    """Every file whose change must re-run the example."""
    files = [example.source, example.spec, *local_imports(example.source, example.root)]
    # Templates render into the transcript: Flask(__name__) finds them beside the module.
    templates = example.source.parent / "templates"
    files += sorted(p for p in templates.rglob("*") if p.is_file())
    if example.harness:
        harness = example.source.parent / "_harness.py"
        files += [harness, *(p for p in local_imports(harness, example.root) if p not in files)]
    # Importing a module runs the __init__.py of each package above it.
    packages = [init for path in files if path.suffix == ".py" for init in _packages(path, example.root)]
    return list(dict.fromkeys(files + packages))


def inputs_digest(example: Example) -> str:
    """A digest of the example's inputs and of the engine, whatever else is installed."""
    return digest(inputs(example), example.root, engine_digest())


def local_imports(source: Path, root: Path) -> list[Path]:
    """Files under ``root``/examples/ that ``source`` imports, directly or through each other."""
    found: list[Path] = []
    pending = [source]
    while pending:
        for target in _import_candidates(_stamp(pending.pop()), root):
            if target.is_file() and target not in found and target != source:
                found.append(target)
                pending.append(target)
    return sorted(found)


def file_digest(path: Path) -> bytes:
    """The digest of the file's bytes, read once per version of the file and process."""
    return _hashed(_stamp(path))


def digest(paths: list[Path], root: Path, *more: str) -> str:
    """One digest of files (named as the project names them, so any checkout gives the same) and texts."""
    hashed = hashlib.sha256()
    for path in paths:
        hashed.update(path.relative_to(root).as_posix().encode())
        hashed.update(file_digest(path))
    for text in more:
        hashed.update(text.encode())
    return hashed.hexdigest()[:24]


@functools.cache
def engine_digest() -> str:
    """The engine this process loaded: hashed once, when first asked."""
    return digest(sorted(ENGINE_DIR.glob("*.py")), ENGINE_DIR)


def _stamp(path: Path) -> tuple[Path, int, int]:
    """What identifies one version of a file for the memos here: an edit changes it."""
    status = path.stat()
    return path, status.st_mtime_ns, status.st_size


@functools.cache
def _hashed(stamp: tuple[Path, int, int]) -> bytes:
    return hashlib.sha256(stamp[0].read_bytes()).digest()


@functools.cache
def _import_candidates(stamp: tuple[Path, int, int], root: Path) -> tuple[Path, ...]:
    """The files under examples/ an import in this version of the file could name, existing or not."""
    path = stamp[0]
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except SyntaxError:  # the run reports it, with its line; the file's own bytes are still an input
        return ()
    imports = [node for node in _statements(tree.body) if isinstance(node, (ast.Import, ast.ImportFrom))]
    return tuple(dict.fromkeys(target for node in imports for target in _import_targets(node, path, root)))


def _statements(nodes: list) -> Iterator[ast.AST]:
    """Every statement, nested ones included; imports are statements, so expressions are skipped."""
    for node in nodes:
        yield node
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(node, field, None)
            if isinstance(inner, list):
                yield from _statements(inner)


def _import_targets(node: ast.Import | ast.ImportFrom, path: Path, root: Path) -> list[Path]:
    if isinstance(node, ast.ImportFrom) and node.level:  # relative: against the importing package
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
        parts = node.module.split(".") if node.module else []
        modules = [base.joinpath(*parts)] + [base.joinpath(*parts, a.name) for a in node.names]
        return [m.with_suffix(".py") for m in modules] + [m / "__init__.py" for m in modules]
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
    paths = []
    for name in names:
        if name == "examples" or name.startswith("examples."):
            module = root.joinpath(*name.split("."))
            paths += [module.with_suffix(".py"), module / "__init__.py"]
    return paths


def _packages(module: Path, root: Path) -> list[Path]:
    """The __init__.py files of the packages that hold ``module``, examples/__init__.py first."""
    folders = module.relative_to(root).parents[:-1]  # examples/chap, examples: not the project itself
    return [init for folder in reversed(folders) if (init := root / folder / "__init__.py") != module]
