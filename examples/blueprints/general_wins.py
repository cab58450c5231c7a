"""The blueprint comes first: its handler for a base class beats the app's for the subclass."""

from flask import Blueprint, Flask


class PaymentError(Exception):
    """Anything that stops a payment."""


class CardDeclined(PaymentError):
    pass


checkout = Blueprint("checkout", __name__)


@checkout.errorhandler(PaymentError)  # general, on the blueprint
def checkout_payment_failed(error):
    return f"checkout's PaymentError handler: {type(error).__name__}", 402


@checkout.post("/pay")
def checkout_pay():
    raise CardDeclined()


def create_app():
    app = Flask(__name__)
    app.register_blueprint(checkout, url_prefix="/checkout")

    @app.errorhandler(CardDeclined)  # specific, on the app
    def card_declined(error):
        return "app's CardDeclined handler", 402

    @app.post("/donate")
    def donate():
        raise CardDeclined()

    return app
