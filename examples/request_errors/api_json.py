"""One handler answers every bad request as JSON, with a message that is safe to send."""

from flask import Flask, abort, jsonify, request
from werkzeug.exceptions import BadRequest, BadRequestKeyError, RequestEntityTooLarge, UnsupportedMediaType

NOTES = []
SUBSCRIBERS = []


def create_app():
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 64  # bytes, to keep the example short

    def bad_request(e):
        message = e.description  # Flask's or Werkzeug's text, or the one given to abort()
        if isinstance(e, BadRequestKeyError):
            message = f"Missing field: {e.args[0]}"  # the key the view asked for, not Python's text
        return jsonify(error=e.name, message=message), e.code

    # 413 and 415 are not subclasses of BadRequest: register them too.
    for error in (BadRequest, UnsupportedMediaType, RequestEntityTooLarge):
        app.register_error_handler(error, bad_request)

    @app.post("/api/notes")
    def add_note():
        note = request.get_json()
        if not isinstance(note, dict) or not isinstance(note.get("title"), str):
            abort(400, description="A note needs a title.")
        NOTES.append(note["title"])
        return {"saved": len(NOTES)}, 201

    @app.post("/signup")
    def signup():
        email = request.form["email"]
        SUBSCRIBERS.append(email)
        return {"subscribers": len(SUBSCRIBERS)}, 201

    return app
