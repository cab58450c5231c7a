"""An app with a 500 handler, configured from FLASK_* environment variables."""

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["EXTERNAL_DEBUGGER"] = False
    # FLASK_DEBUG, FLASK_EXTERNAL_DEBUGGER, ... from the environment
    app.config.from_prefixed_env()

    @app.errorhandler(500)
    def server_error(error):
        return "Sorry, something broke on our side.", 500

    @app.route("/report")
    def report():
        totals = {}
        return f"March: {totals['march']}"  # KeyError: nobody handles it

    return app
