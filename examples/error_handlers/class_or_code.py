"""Registering for BadRequest or for 400 is the same thing."""

from flask import Flask, abort
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge


def create_app():
    app = Flask(__name__)

    @app.errorhandler(BadRequest)  # registered by class...
    def bad_request(error):
        return f"{type(error).__name__}, code {error.code}", 400

    @app.errorhandler(413)  # ...or by number
    def too_large(error):
        return f"{type(error).__name__}, code {error.code}", 413

    @app.route("/by-code")
    def by_code():
        abort(400)  # raised by number, handled by class

    @app.route("/by-class")
    def by_class():
        raise RequestEntityTooLarge()  # raised by class, handled by number

    return app
