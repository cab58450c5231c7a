"""A handler for the code beats a handler for a base class, whatever the order."""

from flask import Flask, abort
from werkzeug.exceptions import HTTPException


def create_app():
    app = Flask(__name__)

    # Registered first, for every HTTP error, 404 included...
    @app.errorhandler(HTTPException)
    def any_http_error(error):
        return f"HTTPException handler: {error.code} {error.name}", error.code

    # ...and yet this one, registered after it, is the one a 404 gets.
    @app.errorhandler(404)
    def page_not_found(error):
        return "404 handler: no such page", 404

    @app.route("/admin")
    def admin():
        abort(403)

    return app
