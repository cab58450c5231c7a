"""abort() with a description, answered as JSON by a 404 handler."""

from flask import Flask, abort, jsonify

USERS = {1: {"id": 1, "name": "Ada"}}


def create_app():
    app = Flask(__name__)

    @app.errorhandler(404)
    def resource_not_found(e):
        return jsonify(error=str(e)), 404

    @app.route("/api/users/<int:user_id>")
    def get_user(user_id):
        if user_id not in USERS:
            abort(404, description=f"No user with id {user_id}")
        return USERS[user_id]

    return app
