"""A Formatter subclass: request data, UTC time stamps, a marked traceback."""

import logging
from datetime import datetime, timezone
from pathlib import Path

from flask import Flask, has_request_context, request
from flask.logging import default_handler


class RequestFormatter(logging.Formatter):
    def format(self, record):
        if has_request_context():
            record.url = request.url
            record.remote_addr = request.remote_addr
        else:  # at start-up, in a CLI command...
            record.url = record.remote_addr = "-"
        return super().format(record)

    def formatTime(self, record, datefmt=None):
        moment = datetime.fromtimestamp(record.created, timezone.utc)
        return moment.isoformat(timespec="seconds")

    def formatException(self, exc_info):
        # Mark each line, so that the traceback's record is easy to see.
        text = super().formatException(exc_info)
        return "\n".join(f"| {line}" for line in text.splitlines())


def create_app(log_dir=None):
    app = Flask(__name__)
    log_dir = Path(log_dir or app.instance_path)  # the instance folder unless told otherwise
    log_dir.mkdir(parents=True, exist_ok=True)

    handler = logging.FileHandler(Path(log_dir) / "app.log", encoding="utf-8")
    handler.setFormatter(
        RequestFormatter(
            "[%(asctime)s] %(remote_addr)s %(url)s %(levelname)s: %(message)s",
        ),
    )
    handler.setLevel(logging.WARNING)
    app.logger.addHandler(handler)
    # This file takes the place of Flask's output to the error stream.
    app.logger.removeHandler(default_handler)
    app.logger.warning("Payments run in test mode: no card will be charged")

    @app.route("/stock/<int:item_id>")
    def stock(item_id):
        app.logger.warning("Only 2 left of item %d", item_id)
        return "2 left"

    @app.route("/report")
    def report():
        totals = {}
        return f"March: {totals['march']}"  # KeyError: nobody handles it

    return app
