"""Two ways to register a handler: the decorator, or a call made later."""

from flask import Flask, abort


def forbidden(error):
    # A plain function, defined apart from the app (for example in errors.py).
    return "You may not see this page.", 403


def create_app():
    app = Flask(__name__)

    @app.errorhandler(404)
    def page_not_found(error):
        return "There is no such page.", 404

    app.register_error_handler(403, forbidden)

    @app.route("/admin")
    def admin():
        abort(403)

    return app
