"""The same checkout with send_default_pii=True: cookies, addresses and more headers go to Sentry."""

import sentry_sdk
from flask import Flask, request

from examples.reporting.sentry_events import KeepInMemory

PRICE = 1250  # cents


def create_app(dsn="http://public@127.0.0.1/1"):
    sentry_sdk.init(
        dsn=dsn,
        release="shop@1.4.2",
        environment="staging",
        send_default_pii=True,  # cookies, the client's address, user details
        transport=KeepInMemory,
    )
    app = Flask(__name__)

    @app.post("/checkout")
    def checkout():
        card = request.form["card"]
        total = int(request.form["quantity"]) * PRICE  # ValueError for "two"
        return f"Charged {total} cents to the card ending in {card[-4:]}."

    return app
