"""What teardown_request and teardown_appcontext functions receive."""

import logging

from flask import Flask
from werkzeug.exceptions import InternalServerError


class OutOfStock(Exception):
    pass


def create_app():
    app = Flask(__name__)
    app.logger.setLevel(logging.INFO)  # or INFO records are dropped

    @app.teardown_request
    def end_request(exc):
        app.logger.info("teardown_request got %r", exc)

    @app.teardown_appcontext
    def end_appcontext(exc):
        app.logger.info("teardown_appcontext got %r", exc)

    @app.errorhandler(OutOfStock)
    def out_of_stock(error):
        return "That item is sold out.", 409

    @app.errorhandler(InternalServerError)
    def server_error(error):
        return "Sorry, something broke on our side.", 500

    @app.get("/items/<int:item_id>")
    def item(item_id):
        if item_id == 42:
            raise OutOfStock(item_id)  # handled by out_of_stock()
        if item_id == 7:
            return {}["price"]  # a bug: KeyError, answered only by the 500 handler
        return {"id": item_id}

    return app
