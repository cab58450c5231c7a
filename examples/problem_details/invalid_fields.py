"""A JSON body with several invalid fields: one 422 problem that lists them all."""

from flask import Flask, abort, request
from werkzeug.exceptions import UnprocessableEntity

from .every_error import register_problem_handlers


class InvalidFields(UnprocessableEntity):
    description = "Correct the fields listed in errors and send the request again."

    def __init__(self, errors):
        super().__init__()
        self.problem = {  # members that replace or extend the generic ones
            "type": "https://example.com/problems/invalid-fields",
            "title": "The request has invalid fields",
            "errors": errors,
        }


def validate_user(data):
    """Return one error per invalid field; never repeat the value that was sent."""
    errors = []
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        errors.append({"field": "name", "message": "Give a name that is not empty."})
    email = data.get("email")
    if not isinstance(email, str) or "@" not in email:
        errors.append({"field": "email", "message": "Give an email address, such as ada@example.com."})
    age = data.get("age", 0)
    if type(age) is not int or not 0 <= age <= 150:
        errors.append({"field": "age", "message": "Give the age as a whole number from 0 to 150."})
    return errors


def create_app():
    app = Flask(__name__)
    register_problem_handlers(app)

    @app.post("/api/users")
    def create_user():
        data = request.get_json()
        if not isinstance(data, dict):
            abort(400, description="Send the user as a JSON object.")
        errors = validate_user(data)
        if errors:
            raise InvalidFields(errors)
        return {"name": data["name"], "email": data["email"]}, 201

    return app
