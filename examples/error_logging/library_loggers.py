"""Attach your handler to the loggers you care about, not to the root."""

import logging
from pathlib import Path

from flask import Flask


def create_app(log_dir=None):
    app = Flask(__name__)
    log_dir = Path(log_dir or app.instance_path)  # the instance folder unless told otherwise
    log_dir.mkdir(parents=True, exist_ok=True)
    # Stand-ins for libraries that log under their own names,
    # as SQLAlchemy logs under "sqlalchemy".
    inventory_log = logging.getLogger("inventory_client")
    cache_log = logging.getLogger("page_cache")

    handler = logging.FileHandler(Path(log_dir) / "app.log", encoding="utf-8")
    handler.setLevel(logging.WARNING)
    handler.setFormatter(
        logging.Formatter("%(levelname)s %(name)s: %(message)s"),
    )
    # Not page_cache, not the root logger.
    for logger in (app.logger, inventory_log):
        logger.addHandler(handler)

    @app.route("/stock/<int:item_id>")
    def stock(item_id):
        inventory_log.warning("Inventory service answered in 4.2 s")
        cache_log.warning("Cache miss for /stock/%d", item_id)
        app.logger.warning("Only 2 left of item %d", item_id)
        return "2 left"

    return app
