"""An unexpected error in an API view: a generic JSON 500, no internals."""

from flask import Flask, jsonify
from werkzeug.exceptions import InternalServerError


def create_app():
    app = Flask(__name__)

    @app.errorhandler(InternalServerError)
    def internal_error(e):
        # Never put e.original_exception in the body: it is for the logs.
        message = "The request could not be completed."
        return jsonify(error="Internal Server Error", message=message), 500

    @app.route("/api/report")
    def report():
        raise RuntimeError("cannot reach db.internal:5432 as user api_admin")

    return app
