"""One connection per request: teardown_appcontext commits, or rolls back when it is given an exception."""

import os
import sqlite3
from contextlib import closing

from flask import Flask, abort, g, request

PRICES = {"kettle": 30, "teapot": 25}
IN_STOCK = {"kettle"}

SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lines (order_id INTEGER NOT NULL, item TEXT NOT NULL, price INTEGER NOT NULL);
"""


def create_app(database=None):
    app = Flask(__name__)
    # The instance folder unless told otherwise, never the folder it is run from.
    database = database or os.path.join(app.instance_path, "shop.db")
    os.makedirs(os.path.dirname(database), exist_ok=True)
    with closing(sqlite3.connect(database)) as db:
        db.executescript(SCHEMA)

    @app.before_request
    def open_db():
        g.db = sqlite3.connect(database)

    @app.teardown_appcontext
    def close_db(exc):
        db = g.pop("db", None)
        if db is None:  # pragma: no cover - an app context without a request, as in flask shell
            return
        if exc is None:
            db.commit()
        else:
            db.rollback()
            app.logger.warning("Rolled back after %r", exc)
        db.close()

    @app.post("/orders")
    def add_order():
        order = request.get_json()
        db = g.db
        order_id = db.execute("INSERT INTO orders (customer) VALUES (?)", (order["customer"],)).lastrowid
        for item in order["items"]:
            price = PRICES[item]  # a bug: an unknown item raises KeyError
            if item not in IN_STOCK:
                abort(409, f"{item} is sold out")  # handled: teardown is given None
            db.execute("INSERT INTO lines VALUES (?, ?, ?)", (order_id, item, price))
        return {"id": order_id}, 201

    @app.get("/orders")
    def list_orders():
        rows = g.db.execute(
            "SELECT orders.id, customer, count(item) FROM orders"
            " LEFT JOIN lines ON order_id = orders.id GROUP BY orders.id"
        )
        return [{"id": id_, "customer": customer, "lines": lines} for id_, customer, lines in rows]

    return app
