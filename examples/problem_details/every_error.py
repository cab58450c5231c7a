"""Every error of an API in one shape: an RFC 9457 problem document."""

import json

from flask import Flask, abort, request
from werkzeug.exceptions import HTTPException, InternalServerError

USERS = {1: {"id": 1, "name": "Ada"}}


def problem_response(error, members=None):
    """Answer an HTTP error with a problem document, keeping its status and headers."""
    response = error.get_response()  # the status, and headers such as Allow
    problem = {
        "type": "about:blank",  # no meaning beyond the status code
        "title": error.name,
        "status": error.code,
        "detail": error.description,
    }
    if request.url_rule is not None:  # a route matched, so the path is one of ours
        problem["instance"] = request.path
    problem.update(members or {})
    response.data = json.dumps(problem)
    response.content_type = "application/problem+json"
    return response


def register_problem_handlers(app):
    @app.errorhandler(HTTPException)
    def http_problem(error):
        return problem_response(error, getattr(error, "problem", None))

    @app.errorhandler(Exception)
    def unhandled_problem(error):
        # Flask logs only what no handler takes, so this handler logs for itself.
        app.logger.error("Exception on %s [%s]", request.path, request.method, exc_info=error)
        return problem_response(InternalServerError())  # nothing of the error goes out


def create_app():
    app = Flask(__name__)
    register_problem_handlers(app)

    @app.get("/api/users/<int:user_id>")
    def get_user(user_id):
        if user_id not in USERS:
            abort(404, description=f"No user with id {user_id}.")
        return USERS[user_id]

    @app.get("/api/report")
    def report():
        raise RuntimeError("cannot reach db.internal:5432 as user api_admin")

    return app
