"""Every HTTP error as JSON, keeping the status code and headers Werkzeug set."""

import json

from flask import Flask, abort
from werkzeug.exceptions import HTTPException, TooManyRequests


def create_app():
    app = Flask(__name__)

    @app.errorhandler(HTTPException)
    def http_error_as_json(error):
        response = error.get_response()  # keeps the code and headers such as Allow
        response.data = json.dumps({"code": error.code, "name": error.name, "description": error.description})
        response.content_type = "application/json"
        return response

    @app.get("/reports")
    def reports():
        abort(403)

    @app.get("/search")
    def search():
        raise TooManyRequests(retry_after=30)

    return app
