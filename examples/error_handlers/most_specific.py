"""The handler for the nearest class wins: ConnectionRefusedError before ConnectionError."""

from http.client import HTTPConnection

from flask import Flask


def call_service(port, path):
    # The app's own code talks to another service; Flask never raises these errors.
    connection = HTTPConnection("127.0.0.1", port, timeout=2)
    connection.request("GET", path)
    return connection.getresponse().read()


def create_app(stock_port=5001, price_port=5002):
    app = Flask(__name__)

    # Registered first, for every ConnectionError, refused connections included...
    @app.errorhandler(ConnectionError)
    def service_failed(error):
        app.logger.warning("a service failed: %s", type(error).__name__)
        return "A service this page needs failed. Try again in a minute.", 502

    # ...and yet this one, registered after it, is the one a refused connection gets.
    @app.errorhandler(ConnectionRefusedError)
    def service_down(error):
        app.logger.warning("a service refused the connection")
        return "A service this page needs is down. Try again in a minute.", 503

    @app.route("/stock/<int:item>")
    def stock(item):
        return call_service(stock_port, f"/items/{item}")

    @app.route("/price/<int:item>")
    def price(item):
        return call_service(price_port, f"/prices/{item}")

    return app
