"""A handler on the root logger receives Flask's record of an unhandled exception."""

import logging
from logging.handlers import BufferingHandler

from flask import Flask

# Logging is configured first, at import time, before any app exists. The
# buffer stands in for your real handler (a file, mail, a log service); the
# StreamHandler keeps the terminal showing the server's address, each request
# and each traceback, which the buffer alone would swallow.
kept = BufferingHandler(capacity=100)
logging.basicConfig(handlers=[kept, logging.StreamHandler()], level=logging.INFO)


def create_app():
    app = Flask(__name__)

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    @app.get("/root-saw")
    def root_saw():
        # For this demonstration only: what reached the root logger's handler from the app.
        return [
            {"logger": r.name, "level": r.levelname, "message": r.getMessage(), "traceback": bool(r.exc_info)}
            for r in kept.buffer
            if r.name == app.logger.name
        ]

    return app
