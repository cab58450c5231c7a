"""A code read as text, "404", is neither an int nor a class."""

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.register_error_handler("404", lambda error: ("No such page.", 404))  # slip
    return app  # pragma: no cover - never reached, the line above raises
