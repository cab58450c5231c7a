"""A parent blueprint's handler answers for its children's views; a child's own comes first."""

from flask import Blueprint, Flask, abort, jsonify, request

api = Blueprint("api", __name__)
users = Blueprint("users", __name__)  # no handlers of its own
orders = Blueprint("orders", __name__)


def api_not_found(error):
    return jsonify(handler="api", blueprints=request.blueprints), 404


def order_not_found(error):
    return jsonify(handler="orders", blueprints=request.blueprints), 404


# The same as @api.errorhandler(404) and @orders.errorhandler(404), as plain calls.
api.register_error_handler(404, api_not_found)
orders.register_error_handler(404, order_not_found)


@users.route("/<int:user_id>")
def user(user_id):
    abort(404)


@orders.route("/<int:order_id>")
def order(order_id):
    abort(404)


api.register_blueprint(users, url_prefix="/users")
api.register_blueprint(orders, url_prefix="/orders")


def create_app():
    app = Flask(__name__)
    app.register_blueprint(api, url_prefix="/api")
    return app
