"""Under gunicorn, the app's records go to gunicorn's error log handlers."""

import logging

from flask import Flask
from flask.logging import default_handler


def describe(logger):
    # For this demonstration only: a logger's level, handlers and propagation.
    return {
        "level": logging.getLevelName(logger.level),
        "handlers": [
            "flask.logging.default_handler" if h is default_handler else repr(h) for h in logger.handlers
        ],
        "propagate": logger.propagate,
    }


def create_app():
    app = Flask(__name__)
    gunicorn_error = logging.getLogger("gunicorn.error")
    if gunicorn_error.handlers:  # pragma: no cover - true in a gunicorn worker only
        # Write where gunicorn's error log goes (--error-logfile), at its --log-level.
        app.logger.handlers = list(gunicorn_error.handlers)
        app.logger.setLevel(gunicorn_error.level)

    @app.get("/loggers")
    def loggers():
        return {
            "app": describe(app.logger),
            "gunicorn": {
                "error": describe(gunicorn_error),
                "access": describe(logging.getLogger("gunicorn.access")),
            },
        }

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    return app
