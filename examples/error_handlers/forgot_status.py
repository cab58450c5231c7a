"""A 404 handler that forgets to say 404: the client is told 200 OK."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.errorhandler(404)
    def page_not_found(error):
        return "<h1>Nothing here</h1>"  # slip: no status code

    return app
