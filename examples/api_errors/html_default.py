"""An API without error handlers: its errors come back as HTML."""

from flask import Flask, abort

USERS = {1: {"id": 1, "name": "Ada"}}


def create_app():
    app = Flask(__name__)

    @app.route("/api/users/<int:user_id>")
    def get_user(user_id):
        if user_id not in USERS:
            abort(404)
        return USERS[user_id]

    return app
