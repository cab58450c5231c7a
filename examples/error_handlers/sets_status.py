"""The fix: a 404 handler that returns its status code with the body."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.errorhandler(404)
    def page_not_found(error):
        return "<h1>Nothing here</h1>", 404

    return app
