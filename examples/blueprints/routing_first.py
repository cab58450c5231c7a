"""Why: when routing fails, the request has no endpoint and so no blueprint."""

from flask import Blueprint, Flask, abort, jsonify, request

blog = Blueprint("blog", __name__)


@blog.route("/post/<int:post_id>")
def post(post_id):
    abort(404)


def create_app():
    app = Flask(__name__)
    app.register_blueprint(blog, url_prefix="/blog")

    @app.errorhandler(404)
    def not_found(e):
        # What Flask knew about the request when the error happened.
        return jsonify(endpoint=request.endpoint, blueprint=request.blueprint), 404

    return app
