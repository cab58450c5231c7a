"""A request id in every record and on the 500 page: the caller's X-Request-Id, or a new one."""

import json
import logging
import logging.config
import re
import uuid
from datetime import datetime, timezone

from flask import Flask, g, has_request_context, request

# What the app accepts as an id from the X-Request-Id header: short, and nothing to escape.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdFilter(logging.Filter):
    """Gives every record the id of the request being handled, or "-" outside a request."""

    def filter(self, record):
        # Outside a request (at start-up, in a CLI command) g may not exist: reading it would raise.
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True  # keep the record


class JsonFormatter(logging.Formatter):
    """Each record as one JSON object, on one line, with the request id."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": record.request_id,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": RequestIdFilter}},
    "formatters": {"json": {"()": JsonFormatter}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "json",
            # On the handler, the filter sees every record the handler writes, whichever logger made it.
            "filters": ["request_id"],
        },
    },
    "root": {"level": "INFO", "handlers": ["stderr"]},
}

logging.config.dictConfig(LOGGING)


def create_app():
    app = Flask(__name__)
    payments = logging.getLogger("payments")  # stands in for a library that logs under its own name

    @app.before_request
    def set_request_id():
        incoming = request.headers.get("X-Request-Id", "")
        g.request_id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex

    @app.errorhandler(500)
    def server_error(error):
        return f"Sorry, something broke on our side. Reference: {g.get('request_id', '-')}", 500

    @app.get("/orders/<int:order_id>/pay")
    def pay(order_id):
        payments.warning("Card issuer answered in 4.2 s")
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    app.logger.info("Shop started")  # outside any request: its request_id is "-"
    return app
