"""Custom 404 and 500 pages from templates, registered with the decorator."""

from flask import Flask, render_template

app = Flask(__name__)


@app.errorhandler(404)
def page_not_found(e):
    return render_template("404.html"), 404


@app.errorhandler(500)
def internal_server_error(e):
    return render_template("500.html"), 500


@app.route("/report")
def report():
    raise RuntimeError("cannot reach db.internal:5432 as user shop_admin")
