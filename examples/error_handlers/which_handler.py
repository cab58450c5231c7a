"""A handler for the code beats a handler for a base class, whatever the order."""

from flask import Flask, abort
from werkzeug.exceptions import HTTPException


def create_app():
    app = Flask(__name__)

    @app.errorhandler(404)
    def page_not_found(error):
        return "404 handler: no such page", 404

    # Registered last, and still not chosen for a 404.
    @app.errorhandler(HTTPException)
    def any_http_error(error):
        return f"HTTPException handler: {error.code} {error.name}", error.code

    @app.route("/admin")
    def admin():
        abort(403)

    return app
