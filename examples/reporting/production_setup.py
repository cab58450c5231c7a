"""Sentry for a production app: a release, an environment, and the integrations the SDK finds."""

import sentry_sdk
from flask import Flask, request

from examples.reporting.sentry_events import KeepInMemory

PRICE = 1250  # cents


def create_app(dsn="http://public@127.0.0.1/1"):
    sentry_sdk.init(
        dsn=dsn,
        release="shop@1.4.2",  # set by your deploy: the version it ships
        environment="staging",  # set by your deploy: "production" if left out
        transport=KeepInMemory,  # a real app leaves this out
    )
    app = Flask(__name__)

    @app.post("/checkout")
    def checkout():
        card = request.form["card"]
        total = int(request.form["quantity"]) * PRICE  # ValueError for "two"
        return f"Charged {total} cents to the card ending in {card[-4:]}."

    return app
