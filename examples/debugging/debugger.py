"""dev_server behind Werkzeug's interactive debugger, as `flask run --debug` serves it."""

from werkzeug.debug import DebuggedApplication

from examples.debugging.dev_server import create_app as create_dev_server_app


def create_app():
    app = create_dev_server_app()  # debug mode only if FLASK_DEBUG turns it on
    if app.debug:
        # What the development server does in debug mode (run_simple's use_evalex defaults to True).
        app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)
    return app
