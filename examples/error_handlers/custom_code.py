"""The fix for a code Werkzeug lacks: an HTTPException subclass that carries it."""

from flask import Flask
from werkzeug.exceptions import HTTPException


class InsufficientStorage(HTTPException):
    code = 507
    description = "There is no room left to store the upload."


def create_app():
    app = Flask(__name__)

    @app.errorhandler(InsufficientStorage)
    def insufficient_storage(error):
        return {"error": error.name, "description": error.description}, error.code

    @app.post("/upload")
    def upload():
        raise InsufficientStorage()

    return app
