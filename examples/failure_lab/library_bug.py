"""A listing that calls a library with a bug: one empty file breaks it all."""

from flask import Flask
from werkzeug.exceptions import InternalServerError

from ._vendor_lib import human_size

FILES = {"report.pdf": 1_572_864, "notes.txt": 2_048, "empty.log": 0}


def create_app():
    app = Flask(__name__)

    @app.get("/files")
    def list_files():
        return [{"name": n, "size": human_size(s)} for n, s in FILES.items()]

    @app.errorhandler(InternalServerError)
    def internal_error(error):
        # Flask has already logged the original exception, with its traceback.
        return {"error": "Something went wrong on our side."}, 500

    return app
