"""TESTING, like debug, makes unhandled exceptions propagate past the 500 handler."""

from flask import Flask, abort


def create_app():
    app = Flask(__name__)
    app.config["TESTING"] = True  # what a test suite usually sets

    @app.errorhandler(500)
    def server_error(error):
        return "<h1>Sorry, something broke on our side.</h1>", 500

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    @app.get("/maintenance")
    def maintenance():
        abort(500)

    return app
