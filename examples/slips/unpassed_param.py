"""One view on two URL rules: only the rule with <user_id> passes the argument."""

from flask import Flask, abort

USERS = {"1": {"id": 1, "name": "Ada"}}


def create_app():
    app = Flask(__name__)

    @app.route("/api/user")  # slip: this rule has no <user_id> to pass
    @app.route("/api/user/<user_id>")
    def user_api(user_id):
        if user_id not in USERS:
            abort(404)
        return USERS[user_id]

    return app
