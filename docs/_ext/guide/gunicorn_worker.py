"""gunicorn serving one example, built in its harness: ``python -m guide.gunicorn_worker NAME PORT``.

A custom gunicorn application (``gunicorn.app.base.BaseApplication``, the
documented way to embed it) with one synchronous worker. The worker builds the
app inside ``runner.prepared``, so its harness, logging and stderr are those of
every other run. With ``--reports FD``, the worker writes one JSON line to it
once the app is built (or failed to build), then one after each request: the
log records, stderr and captures of that request (``servers.worker_report``).
With ``--unobserved`` (``nox -s serve``), the app's stderr stays the terminal's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from gunicorn.app.base import BaseApplication

from .expectations import load_example
from .runner import ExampleError, prepared
from .servers import HOST, worker_report


class ExampleApplication(BaseApplication):
    def __init__(self, name: str, port: int, reports, observed: bool) -> None:
        self.example = load_example(name, Path.cwd(), server="gunicorn")
        self.observed = observed
        self.port = port
        self.reports = reports
        self.stack = contextlib.ExitStack()
        self.ready = None
        super().__init__()

    def load_config(self) -> None:
        settings = {
            "bind": f"{HOST}:{self.port}",
            "workers": 1,
            "worker_class": "sync",
            "loglevel": "warning",
            "post_request": self.after_request,
            "worker_exit": lambda arbiter, worker: self.stack.close(),
        }
        for key, value in settings.items():
            self.cfg.set(key, value)

    def load(self):
        """In the worker: enter the harness and build the app, then say so."""
        try:
            ready = self.stack.enter_context(prepared(self.example, self.observed))
        except ExampleError as err:
            self.report({"error": str(err)})
            raise SystemExit(3) from None
        if isinstance(ready, str):
            self.report({"setup_error": ready})
            raise SystemExit(3)
        if "GUIDE_SECRET_KEY" in os.environ:
            ready.app.config["SECRET_KEY"] = os.environ["GUIDE_SECRET_KEY"]
        self.ready = ready
        ready.begin()
        self.report({"ready": True, "debug": ready.app.debug})
        return ready.app

    def after_request(self, worker, request, environ, response) -> None:
        self.report(worker_report(self.ready, f"{request.method} {request.uri}"))

    def report(self, message: dict) -> None:
        if self.reports is not None:
            self.reports.write(json.dumps(message) + "\n")
            self.reports.flush()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m guide.gunicorn_worker")
    parser.add_argument("example")
    parser.add_argument("port", type=int)
    parser.add_argument("--reports", type=int, help="a file descriptor for the worker's reports")
    parser.add_argument("--unobserved", action="store_true", help="leave stderr to the terminal")
    args = parser.parse_args(argv)
    reports = None if args.reports is None else os.fdopen(args.reports, "w", encoding="utf-8")
    ExampleApplication(args.example, args.port, reports, observed=not args.unobserved).run()


if __name__ == "__main__":
    main(sys.argv[1:])
