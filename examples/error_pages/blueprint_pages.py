"""Error pages kept in a blueprint, registered for the whole app."""

from flask import Blueprint, Flask, render_template

errors = Blueprint("errors", __name__)


@errors.app_errorhandler(404)
def page_not_found(e):
    return render_template("404.html"), 404


@errors.app_errorhandler(500)
def internal_server_error(e):
    return render_template("500.html"), 500


def create_app():
    app = Flask(__name__)
    app.register_blueprint(errors)

    @app.route("/report")
    def report():
        raise RuntimeError("cannot reach db.internal:5432 as user shop_admin")

    return app
