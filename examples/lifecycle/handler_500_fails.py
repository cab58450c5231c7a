"""A 500 handler that raises: the exception leaves Flask, and the server answers."""

from flask import Flask
from werkzeug.exceptions import InternalServerError


def create_app():
    app = Flask(__name__)

    @app.errorhandler(InternalServerError)
    def server_error(error):
        # A slip: only HTTP errors have a description, and the KeyError has none.
        return {"error": "server error", "detail": error.original_exception.description}, 500

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        return {}[order_id]  # a bug: KeyError for every id

    return app
