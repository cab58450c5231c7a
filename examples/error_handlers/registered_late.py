"""Registering a handler once the app has handled a request: Flask refuses."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.get("/reports")
    def reports():
        # slip: setup inside a view, after the first request has begun
        app.register_error_handler(KeyError, lambda error: ("No such report.", 404))
        return "Reports"  # pragma: no cover - never reached, the line above raises

    return app
