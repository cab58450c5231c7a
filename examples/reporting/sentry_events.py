"""Sentry's Flask integration, with a transport that keeps events in memory."""

import sentry_sdk
from flask import Flask, abort
from sentry_sdk.integrations.flask import FlaskIntegration
from sentry_sdk.transport import Transport


class KeepInMemory(Transport):
    """Replaces the HTTP transport: the events the SDK would send stay here."""

    def __init__(self, options=None):
        super().__init__(options)
        self.events = []

    def capture_envelope(self, envelope):
        event = envelope.get_event()  # envelopes also carry sessions, reports
        if event is not None:
            self.events.append(event)


class OutOfStock(Exception):
    pass


def create_app(dsn="http://public@127.0.0.1/1"):
    # Your project's DSN goes here. This one points nowhere, and
    # KeepInMemory (which a real app leaves out) sends nothing anyway.
    sentry_sdk.init(
        dsn=dsn,
        integrations=[FlaskIntegration()],
        auto_enabling_integrations=False,  # only what is named here
        transport=KeepInMemory,
    )
    app = Flask(__name__)

    @app.errorhandler(500)
    def server_error(error):
        return "Sorry, something broke on our side.", 500

    @app.errorhandler(OutOfStock)
    def out_of_stock(error):
        return "That item is sold out.", 409

    @app.route("/average")
    def average():
        ratings = []
        return f"{sum(ratings) / len(ratings):.1f}"  # ZeroDivisionError

    @app.route("/order")
    def order():
        raise OutOfStock("item 42")

    @app.route("/maintenance")
    def maintenance():
        abort(500)

    return app
