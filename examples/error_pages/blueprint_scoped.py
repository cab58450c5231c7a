"""A blueprint's own errorhandler() serves only the requests its views handle."""

from flask import Blueprint, abort, render_template

from examples.error_pages.blueprint_pages import create_app as create_site_app

shop = Blueprint("shop", __name__)


@shop.errorhandler(404)
def product_not_found(e):
    return render_template("shop/404.html"), 404


@shop.errorhandler(500)
def shop_error(e):
    return render_template("shop/500.html"), 500


@shop.route("/product/<int:product_id>")
def product(product_id):
    abort(404)  # the shop has no products yet


@shop.route("/checkout")
def checkout():
    raise RuntimeError("payment service at pay.internal:8443 timed out")


def create_app():
    app = create_site_app()  # the site-wide pages of the blueprint_pages example
    app.register_blueprint(shop, url_prefix="/shop")
    return app
