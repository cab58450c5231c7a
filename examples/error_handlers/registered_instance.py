"""A handler is registered for a class, not for an instance of it."""

from flask import Flask
from werkzeug.exceptions import NotFound


def create_app():
    app = Flask(__name__)
    app.register_error_handler(NotFound(), lambda error: ("No such page.", 404))  # slip
    return app  # pragma: no cover - never reached, the line above raises
