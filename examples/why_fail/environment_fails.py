"""A correct view, on a server where the database file is missing."""

import sqlite3
from contextlib import closing

from flask import Flask


def create_app(database="shop.db"):
    app = Flask(__name__)

    @app.get("/orders")
    def list_orders():
        # Nothing wrong here. But on this server the file is missing, so
        # SQLite quietly creates an empty database, and it has no table.
        with closing(sqlite3.connect(database)) as db:
            return {"orders": db.execute("SELECT * FROM orders").fetchall()}

    return app
