"""A JSON 405 handler built from scratch: the Allow header is lost."""

from flask import Flask, jsonify


def create_app():
    app = Flask(__name__)

    @app.errorhandler(405)
    def method_not_allowed(error):
        # slip: a new response, so the Allow header Werkzeug prepared is gone
        return jsonify(code=405, error="method not allowed"), 405

    @app.get("/reports")
    def reports():
        return {"reports": []}

    return app
