"""Two apps in one process, each with a log of its own: the shop and its admin app."""

import logging
from pathlib import Path

from flask import Flask
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from .library_loggers import create_app as create_shop


def create_app(log_dir=None):
    admin = Flask(__name__)
    log_dir = Path(log_dir or admin.instance_path)  # the instance folder unless told otherwise
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(Path(log_dir) / "admin.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    # Its own logger only, from INFO up: the shop's settings stay the shop's.
    admin.logger.addHandler(handler)
    admin.logger.setLevel(logging.INFO)
    inventory_log = logging.getLogger("inventory_client")  # the library again

    @admin.post("/restock/<int:item_id>")
    def restock(item_id):
        inventory_log.warning("Inventory service answered in 3.9 s")
        admin.logger.info("Restock of item %d ordered", item_id)
        return "Ordered"

    # One process serves both apps: the shop under /shop, the admin app elsewhere.
    admin.wsgi_app = DispatcherMiddleware(admin.wsgi_app, {"/shop": create_shop(log_dir)})
    return admin
