"""An async view raises into the same handlers as a plain one; a handler may be async too."""

import asyncio

from flask import Flask


class OutOfStock(Exception):
    """Raised by the shop when an item has run out."""


def create_app():
    app = Flask(__name__)

    @app.errorhandler(OutOfStock)
    async def out_of_stock(error):
        return f"Sorry, the {error} is sold out.", 409

    @app.post("/cart/teapot")
    def add_teapot():
        raise OutOfStock("teapot")

    @app.post("/cart/kettle")
    async def add_kettle():
        await asyncio.sleep(0)  # stands for awaited work, such as a call to the stock service
        raise OutOfStock("kettle")

    return app
