"""debugger started without FLASK_DEBUG, as in production: no debugger, the 500 handler answers."""

from examples.debugging.debugger import create_app

__all__ = ["create_app"]
