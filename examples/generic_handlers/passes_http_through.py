"""The fix: an Exception handler that hands HTTP errors back unchanged."""

from flask import Flask
from werkzeug.exceptions import HTTPException


def create_app():
    app = Flask(__name__)

    @app.errorhandler(Exception)
    def anything(error):
        if isinstance(error, HTTPException):
            return error  # already a valid response: its own code, headers and page
        return "Something went wrong on our side.", 500

    @app.get("/report")
    def report():
        return str(1 / 0)

    return app
