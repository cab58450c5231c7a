"""Different error answers per URL space, by branching on request.path."""

import json

from flask import Blueprint, Flask, request

blog = Blueprint("blog", __name__)
api = Blueprint("api", __name__)


@blog.route("/")
def index():
    return "<h1>Latest posts</h1>"


@api.route("/posts")
def posts():
    return {"posts": []}


def create_app():
    app = Flask(__name__)
    app.register_blueprint(blog, url_prefix="/blog")
    app.register_blueprint(api, url_prefix="/api")

    @app.errorhandler(404)
    def not_found(e):
        if request.path.startswith("/blog/"):
            return "<h1>No such blog page</h1>", 404
        return e  # elsewhere: Werkzeug's own page

    @app.errorhandler(405)
    def method_not_allowed(e):
        if request.path.startswith("/api/"):
            response = e.get_response()  # keeps the status and the Allow header
            body = {"code": e.code, "name": e.name, "description": e.description}
            response.data = json.dumps(body)
            response.content_type = "application/json"
            return response
        return e

    return app
