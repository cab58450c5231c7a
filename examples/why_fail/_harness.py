"""Harness for the first chapter: a server whose database file is not there."""

from __future__ import annotations

import contextlib
import os
import tempfile


class _Server:
    def __init__(self, **app_kwargs):
        self.app_kwargs = app_kwargs

    def captured(self) -> dict[str, list]:
        return {}


@contextlib.contextmanager
def missing_database():
    """The app is pointed at a database file that nobody copied to this server."""
    with tempfile.TemporaryDirectory() as folder:
        yield _Server(database=os.path.join(folder, "shop.db"))
