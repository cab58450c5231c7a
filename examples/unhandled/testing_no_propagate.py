"""TESTING on, PROPAGATE_EXCEPTIONS off: a test can reach the 500 handler."""

from examples.unhandled.handler_500 import create_app as create_handler_500_app


def create_app():
    app = create_handler_500_app()
    app.config.update(TESTING=True, PROPAGATE_EXCEPTIONS=False)
    return app
