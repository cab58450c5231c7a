"""Harness for the lifecycle examples: a database file in a temporary folder."""

import contextlib
import os
import tempfile


class _Folder:
    """What the runner is handed: the database path for ``create_app()``; nothing else to show."""

    def __init__(self, folder: str):
        self.app_kwargs = {"database": os.path.join(folder, "shop.db")}

    def captured(self) -> dict[str, list]:
        return {}


@contextlib.contextmanager
def temporary_database():
    """A folder for the example's SQLite file, removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        yield _Folder(folder)
