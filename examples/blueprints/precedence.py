"""For the same code, a blueprint's handler wins over the app's for its own requests."""

from flask import Blueprint, Flask, abort

PRODUCTS = {1: "Teapot"}

shop = Blueprint("shop", __name__)


@shop.errorhandler(404)
def product_not_found(e):
    return "<h1>That product is not in the shop</h1>", 404


@shop.route("/product/<int:product_id>")
def product(product_id):
    if product_id not in PRODUCTS:
        abort(404)
    return f"<h1>{PRODUCTS[product_id]}</h1>"


def create_app():
    app = Flask(__name__)
    app.register_blueprint(shop, url_prefix="/shop")

    @app.errorhandler(404)
    def page_not_found(e):
        return "<h1>Page not found</h1>", 404

    return app
