"""MAX_CONTENT_LENGTH: the 413 comes when the view reads the body, not before the view runs."""

import logging

from flask import Flask, request

NOTES = []


def create_app():
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 64  # bytes, to keep the example short; 16 MB is more usual
    app.logger.setLevel(logging.INFO)  # or INFO records are dropped

    @app.post("/notes")
    def add_note():
        app.logger.info("add_note() started")
        text = request.form["text"]  # reading the form raises RequestEntityTooLarge
        NOTES.append(text)
        return "Saved", 201

    @app.post("/ping")
    def ping():
        return "pong"  # never reads the body

    return app
