"""A before_request function that fails: the view never runs, after_request still does."""

import logging

from flask import Flask, abort, g, request

API_KEYS = {"k-alice": "alice"}


def create_app():
    app = Flask(__name__)
    app.logger.setLevel(logging.INFO)

    @app.before_request
    def load_client():
        key = request.headers.get("X-Api-Key")
        if key is None:
            abort(401)  # reaches the 401 handler
        g.client = API_KEYS[key]  # a bug: an unknown key raises KeyError, not a 401

    @app.after_request
    def no_store(response):
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(401)
    def unauthorized(error):
        return {"error": "an API key is required"}, 401

    @app.get("/orders")
    def orders():
        app.logger.info("The view ran for %s", g.client)
        return {"client": g.client, "orders": []}

    return app
