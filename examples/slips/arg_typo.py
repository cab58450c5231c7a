"""The copied profile view reads request.arg; the fixed one reads request.args."""

from flask import Flask, abort, request
from markupsafe import escape

USERS = {"ada": "Ada Lovelace"}


def show_profile(username):
    if username is None:
        abort(400)  # meant for a request without ?username=
    if username not in USERS:
        abort(404)
    return f"<h1>{escape(USERS[username])}</h1>"


def create_app():
    app = Flask(__name__)

    @app.route("/copied/profile")
    def copied_profile():
        return show_profile(request.arg.get("username"))  # slip: the attribute is args

    @app.route("/fixed/profile")
    def fixed_profile():
        return show_profile(request.args.get("username"))

    return app
