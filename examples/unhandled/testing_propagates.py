"""handler_500 configured as a test suite would: TESTING makes the bug propagate."""

from examples.unhandled.handler_500 import create_app as create_handler_500_app


def create_app():
    app = create_handler_500_app()
    app.config["TESTING"] = True  # what a test suite usually sets
    return app
