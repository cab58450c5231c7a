"""Debug mode, but PROPAGATE_EXCEPTIONS switched off: the 500 handler is back."""

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.debug = True  # only to show what debug changes: never in production
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.errorhandler(500)
    def server_error(error):
        return "<h1>Sorry, something broke on our side.</h1>", 500

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    return app
