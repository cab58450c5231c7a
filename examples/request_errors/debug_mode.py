"""The form and JSON views of this chapter, started with FLASK_DEBUG=1."""

from flask import Flask, request

SUBSCRIBERS = []


def create_app():
    app = Flask(__name__)  # FLASK_DEBUG=1 in the environment turns debug mode on

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
