"""TRAP_HTTP_EXCEPTIONS = True: an HTTP error reaches only a handler of its own."""

from flask import Flask, abort


def create_app():
    app = Flask(__name__)
    app.config["TRAP_HTTP_EXCEPTIONS"] = True

    @app.errorhandler(404)
    def not_found(e):
        return "No such page", 404

    @app.post("/orders")
    def add_order():
        return "Ordered", 201

    @app.get("/admin")
    def admin():
        abort(403)

    return app
