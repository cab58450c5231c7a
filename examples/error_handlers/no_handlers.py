"""No error handlers at all: what Flask answers by itself."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.get("/report")
    def report():
        return str(1 / 0)  # a bug: ZeroDivisionError

    return app
