"""The order Flask searches: blueprint by code, app by code, blueprint by class, app by class."""

from flask import Blueprint, Flask, abort
from werkzeug.exceptions import HTTPException

shop = Blueprint("shop", __name__)  # a handler for HTTPException only
blog = Blueprint("blog", __name__)  # a handler for 404 only


@shop.errorhandler(HTTPException)
def shop_error(error):
    return f"shop's general handler: {error.code}", error.code


@shop.route("/missing")
def shop_missing():
    abort(404)


@shop.route("/private")
def shop_private():
    abort(403)


@blog.errorhandler(404)
def blog_not_found(error):
    return "blog's 404 handler", 404


@blog.route("/missing")
def blog_missing():
    abort(404)


@blog.route("/private")
def blog_private():
    abort(403)


def create_app():
    app = Flask(__name__)
    app.register_blueprint(shop, url_prefix="/shop")
    app.register_blueprint(blog, url_prefix="/blog")

    @app.errorhandler(404)
    def not_found(error):
        return "app's 404 handler", 404

    @app.errorhandler(HTTPException)
    def http_error(error):
        return f"app's general handler: {error.code}", error.code

    return app
