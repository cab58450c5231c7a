"""In debug mode an unhandled exception skips the 500 handler and propagates."""

from flask import Flask, abort


def create_app():
    app = Flask(__name__)
    app.debug = True  # only to show what debug changes: never in production

    @app.errorhandler(500)
    def server_error(error):
        return "<h1>Sorry, something broke on our side.</h1>", 500

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        orders = {}
        return orders[order_id]  # a bug: KeyError for every id

    @app.get("/maintenance")
    def maintenance():
        abort(500)

    return app
