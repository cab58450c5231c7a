"""A tiny app for the engine's tests."""

from flask import Flask, abort


def create_app():
    app = Flask(__name__)

    @app.route("/gone")
    def gone():
        abort(410)

    return app
