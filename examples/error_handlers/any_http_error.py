"""Any HTTP error Werkzeug defines can be raised, with or without abort()."""

from flask import Flask, abort
from werkzeug.exceptions import TooManyRequests


def create_app():
    app = Flask(__name__)

    @app.get("/coffee")
    def coffee():
        abort(418)

    @app.get("/search")
    def search():
        raise TooManyRequests(retry_after=30)

    return app
