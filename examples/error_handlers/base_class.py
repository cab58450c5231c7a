"""A handler for a base class also handles every subclass of it."""

from flask import Flask


class PaymentError(Exception):
    """Anything that stops a payment."""


class CardDeclined(PaymentError):
    pass


class CardExpired(PaymentError):
    pass


def create_app():
    app = Flask(__name__)

    @app.errorhandler(PaymentError)
    def payment_failed(error):
        return f"Payment failed ({type(error).__name__}). Try another card.", 402

    @app.post("/pay/declined")
    def declined():
        raise CardDeclined()

    @app.post("/pay/expired")
    def expired():
        raise CardExpired()

    return app
