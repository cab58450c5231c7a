"""A profile page that ends bad requests with abort()."""

from flask import Flask, abort, request
from markupsafe import escape

USERS = {"ada": "Ada Lovelace", "grace": "Grace Hopper"}


def create_app():
    app = Flask(__name__)

    @app.route("/profile")
    def profile():
        username = request.args.get("username")
        if username is None:
            abort(400)  # the query string has no username at all
        if username not in USERS:
            abort(404)  # a username nobody registered
        return f"<h1>{escape(USERS[username])}</h1>"

    return app
