"""A small shop whose errors the tests beside it pin down."""

from flask import Flask, abort

PRICES = {"tea": 4}


def create_app(config=None):
    app = Flask("testing_shop")
    app.config.from_mapping(config or {})

    @app.get("/items/<name>")
    def item(name):
        if name not in PRICES:
            abort(404)
        return {"name": name, "price": PRICES[name]}

    @app.post("/checkout")
    def checkout():
        raise ConnectionError("payment service unreachable")

    @app.errorhandler(404)
    def not_found(error):
        return {"error": "no such item"}, 404

    @app.errorhandler(500)
    def internal_error(error):
        return {"error": "something broke on our side"}, 500

    return app
