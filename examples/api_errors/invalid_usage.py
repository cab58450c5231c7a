"""A custom exception for API misuse, turned into JSON by one handler."""

from flask import Flask, jsonify, request

USERS = {"1": {"id": 1, "name": "Ada"}}


class InvalidUsage(Exception):
    status_code = 400

    def __init__(self, message, status_code=None, payload=None):
        super().__init__(message)
        self.message = message
        if status_code is not None:
            self.status_code = status_code
        self.payload = payload

    def to_dict(self):
        body = dict(self.payload or ())
        body["message"] = self.message
        return body


def create_app():
    app = Flask(__name__)

    @app.errorhandler(InvalidUsage)
    def invalid_usage(e):
        return jsonify(e.to_dict()), e.status_code

    @app.route("/api/user")
    def get_user():
        user_id = request.args.get("id")
        if not user_id:
            raise InvalidUsage("id is required")
        if not user_id.isdigit():
            raise InvalidUsage("id must be a number")  # not echoed: it could hold anything
        if user_id not in USERS:
            raise InvalidUsage("No such user", 404, payload={"id": user_id})
        return USERS[user_id]

    return app
