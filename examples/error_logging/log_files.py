"""Keep warnings and errors in a rotating file, with where each came from."""

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from flask import Flask

DETAILED = logging.Formatter(
    "%(asctime)s %(levelname)s in %(module)s.%(funcName)s, "  # when, what
    "%(pathname)s:%(lineno)d\n"  # the file and line that logged
    "%(message)s"  # a traceback, if any, is appended after the message
)


def create_app(log_dir=None):
    app = Flask(__name__)
    log_dir = Path(log_dir or app.instance_path)  # the instance folder unless told otherwise
    log_dir.mkdir(parents=True, exist_ok=True)

    file_handler = RotatingFileHandler(
        Path(log_dir) / "app.log",
        maxBytes=500,  # tiny, to show a rotation: think 10 MB in production
        backupCount=1,  # old files kept: app.log.1
        encoding="utf-8",
    )
    file_handler.setLevel(logging.WARNING)
    file_handler.setFormatter(DETAILED)
    app.logger.addHandler(file_handler)

    @app.route("/stock/<int:item_id>")
    def stock(item_id):
        app.logger.warning("Only 2 left of item %d", item_id)
        return "2 left"

    @app.route("/report")
    def report():
        totals = {}
        return f"March: {totals['march']}"  # KeyError: nobody handles it

    return app
