"""An after_request function that fails, first on a 401 and then again on the 500 that replaces it."""

from flask import Flask, abort, g, request

API_KEYS = {"k-alice": "alice"}
QUOTA = {"alice": 99}


def create_app():
    app = Flask(__name__)

    @app.before_request
    def load_client():
        key = request.headers.get("X-Api-Key")
        if key not in API_KEYS:
            abort(401)
        g.client = API_KEYS[key]

    @app.after_request
    def add_quota(response):
        # A slip: g.client is set only when load_client() let the request through.
        response.headers["X-Quota-Remaining"] = str(QUOTA[g.client])
        return response

    @app.errorhandler(401)
    def unauthorized(error):
        return {"error": "an API key is required"}, 401

    @app.get("/orders")
    def orders():
        return {"client": g.client, "orders": []}

    return app
