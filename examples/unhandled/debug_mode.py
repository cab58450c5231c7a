"""handler_500 started with FLASK_DEBUG=1: the bug skips the 500 handler and propagates."""

from examples.unhandled.handler_500 import create_app

__all__ = ["create_app"]
