"""Debug mode, but PROPAGATE_EXCEPTIONS switched off: the 500 handler is back."""

from examples.unhandled.handler_500 import create_app as create_handler_500_app


def create_app():
    app = create_handler_500_app()
    app.config["PROPAGATE_EXCEPTIONS"] = False  # even in debug mode
    return app
