"""A handler for an exception of your own, not an HTTP one."""

from flask import Flask


class OutOfStock(Exception):
    """Raised by the shop when an item has run out."""


def create_app():
    app = Flask(__name__)

    @app.errorhandler(OutOfStock)
    def out_of_stock(error):
        return f"Sorry, the {error} is sold out.", 409

    @app.post("/cart/teapot")
    def add_teapot():
        raise OutOfStock("teapot")

    return app
