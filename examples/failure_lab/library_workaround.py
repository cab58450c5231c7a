"""The same listing, working around the library's bug until a fix is out."""

from flask import Flask

from ._vendor_lib import human_size
from .library_bug import FILES


def size_label(num_bytes):
    # sizefmt 1.4.0 fails on 0 bytes (reported upstream): drop this once fixed.
    if num_bytes == 0:
        return "0 B"
    return human_size(num_bytes)


def create_app():
    app = Flask(__name__)

    @app.get("/files")
    def list_files():
        return [{"name": n, "size": size_label(s)} for n, s in FILES.items()]

    return app
