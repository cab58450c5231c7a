"""Transcripts are reused until an input changes (design E9)."""

from __future__ import annotations

import json
from pathlib import Path

from .project import Project

PROBE = """\
import json, sys
from guide.cache import cache_key, inputs
from guide.expectations import load_example
example = load_example("chap.demo")
print(json.dumps({"key": cache_key(example), "inputs": [str(p) for p in inputs(example)]}))
"""


def probe(project: Project) -> dict:
    project.write("probe.py", PROBE)
    result = project._run(
        "-c", "import sys; sys.path[:0] = ['.', 'docs/_ext']; exec(open('probe.py').read())"
    )
    assert result.returncode == 0, result.output
    return json.loads(result.output)


def test_local_imports_are_inputs_and_change_the_key(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("examples/chap/_words.py", 'GONE = "gone"\n')
    project.write("examples/chap/_unused.py", "X = 1\n")
    project.edit(
        "examples/chap/demo.py",
        "from flask import Flask, abort",
        "from flask import Flask, abort\n\nfrom ._words import GONE",
    )
    before = probe(project)
    assert [str(Path(p).relative_to(tmp_path)) for p in before["inputs"]] == [
        "examples/chap/demo.py",
        "examples/chap/demo.toml",
        "examples/chap/_words.py",
        "examples/__init__.py",  # importing the example runs its packages' __init__.py
        "examples/chap/__init__.py",
    ]
    project.write("examples/chap/_unused.py", "X = 2\n")
    assert probe(project)["key"] == before["key"]
    project.write("examples/chap/_words.py", 'GONE = "went"\n')
    changed = probe(project)["key"]
    assert changed != before["key"]
    project.write("examples/chap/__init__.py", '"""A chapter."""\n')
    assert probe(project)["key"] != changed


def test_a_second_build_reuses_the_run(tmp_path: Path) -> None:
    project = Project(tmp_path)
    assert project.sphinx("-W").returncode == 0
    entries = list((tmp_path / "_build" / ".transcripts").glob("chap.demo-*.json"))
    assert len(entries) == 1
    # Doctor the cached transcript: a rebuild from scratch must show the cached run, not a new one.
    data = json.loads(entries[0].read_text())
    data["transcripts"]["gone"]["body"] = "Gone, served from the cache"
    entries[0].write_text(json.dumps(data))
    assert project.sphinx("-W", "-E").returncode == 0
    assert "served from the cache" in project.html()
    # Changing the example re-runs it.
    project.edit("examples/chap/demo.py", "abort(410)", "abort(410)  # touched")
    assert project.sphinx("-W").returncode == 0
    assert "served from the cache" not in project.html()


def test_templates_beside_the_example_are_inputs(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("examples/chap/templates/404.html", "<p>lost</p>\n")
    before = probe(project)
    assert "404.html" in [Path(p).name for p in before["inputs"]]
    project.write("examples/chap/templates/404.html", "<p>still lost</p>\n")
    assert probe(project)["key"] != before["key"]
