"""The fix: start from the exception's own response, which carries Allow."""

import json

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.errorhandler(405)
    def method_not_allowed(error):
        response = error.get_response()  # status 405 and the Allow header
        response.data = json.dumps({"code": 405, "error": "method not allowed"})
        response.content_type = "application/json"
        return response

    @app.get("/reports")
    def reports():
        return {"reports": []}

    return app
