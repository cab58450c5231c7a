"""A 500 handler always receives an InternalServerError; the cause is in original_exception."""

from flask import Flask, abort
from werkzeug.exceptions import InternalServerError


def create_app():
    app = Flask(__name__)

    @app.errorhandler(InternalServerError)
    def server_error(error):
        # What went wrong belongs in the log, never in the response.
        app.logger.warning(
            "500 handler got %s, original_exception=%r", type(error).__name__, error.original_exception
        )
        return "<h1>Sorry, something broke on our side.</h1>", 500

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    @app.get("/maintenance")
    def maintenance():
        abort(500)  # a deliberate 500: there is no original exception

    return app
