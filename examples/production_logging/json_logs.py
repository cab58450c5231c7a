"""Logging configured at the entry point, before the app: one JSON object per line on stderr."""

import json
import logging
import logging.config
from datetime import datetime, timezone

from flask import Flask
from flask.logging import default_handler


class JsonFormatter(logging.Formatter):
    """Each record as one JSON object, on one line."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            # json.dumps writes the traceback's line breaks as \n: the record stays one line.
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


LOGGING = {
    "version": 1,
    # Leave alone the loggers that exist already (a library's, gunicorn's): True would disable them.
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": JsonFormatter}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "json"},
    },
    "root": {"level": "INFO", "handlers": ["stderr"]},
}

# The entry point: this runs when the module is imported, before any app or its logger exists.
logging.config.dictConfig(LOGGING)


def create_app():
    app = Flask(__name__)

    @app.get("/handlers")
    def handlers():
        # For this demonstration only: which handlers app.logger has.
        return {
            "handlers": [
                "flask.logging.default_handler" if h is default_handler else repr(h)
                for h in app.logger.handlers
            ]
        }

    @app.get("/stock/<int:item_id>")
    def stock(item_id):
        app.logger.warning("Only 2 left of item %d", item_id)
        return "2 left"

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    return app
