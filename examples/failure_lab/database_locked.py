"""Orders in SQLite: while another connection holds the write lock, 503."""

import json
import os
import sqlite3
from contextlib import closing

from flask import Flask, request
from werkzeug.exceptions import HTTPException, ServiceUnavailable


def create_app(database=None):
    app = Flask(__name__)
    # The instance folder unless told otherwise, never the folder it is run from.
    database = database or os.path.join(app.instance_path, "shop.db")
    os.makedirs(os.path.dirname(database), exist_ok=True)
    log = app.logger

    def query(sql, *params):
        try:
            with closing(sqlite3.connect(database, timeout=0.1)) as db, db:
                return db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if str(exc) != "database is locked":
                raise  # "no such table" is an OperationalError too: a bug
            log.warning("Database busy: %s %s", request.method, request.path)
            raise ServiceUnavailable(retry_after=5) from exc

    @app.get("/orders")
    def list_orders():
        rows = query("SELECT id, item FROM orders")
        return [{"id": id_, "item": item} for id_, item in rows]

    @app.post("/orders")
    def add_order():
        sql = "INSERT INTO orders (item) VALUES (?) RETURNING id"
        return {"id": query(sql, request.form["item"])[0][0]}, 201

    @app.get("/refunds")
    def list_refunds():
        # The migration that creates this table never ran on this server.
        return query("SELECT id, amount FROM refunds")

    @app.errorhandler(HTTPException)
    def as_json(error):
        response = error.get_response()  # keeps the status and Retry-After
        body = {"error": error.name, "message": error.description}
        response.data = json.dumps(body)
        response.content_type = "application/json"
        return response

    return app
