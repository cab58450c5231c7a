"""dev_server with FLASK_PROPAGATE_EXCEPTIONS=false: the 500 handler is back."""

from examples.debugging.dev_server import create_app

__all__ = ["create_app"]
