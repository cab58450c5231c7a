"""Logging configured at the entry point, before the app: Flask adds no handler."""

import logging

from flask import Flask, jsonify
from flask.logging import default_handler

# At the entry point (here: import time), before any app or its logger exists.
logging.basicConfig(level=logging.INFO)


def create_app():
    app = Flask(__name__)

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
