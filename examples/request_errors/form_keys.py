"""A missing form field or query parameter, read with [] as if it were a dict."""

from flask import Flask, request

SUBSCRIBERS = []


def create_app():
    app = Flask(__name__)

    @app.post("/signup")
    def signup():
        email = request.form["email"]  # BadRequestKeyError if the form has no email
        SUBSCRIBERS.append(email)
        return "Thanks, we will write to you soon."

    @app.get("/search")
    def search():
        words = request.args["q"]  # the same for the query string
        return f"Results for {len(words.split())} words"

    return app
