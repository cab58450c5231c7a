"""A handler registered for 404 is a handler for NotFound: a class must be a NotFound to reach it."""

from flask import Flask
from werkzeug.exceptions import HTTPException, NotFound


class PostMissing(NotFound):
    description = "There is no such post."


class PostGone(HTTPException):  # slip: a 404 code, but not a NotFound
    code = 404
    description = "The post was removed."


def create_app():
    app = Flask(__name__)

    @app.errorhandler(404)  # filed under NotFound
    def not_found(error):
        return f"404 handler: {error.description}", 404

    @app.route("/posts/1")
    def missing():
        raise PostMissing()

    @app.route("/posts/2")
    def gone():
        raise PostGone()

    return app
