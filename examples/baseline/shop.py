"""A production-ready baseline: logging, Sentry, error pages and problem details."""

import json
import logging

import sentry_sdk
from flask import Flask, abort, render_template, request
from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber
from werkzeug.exceptions import HTTPException, InternalServerError, UnprocessableEntity

from examples.reporting.sentry_events import KeepInMemory

ORDERS = {1: {"items": 3, "total": 3750}, 2: {"items": 0, "total": 0}}
PRICE = 1250  # cents


class OneLineFormatter(logging.Formatter):
    """Every record on one line: a traceback's line breaks are written as \\n."""

    def format(self, record):
        return super().format(record).replace("\n", "\\n")


def configure_logging():
    handler = logging.StreamHandler()  # sys.stderr, which servers and platforms collect
    line = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(OneLineFormatter(line))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


# Names whose values never reach Sentry: in bodies, cookies and local variables.
DENYLIST = [*DEFAULT_DENYLIST, "card"]
# The request headers an event may keep; any other is left out, whatever its name.
KEPT_HEADERS = {"Accept", "Content-Length", "Content-Type", "Host", "User-Agent"}


def before_send(event, hint):
    headers = event.get("request", {}).get("headers", {})
    for name in set(headers) - KEPT_HEADERS:
        del headers[name]
    return event


def start_sentry(dsn="http://public@127.0.0.1/1"):
    sentry_sdk.init(
        dsn=dsn,  # in production leave it out: the SDK reads SENTRY_DSN
        release="shop@2.4.0",  # set by your deploy: the version it ships
        environment="production",  # set by your deploy: "staging" on staging
        before_send=before_send,
        event_scrubber=EventScrubber(denylist=DENYLIST),
        transport=KeepInMemory,  # a real app leaves this out
    )


# The entry point: the WSGI server imports this module once per process.
configure_logging()
start_sentry()


class InvalidFields(UnprocessableEntity):
    description = "Correct the fields listed in errors and send the request again."

    def __init__(self, errors):
        super().__init__()
        self.problem = {  # members that a problem document adds or replaces
            "type": "https://shop.example/problems/invalid-fields",
            "errors": errors,
        }


def error_response(error, reference=None):
    response = error.get_response()  # the status, and headers such as Allow
    if request.path.startswith("/api/"):
        problem = {
            "type": "about:blank",
            "title": error.name,
            "status": error.code,
            "detail": error.description,
        }
        problem.update(getattr(error, "problem", {}))
        if reference is not None:
            problem["reference"] = reference
        response.data = json.dumps(problem)
        response.content_type = "application/problem+json"
    else:
        response.data = render_template("error.html", error=error, reference=reference)
    return response


def register_error_handlers(app):
    @app.errorhandler(HTTPException)
    def http_error(error):
        return error_response(error)

    @app.errorhandler(InternalServerError)
    def server_error(error):
        # Flask has logged the exception and Sentry has its event: log nothing here.
        return error_response(error, reference=sentry_sdk.last_event_id())


def charge(card, amount):
    """Stands in for the payment service's client, on a day the service is down."""
    raise RuntimeError(f"payments.internal:8443 refused to charge {amount} cents")


def create_app():
    app = Flask(__name__)
    register_error_handlers(app)

    @app.get("/orders/<int:order_id>")
    def order(order_id):
        if order_id not in ORDERS:
            abort(404, description=f"There is no order {order_id}.")
        found = ORDERS[order_id]
        average = found["total"] / found["items"]  # a bug: ZeroDivisionError if empty
        app.logger.info("Showed order %s", order_id)
        return render_template("order.html", order_id=order_id, average=average, **found)

    @app.post("/api/orders")
    def place_order():
        order = request.get_json()  # a 400 or 415 problem if the body is not JSON
        quantity = order.get("quantity") if isinstance(order, dict) else None
        if type(quantity) is not int or quantity < 1:
            error = {"field": "quantity", "message": "Give a whole number from 1 up."}
            raise InvalidFields([error])
        return charge(order.get("card"), quantity * PRICE), 201

    return app
