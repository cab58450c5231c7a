"""abort() with a ready response: sent as it is, without any error handler."""

from flask import Flask, abort, make_response
from werkzeug.exceptions import HTTPException


def create_app():
    app = Flask(__name__)

    @app.errorhandler(HTTPException)
    def as_json(error):
        return {"error": error.name}, error.code

    @app.get("/pay")
    def pay():
        abort(make_response({"error": "card declined", "retry": False}, 402))

    @app.get("/admin")
    def admin():
        abort(403)

    @app.get("/refund")
    def refund():
        abort(402)  # Werkzeug has no class for 402: LookupError

    return app
