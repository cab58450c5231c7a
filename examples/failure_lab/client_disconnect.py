"""A client hangs up in the middle of an upload: log it quietly, answer 400."""

import logging

from flask import Flask, request
from werkzeug.exceptions import ClientDisconnected


def create_app():
    app = Flask(__name__)
    app.logger.setLevel(logging.INFO)  # or INFO records are dropped

    @app.put("/uploads/<name>")
    def upload(name):
        data = request.get_data()  # a body cut short raises ClientDisconnected
        return {"name": name, "size": len(data)}, 201

    @app.errorhandler(ClientDisconnected)
    def client_gone(error):
        app.logger.info(
            "Client hung up during %s %s (declared %s bytes)",
            request.method,
            request.path,
            request.content_length,
        )
        return "Incomplete upload\n", 400  # nobody is left to read this

    return app
