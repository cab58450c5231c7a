"""With handlers for both HTTPException and Exception, HTTP errors take the first."""

from flask import Flask
from werkzeug.exceptions import HTTPException


def create_app():
    app = Flask(__name__)

    @app.errorhandler(HTTPException)
    def http_error(error):
        response = error.get_response()  # keeps the code and headers such as Allow
        response.data = f"HTTP error {error.code}: {error.name}"
        response.content_type = "text/plain"
        return response

    @app.errorhandler(Exception)
    def anything_else(error):
        return "Something went wrong on our side.", 500

    @app.get("/report")
    def report():
        return str(1 / 0)

    return app
