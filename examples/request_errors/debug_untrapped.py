"""Debug mode with TRAP_BAD_REQUEST_ERRORS = False: a 400 that names the missing key."""

from examples.request_errors.debug_mode import create_app as create_debug_app


def create_app():
    app = create_debug_app()
    app.config["TRAP_BAD_REQUEST_ERRORS"] = False  # answer a 400, even in debug mode
    return app
