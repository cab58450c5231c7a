"""An upload view with no special handling for a client that hangs up."""

from flask import Flask, request


def create_app():
    app = Flask(__name__)

    @app.put("/uploads/<name>")
    def upload(name):
        data = request.get_data()  # a body cut short raises ClientDisconnected
        return {"name": name, "size": len(data)}, 201

    return app
