"""An Exception handler catches HTTP errors too: an unknown URL becomes a 500."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.errorhandler(Exception)
    def anything(error):
        # slip: NotFound is an Exception as well, so it lands here
        return "Something went wrong on our side.", 500

    @app.get("/report")
    def report():
        return str(1 / 0)

    return app
