"""When your handler deals with an exception, Flask logs nothing about it."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.errorhandler(KeyError)
    def unknown_key(error):
        return "<h1>No such order.</h1>", 404

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # KeyError, now handled

    @app.get("/total")
    def total():
        return str(sum([]) / 0)  # ZeroDivisionError: nobody handles it

    return app
