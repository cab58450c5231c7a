"""A handler for 404 that forgets to say 404: the client is told 200 OK."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.errorhandler(404)
    def page_not_found(error):
        return "<h1>Nothing here</h1>"  # slip: no status code

    @app.errorhandler(410)
    def gone(error):
        return "<h1>That page was removed</h1>", 410

    @app.route("/old-page")
    def old_page():
        from flask import abort

        abort(410)

    return app
