"""A blueprint's 404/405 handlers see only what its own views raise."""

from flask import Blueprint, Flask, abort, request

POSTS = {1: "Hello, world"}

blog = Blueprint("blog", __name__)


@blog.errorhandler(404)
def post_not_found(e):
    return "<h1>The blog has no such post</h1>", 404


@blog.errorhandler(405)
def blog_method_not_allowed(e):
    return "<h1>Blog posts cannot be changed here</h1>", 405


@blog.route("/post/<int:post_id>", methods=["GET", "DELETE"])
def post(post_id):
    if post_id not in POSTS:
        abort(404)
    if request.method == "DELETE":
        abort(405)  # routed, then refused by the view itself
    return f"<h1>{POSTS[post_id]}</h1>"


def create_app():
    app = Flask(__name__)
    app.register_blueprint(blog, url_prefix="/blog")
    return app
