"""A JSON API that reads its body with get_json() and with request.json."""

from flask import Flask, request


def create_app():
    app = Flask(__name__)

    @app.post("/api/notes")
    def add_note():
        note = request.get_json()  # 400 if the body is not JSON, 415 if it is not sent as JSON
        return {"title": note["title"]}, 201

    @app.post("/api/tags")
    def add_tag():
        tag = request.json  # the same call as get_json(), with its defaults
        return {"tag": tag["name"]}, 201

    return app
