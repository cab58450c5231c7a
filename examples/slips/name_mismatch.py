"""The handler is registered for a class name that was never defined."""

from flask import Flask, jsonify


class InvalidUsage(Exception):
    status_code = 400


def create_app():
    app = Flask(__name__)

    @app.errorhandler(InvalidAPIUsage)  # noqa: F821 - slip: the class is InvalidUsage
    def invalid_usage(error):  # pragma: no cover - never defined, the line above raises
        return jsonify(message=str(error)), error.status_code

    return app  # pragma: no cover - never reached
