"""Keep data out of Sentry: before_send edits or drops events, the scrubber's denylist names fields."""

import sentry_sdk
from flask import Flask, request
from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber

from examples.reporting.sentry_events import KeepInMemory

PRICE = 1250  # cents


class ProviderDown(Exception):
    """The payment provider's outages reach us through its status page, not Sentry."""


def before_send(event, hint):
    exc_info = hint.get("exc_info")
    if exc_info and isinstance(exc_info[1], ProviderDown):
        return None  # drop the whole event
    headers = event.get("request", {}).get("headers", {})
    headers.pop("X-Partner-Key", None)  # drop one header
    return event


def create_app(dsn="http://public@127.0.0.1/1"):
    sentry_sdk.init(
        dsn=dsn,
        release="shop@1.4.2",
        environment="staging",
        before_send=before_send,
        # "card" wherever a key or a local variable has that name, with the defaults.
        event_scrubber=EventScrubber(denylist=[*DEFAULT_DENYLIST, "card"]),
        transport=KeepInMemory,
    )
    app = Flask(__name__)

    @app.post("/checkout")
    def checkout():
        card = request.form["card"]
        total = int(request.form["quantity"]) * PRICE  # ValueError for "two"
        return f"Charged {total} cents to the card ending in {card[-4:]}."

    @app.post("/refund")
    def refund():
        raise ProviderDown("payments.example.com did not answer")

    return app
