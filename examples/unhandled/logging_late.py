"""Logging configured after app.logger was first used: Flask's handler stays."""

import logging

from flask import Flask, jsonify
from flask.logging import default_handler


def create_app():
    app = Flask(__name__)
    app.logger.info("creating the app")  # first use of app.logger: no handler anywhere yet...
    # ...so Flask has added its handler, and this comes too late to prevent it.
    logging.basicConfig(level=logging.INFO)

    @app.get("/handlers")
    def handlers():
        # For this demonstration only: which handlers app.logger has.
        return jsonify(
            handlers=[
                "flask.logging.default_handler" if h is default_handler else repr(h)
                for h in app.logger.handlers
            ]
        )

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    return app
