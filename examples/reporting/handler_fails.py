"""An error handler that raises an exception of its own."""

import sentry_sdk
from flask import Flask, request
from sentry_sdk.integrations.flask import FlaskIntegration

from examples.reporting.sentry_events import KeepInMemory

SOLD_OUT = {
    "en": "That item is sold out.",
    "de": "Dieser Artikel ist ausverkauft.",
}


class OutOfStock(Exception):
    pass


def create_app(dsn="http://public@127.0.0.1/1"):
    sentry_sdk.init(
        dsn=dsn,
        integrations=[FlaskIntegration()],
        auto_enabling_integrations=False,
        transport=KeepInMemory,
    )
    app = Flask(__name__)

    @app.errorhandler(OutOfStock)
    def out_of_stock(error):
        language = request.args.get("lang", "en")
        return SOLD_OUT[language], 409  # KeyError for "fr": a bug in the handler

    @app.route("/order")
    def order():
        raise OutOfStock("item 42")

    return app
