"""The same pages in an application factory, with register_error_handler()."""

from flask import Flask, render_template


def page_not_found(e):
    return render_template("404.html"), 404


def internal_server_error(e):
    return render_template("500.html"), 500


def create_app():
    app = Flask(__name__)
    app.register_error_handler(404, page_not_found)
    app.register_error_handler(500, internal_server_error)

    @app.route("/report")
    def report():
        raise RuntimeError("cannot reach db.internal:5432 as user shop_admin")

    return app
