"""The runs service: runs are reused until an input changes, made once across processes, and pruned."""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

from guide.expectations import load_example
from guide.inputs import inputs
from guide.runs import Runs

from .project import APP, Project

# Each build of its app appends the process id to runs.log: who ran it, how often.
COUNTED_APP = APP.replace(
    "def create_app():\n",
    "def create_app():\n"
    "    import os, pathlib, time\n"
    '    with open(pathlib.Path(__file__).parents[2] / "runs.log", "a") as log:\n'
    '        log.write(f"{os.getpid()}\\n")\n',
)
# The same, taking a while: long enough for other processes to find it running.
SLOW_APP = COUNTED_APP.replace("    return app\n", "    time.sleep(0.3)\n    return app\n")


def runs_logged(project: Project) -> list[str]:
    log = project.root / "runs.log"
    return log.read_text().split() if log.exists() else []


def test_local_imports_templates_and_packages_are_inputs_and_change_the_key(project: Project) -> None:
    project.write("examples/chap/_words.py", 'GONE = "gone"\n')
    project.write("examples/chap/_unused.py", "X = 1\n")
    project.write("examples/chap/templates/404.html", "<p>lost</p>\n")
    project.edit(
        "examples/chap/demo.py",
        "from flask import Flask, abort",
        "from flask import Flask, abort\n\nfrom ._words import GONE",
    )

    def key() -> str:
        return Runs(project.root / "cache").key(load_example("chap.demo", project.root))

    example = load_example("chap.demo", project.root)
    assert [path.relative_to(project.root).as_posix() for path in inputs(example)] == [
        "examples/chap/demo.py",
        "examples/chap/demo.toml",
        "examples/chap/_words.py",
        "examples/chap/templates/404.html",
        "examples/__init__.py",  # importing the example runs its packages' __init__.py
        "examples/chap/__init__.py",
    ]
    keys = [key()]
    project.write("examples/chap/_unused.py", "X = 2\n")
    assert key() == keys[-1]
    for changed in (
        "examples/chap/_words.py",
        "examples/chap/templates/404.html",
        "examples/chap/__init__.py",
    ):
        project.write(changed, (project.root / changed).read_text() + "\n# edited\n")
        keys.append(key())
    assert len(set(keys)) == 4, keys


def test_a_second_build_reuses_the_run_until_the_example_changes(project: Project) -> None:
    assert project.sphinx("-W").returncode == 0
    (entry,) = (project.root / "_build" / ".transcripts").glob("chap.demo-*.json")
    # Doctor the cached transcript: a rebuild from scratch must show the cached run, not a new one.
    data = json.loads(entry.read_text())
    data["transcripts"]["gone"]["body"] = "Gone, served from the cache"
    entry.write_text(json.dumps(data))
    assert project.sphinx("-W", "-E").returncode == 0
    assert "served from the cache" in project.html()
    project.edit("examples/chap/demo.py", "abort(410)", "abort(410)  # touched")
    assert project.sphinx("-W").returncode == 0
    assert "served from the cache" not in project.html()
    # The new entry replaced the old one.
    assert [path.name for path in entry.parent.glob("chap.demo-*.json")] != [entry.name]
    assert len(list(entry.parent.glob("chap.demo-*.json"))) == 1


def test_a_build_prunes_the_entries_of_examples_that_are_gone(project: Project) -> None:
    project.show_examples(["a", "b"])
    assert project.sphinx("-W").returncode == 0
    cache = project.root / "_build" / ".transcripts"
    assert sorted(path.name.split("-")[0] for path in cache.glob("*.json")) == ["chap.a", "chap.b"]
    for leftover in ("examples/chap/b.py", "examples/chap/b.toml"):
        (project.root / leftover).unlink()
    project.write("docs/index.md", "# Demo\n\n```{example} chap.a\n```\n")
    assert project.sphinx("-W").returncode == 0
    assert sorted(path.name for path in cache.iterdir() if not path.name.startswith("chap.a")) == []


def _get(root: Path, name: str) -> None:
    Runs(root / "cache").get(load_example(name, root))


def _prefetch(root: Path, name: str) -> None:
    Runs(root / "cache").prefetch(load_example(name, root))


def test_processes_sharing_a_cache_run_an_example_once(project: Project) -> None:
    project.write("examples/chap/demo.py", SLOW_APP)
    fork = multiprocessing.get_context("fork")
    processes = [fork.Process(target=_get, args=(project.root, "chap.demo")) for _ in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    assert [process.exitcode for process in processes] == [0, 0, 0]
    assert len(runs_logged(project)) == 1
    # Here, too, the run comes from the cache.
    run = Runs(project.root / "cache").get(load_example("chap.demo", project.root))
    assert run.transcripts["gone"].status == 410
    assert len(runs_logged(project)) == 1


def test_running_ahead_skips_what_another_process_is_running(project: Project) -> None:
    project.write("examples/chap/demo.py", SLOW_APP)
    fork = multiprocessing.get_context("fork")
    first = fork.Process(target=_get, args=(project.root, "chap.demo"))
    first.start()
    deadline = time.monotonic() + 30
    while not runs_logged(project):  # until the first process holds the lock and is running it
        assert time.monotonic() < deadline, "the first process never ran the example"
        time.sleep(0.01)
    ahead = fork.Process(target=_prefetch, args=(project.root, "chap.demo"))
    ahead.start()
    ahead.join()
    first.join()
    assert runs_logged(project) == [str(first.pid)]


def test_without_a_cache_each_service_runs_afresh(project: Project) -> None:
    project.write("examples/chap/demo.py", COUNTED_APP)
    example = load_example("chap.demo", project.root)
    runs = Runs()
    assert runs.get(example) is runs.get(example)
    Runs().get(example)
    assert len(runs_logged(project)) == 2
    assert not (project.root / "_build" / ".transcripts").exists()
