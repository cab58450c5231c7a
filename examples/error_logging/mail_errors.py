"""Mail every error to the administrators, unless the app is in debug mode."""

import logging
from logging.handlers import SMTPHandler

from flask import Flask


def create_app(mailhost=("127.0.0.1", 25)):
    app = Flask(__name__)

    if not app.debug:
        mail_handler = SMTPHandler(
            mailhost=mailhost,
            fromaddr="server-error@example.com",
            toaddrs=["admin@example.com"],
            subject="Application error",
        )
        mail_handler.setLevel(logging.ERROR)
        app.logger.addHandler(mail_handler)

    @app.route("/report")
    def report():
        totals = {}
        return f"March: {totals['march']}"  # KeyError: nobody handles it

    @app.route("/refund/<int:order_id>")
    def refund(order_id):
        app.logger.error("Refund of order %d failed: timeout", order_id)
        return "The refund could not be made; we will retry.", 503

    @app.route("/stock/<int:item_id>")
    def stock(item_id):
        app.logger.warning("Only 2 left of item %d", item_id)
        return "2 left"

    return app
