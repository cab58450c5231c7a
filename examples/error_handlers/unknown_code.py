"""Werkzeug has no exception class for 507, so Flask refuses the bare number."""

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.register_error_handler(507, lambda error: ("The disk is full.", 507))  # slip
    return app  # pragma: no cover - never reached, the line above raises
