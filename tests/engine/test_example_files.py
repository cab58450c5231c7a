"""Run by hand, an example keeps its files in its instance folder, never where it was started."""

from __future__ import annotations

import importlib
import inspect
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


@pytest.mark.parametrize(("name", "path"), WRITERS)
def test_an_example_run_by_hand_writes_into_its_instance_folder(name, path, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # where a reader starts `flask run`
    module = importlib.import_module(f"examples.{name}")
    assert inspect.signature(module.create_app).parameters  # a harness can still say where
    app = module.create_app()
    app.testing = False  # a failing request answers 500, as under `flask run`
    with app.test_client() as client:
        client.get(path)
    app.logger.warning("a record for the log file")
    assert list(tmp_path.iterdir()) == [], "the example wrote into the folder it was started from"
    instance = Path(app.instance_path)
    assert instance == ROOT / "instance" and instance.is_dir()  # git ignores it (.gitignore)
