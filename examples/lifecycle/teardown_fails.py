"""A teardown_request function that raises: the exception leaves the app, after the response was made."""

import io
import logging

from flask import Flask, g


def create_app():
    app = Flask(__name__)
    app.logger.setLevel(logging.INFO)  # or INFO records are dropped

    @app.teardown_request
    def close_export(exc):
        g.export.close()  # a slip: only /export opens one, so AttributeError elsewhere

    @app.teardown_appcontext
    def end_appcontext(exc):
        app.logger.info("teardown_appcontext got %r", exc)

    @app.get("/export")
    def export():
        g.export = io.StringIO()
        g.export.write("id,item\n1,kettle\n")
        return g.export.getvalue(), {"Content-Type": "text/csv"}

    @app.get("/status")
    def status():
        return {"status": "ok"}

    return app
