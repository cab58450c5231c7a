"""A correct view, on a server where the database file is missing."""

import os
import sqlite3
from contextlib import closing

from flask import Flask


def create_app(database=None):
    app = Flask(__name__)
    # The instance folder unless told otherwise, never the folder it is run from.
    database = database or os.path.join(app.instance_path, "shop.db")
    os.makedirs(os.path.dirname(database), exist_ok=True)

    @app.get("/orders")
    def list_orders():
        # Nothing wrong here. But on this server the file is missing, so
        # SQLite quietly creates an empty database, and it has no table.
        with closing(sqlite3.connect(database)) as db:
            return {"orders": db.execute("SELECT * FROM orders").fetchall()}

    return app
