"""Run by hand, an example keeps its files in its instance folder, never where it was started."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRITERS = [  # every example whose create_app() writes a file, and a request that makes it write
    ("error_logging.log_files", "/"),  # the log files open as the app is made
    ("error_logging.request_formatter", "/"),
    ("error_logging.library_loggers", "/"),
    ("error_logging.two_apps", "/"),
    ("failure_lab.database_locked", "/orders"),
    ("why_fail.environment_fails", "/orders"),
    ("lifecycle.rollback", "/orders"),
    ("lifecycle.commit_in_view", "/orders"),
]


def test_every_example_that_writes_files_is_listed() -> None:
    writers = set()
    for path in (ROOT / "examples").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "FileHandler(" in source or "sqlite3.connect(" in source:
            writers.add(".".join(path.relative_to(ROOT / "examples").with_suffix("").parts))
    writers.discard("failure_lab._harness")  # the harness writes into a temporary folder of its own
    writers.discard("why_fail._harness")
    assert writers == {name for name, _ in WRITERS}


# Run in a process of its own, as `flask run` would: importing the real examples package
# here would shadow the small projects' own `examples` package in the other engine tests.
RUN_BY_HAND = """
import importlib, inspect, sys
module = importlib.import_module("examples." + sys.argv[1])
assert inspect.signature(module.create_app).parameters  # a harness can still say where
app = module.create_app()
with app.test_client() as client:
    client.get(sys.argv[2])
app.logger.warning("a record for the log file")
print(app.instance_path)
"""


@pytest.mark.parametrize(("name", "path"), WRITERS)
def test_an_example_run_by_hand_writes_into_its_instance_folder(name, path, tmp_path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", RUN_BY_HAND, name, path],
        cwd=tmp_path,  # where a reader starts `flask run`
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.iterdir()) == [], "the example wrote into the folder it was started from"
    instance = Path(done.stdout.strip())
    assert instance == ROOT / "instance" and instance.is_dir()  # git ignores it (.gitignore)
