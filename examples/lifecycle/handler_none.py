"""An error handler that returns None: Flask raises TypeError, and the request becomes a 500."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.errorhandler(LookupError)
    def not_in_catalogue(error):
        app.logger.warning("No such item: %r", error)
        # A slip: no return statement, so the handler returns None.

    @app.get("/items/<name>")
    def item(name):
        return {"price": {"kettle": 30}[name]}

    return app
