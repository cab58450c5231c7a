"""abort() inside an error handler does not reach another handler: it becomes a 500."""

from flask import Flask, abort


class OutOfStock(Exception):
    pass


def create_app():
    app = Flask(__name__)

    @app.errorhandler(409)
    def conflict(error):
        return {"error": "conflict", "message": error.description}, 409

    @app.errorhandler(OutOfStock)
    def out_of_stock(error):
        abort(409, "That item is sold out.")  # a slip: conflict() will not see this

    @app.post("/cart/<int:item_id>")
    def add_to_cart(item_id):
        if item_id == 1:
            abort(409, "That item is already in your cart.")
        raise OutOfStock(item_id)

    return app
