"""Give the user the event's id: a reference that finds the report in Sentry."""

import sentry_sdk
from flask import Flask

from examples.reporting.sentry_events import KeepInMemory


class PaymentDeclined(Exception):
    pass


def create_app(dsn="http://public@127.0.0.1/1", sample_rate=1.0):
    sentry_sdk.init(
        dsn=dsn,
        release="shop@1.4.2",
        environment="staging",
        sample_rate=sample_rate,  # the share of error events sent; 1.0 is the default
        transport=KeepInMemory,
    )
    app = Flask(__name__)

    @app.errorhandler(500)
    def server_error(error):
        event_id = sentry_sdk.last_event_id()  # None if no event was sent
        if event_id is None:
            return "Sorry, something broke on our side.", 500
        return f"Sorry, something broke on our side. Reference: {event_id}", 500

    @app.errorhandler(PaymentDeclined)
    def payment_declined(error):
        event_id = sentry_sdk.capture_exception(error)
        return f"Your payment was declined. Reference: {event_id}", 402

    @app.route("/average")
    def average():
        ratings = []
        return f"{sum(ratings) / len(ratings):.1f}"  # ZeroDivisionError

    @app.route("/pay")
    def pay():
        raise PaymentDeclined("card expired")

    return app
