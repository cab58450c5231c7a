"""Report an error your handler deals with: capture it, or log it at ERROR."""

import sentry_sdk
from flask import Flask
from sentry_sdk.integrations.flask import FlaskIntegration

from examples.reporting.sentry_events import KeepInMemory


class OutOfStock(Exception):
    pass


class PaymentDeclined(Exception):
    pass


class CouponExpired(Exception):
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
        sentry_sdk.capture_exception(error)  # report it, then answer
        return "That item is sold out.", 409

    @app.errorhandler(PaymentDeclined)
    def payment_declined(error):
        # The logging integration turns ERROR records into events.
        app.logger.error("Payment declined: %s", error)
        return "Your payment was declined.", 402

    @app.errorhandler(CouponExpired)
    def coupon_expired(error):
        # Below ERROR: the logging integration sends no event.
        app.logger.warning("Expired coupon: %s", error)
        return "That coupon has expired.", 400

    @app.route("/order")
    def order():
        raise OutOfStock("item 42")

    @app.route("/pay")
    def pay():
        raise PaymentDeclined("card expired")

    @app.route("/coupon")
    def coupon():
        raise CouponExpired("SPRING24")

    return app
