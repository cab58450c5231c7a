"""The same checkout with data_collection, which supersedes send_default_pii in sentry-sdk 2.75."""

import sentry_sdk
from flask import Flask, request

from examples.reporting.sentry_events import KeepInMemory

PRICE = 1250  # cents


def create_app(dsn="http://public@127.0.0.1/1"):
    sentry_sdk.init(
        dsn=dsn,
        release="shop@1.4.2",
        environment="staging",
        data_collection={"user_info": False},  # replaces send_default_pii; turns the scrubber off
        transport=KeepInMemory,
    )
    app = Flask(__name__)

    @app.post("/checkout")
    def checkout():
        card = request.form["card"]
        total = int(request.form["quantity"]) * PRICE  # ValueError for "two"
        return f"Charged {total} cents to the card ending in {card[-4:]}."

    return app
