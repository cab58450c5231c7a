"""get_json(silent=True) answers for itself; get_json(force=True) ignores the Content-Type."""

from flask import Flask, request


def create_app():
    app = Flask(__name__)

    @app.post("/api/notes")
    def add_note():
        note = request.get_json(silent=True)  # None instead of a 400 or a 415
        if not isinstance(note, dict) or "title" not in note:
            return {"error": "Send a JSON object with a title."}, 400
        return {"title": note["title"]}, 201

    @app.post("/api/import")
    def import_note():
        note = request.get_json(force=True)  # parsed whatever the Content-Type says
        return {"title": note["title"]}, 201

    return app
