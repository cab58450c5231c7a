"""TRAP_BAD_REQUEST_ERRORS = True: every BadRequest is handled like an ordinary exception."""

from flask import Flask, request

SUBSCRIBERS = []


def create_app():
    app = Flask(__name__)
    app.config["TRAP_BAD_REQUEST_ERRORS"] = True

    @app.post("/signup")
    def signup():
        email = request.form["email"]
        SUBSCRIBERS.append(email)
        return "Thanks, we will write to you soon."

    @app.post("/api/notes")
    def add_note():
        note = request.get_json()
        return {"title": note["title"]}, 201

    return app
