"""Services on 127.0.0.1 that fail for real, for the examples that call another service."""

import contextlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Services:
    def __init__(self, app_kwargs):
        self.app_kwargs = app_kwargs

    def captured(self):
        return {}


class _HangUp(BaseHTTPRequestHandler):
    def do_GET(self):
        pass  # reads the whole request, answers nothing: the connection just closes


@contextlib.contextmanager
def failing_services():
    """A port where nothing listens (refused) and a server that hangs up on every request."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # bound but never listening: connections are refused
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HangUp)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield _Services({"stock_port": closed.getsockname()[1], "price_port": server.server_port})
    finally:
        server.shutdown()
        server.server_close()
        closed.close()
