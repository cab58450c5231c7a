"""One switch hands over to an external debugger: Flask's own steps aside."""

from examples.debugging.dev_server import create_app


def run_options(app):
    """app.run() arguments: the built-in debugger and reloader, or neither."""
    debug = bool(app.debug)
    builtin = debug and not app.config["EXTERNAL_DEBUGGER"]
    return {"debug": debug, "use_debugger": builtin, "use_reloader": builtin}


def serve():
    """Start the development server by hand:

    python -c "from examples.debugging.external_debugger import serve; serve()"
    """
    app = create_app()
    app.run(**run_options(app))
