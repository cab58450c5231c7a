"""Send warnings and errors to syslog, which may keep them on another host."""

import logging
from logging.handlers import SysLogHandler

from flask import Flask


def create_app(address=("127.0.0.1", 514)):
    app = Flask(__name__)

    # UDP to address; on Linux, address="/dev/log" is the local daemon.
    syslog_handler = SysLogHandler(address, SysLogHandler.LOG_USER)
    syslog_handler.setLevel(logging.WARNING)
    syslog_handler.setFormatter(
        logging.Formatter("%(name)s: %(levelname)s %(message)s"),
    )
    app.logger.addHandler(syslog_handler)

    @app.route("/stock/<int:item_id>")
    def stock(item_id):
        app.logger.warning("Only 2 left of item %d", item_id)
        return "2 left"

    @app.route("/report")
    def report():
        totals = {}
        return f"March: {totals['march']}"  # KeyError: nobody handles it

    return app
