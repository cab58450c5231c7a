"""Settings from a file that an environment variable names."""

from flask import Flask


def create_app():
    app = Flask(__name__)
    # The service manager sets SHOP_SETTINGS. Does your shell?
    app.config.from_envvar("SHOP_SETTINGS")

    @app.route("/")
    def index():
        return f"Welcome to {app.config['SHOP_NAME']}"

    return app
