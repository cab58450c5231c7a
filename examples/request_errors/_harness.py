"""The environment the debug-mode examples of this chapter are started in."""

import contextlib
import os
from unittest import mock


@contextlib.contextmanager
def debug_mode():
    """FLASK_DEBUG=1, as `flask run --debug` sets it; Flask reads it when the app is created."""
    with mock.patch.dict(os.environ, {"FLASK_DEBUG": "1"}):
        yield {}
