"""An exception nobody handles: a plain 500 page, and the traceback in the log."""

from flask import Flask, abort


def create_app():
    app = Flask(__name__)

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    @app.get("/maintenance")
    def maintenance():
        abort(500)  # an HTTP error, raised on purpose

    return app
