"""Harnesses for the debugging examples: the environment an app is started in, and a stand-in server.

``development_server`` replaces Werkzeug's ``run_simple`` with a recorder, so
``app.run()`` returns at once and the harness can show what the development
server would have been asked to do.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from functools import cached_property
from pathlib import Path
from unittest import mock

import flask.cli
import werkzeug.serving


@contextlib.contextmanager
def _environ(**values: str | None):
    """Set (or, with None, remove) environment variables; the old environment comes back after."""
    with mock.patch.dict(os.environ):
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield


# How serve() is started: without debug mode, with it, and under an external debugger.
SESSIONS = [
    {"FLASK_DEBUG": None, "FLASK_EXTERNAL_DEBUGGER": None},
    {"FLASK_DEBUG": "1", "FLASK_EXTERNAL_DEBUGGER": None},
    {"FLASK_DEBUG": "1", "FLASK_EXTERNAL_DEBUGGER": "1"},
]


class _DevelopmentServer:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self._environment = ""

    def run_simple(self, hostname, port, application, **options) -> None:
        self.calls.append(
            f"environment: {self._environment}\n"
            f"run_simple({hostname!r}, {port}, app, "
            f"use_debugger={options['use_debugger']}, use_reloader={options['use_reloader']})"
        )

    @cached_property
    def sessions(self) -> list[str]:
        """Call the example's serve() once per session in SESSIONS, the first time it is asked for."""
        serve = sys.modules["examples.debugging.external_debugger"].serve
        for session in SESSIONS:
            self._environment = " ".join(f"{k}={v}" for k, v in session.items() if v) or "(neither set)"
            with _environ(**session):
                serve()
        return self.calls

    def captured(self) -> dict[str, list[str]]:
        return {"Calls to the development server": self.sessions}


@contextlib.contextmanager
def debug_mode():
    """Debug mode, as ``flask run --debug`` turns it on."""
    with _environ(FLASK_DEBUG="1"):
        yield {}


@contextlib.contextmanager
def production():
    """No FLASK_DEBUG, as a production server is started: debug mode stays off."""
    with _environ(FLASK_DEBUG=None):
        yield {}


@contextlib.contextmanager
def development_server():
    """Debug mode under an external debugger; ``run_simple`` records instead of serving."""
    server = _DevelopmentServer()
    with (
        _environ(FLASK_DEBUG="1", FLASK_EXTERNAL_DEBUGGER="1", FLASK_RUN_FROM_CLI=None),
        mock.patch.object(werkzeug.serving, "run_simple", server.run_simple),
        mock.patch.object(flask.cli, "show_server_banner", lambda *args: None),
    ):
        yield server


@contextlib.contextmanager
def debug_without_propagation():
    """Debug mode, with PROPAGATE_EXCEPTIONS switched off through the environment."""
    with _environ(FLASK_DEBUG="1", FLASK_PROPAGATE_EXCEPTIONS="false"):
        yield {}


@contextlib.contextmanager
def service_environment():
    """What the service manager provides: SHOP_SETTINGS names a settings file."""
    with tempfile.TemporaryDirectory() as folder:
        settings = Path(folder) / "shop.cfg"
        settings.write_text('SHOP_NAME = "The Corner Shop"\n', encoding="utf-8")
        with _environ(SHOP_SETTINGS=str(settings)):
            yield {}


@contextlib.contextmanager
def login_shell():
    """A shell of your own: SHOP_SETTINGS is not set."""
    with _environ(SHOP_SETTINGS=None):
        yield {}
