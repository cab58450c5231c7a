"""Start one example as a reader would, with its services: ``python -m guide.serve NAME``.

``nox -s serve -- failure_lab.database_locked`` runs this. The example is
built inside its harness (the SMTP server, the locked database, the
temporary folder or the failing backend its checks use), then served on
127.0.0.1 by Werkzeug's development server, or by gunicorn with
``--server gunicorn``. It prints the URL and a curl command for each
documented exchange, then, after every request, what the app wrote to the
terminal and what the harness captured (mail, Sentry events, files).
Ctrl-C stops the server and the services.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import sys
from pathlib import Path

from werkzeug.wsgi import ClosingIterator

from .curl import curl_command
from .expectations import SERVERS, ExpectationError, load_example
from .runner import ExampleError, prepared
from .servers import HOST, development_server, gunicorn_process, next_report, worker_report

ROOT = Path.cwd()


def _print(text: str = "") -> None:
    # stderr belongs to the example while it runs (its handlers write there): speak on stdout.
    print(text, file=sys.__stdout__, flush=True)


def _harness_summary(example) -> str:
    if example.harness is None:
        return f"none (flask --app {example.module} run starts it the same way)"
    chapter = example.name.split(".")[0]
    module = sys.modules.get(f"examples.{chapter}._harness")
    factory = getattr(module, example.harness, None)
    doc = inspect.getdoc(factory) if factory is not None else None
    return (doc or example.harness).split("\n\n")[0].replace("\n", " ").replace("``", "")


def _introduce(example, port: int, server: str) -> None:
    base = f"http://{HOST}:{port}"
    names = {"werkzeug": "Werkzeug's development server", "gunicorn": "gunicorn"}
    _print(f"{example.name}: {example.source.relative_to(ROOT)}, served by {names[server]} at {base}/")
    _print(f"Services: {_harness_summary(example)}")
    _print()
    for exchange in example.exchanges:
        _print(f"# {exchange.name}: {exchange.label}")
        _print(curl_command(exchange, base))
        _print()
    _print("What each request makes the harness capture (mail, events, files) appears below. Ctrl-C stops.")


def _indented(text: str) -> str:
    return "  " + text.rstrip("\n").replace("\n", "\n  ")


def _show(report: dict) -> None:
    """What the harness captured during one request (the app's own output is on the terminal)."""
    for channel, items in report["captured"].items():
        for item in items:
            _print(f"--- {report['request']}: {channel}")
            _print(_indented(str(item)))


def _request_line(environ: dict) -> str:
    query = environ.get("QUERY_STRING")
    return f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '/')}" + (f"?{query}" if query else "")


def _serve_here(example, port: int) -> None:
    """Werkzeug's development server in this process; after each request, what it left."""
    with prepared(example, observed=False) as ready:
        if isinstance(ready, str):
            raise ExampleError(f"building the app of {example.name!r} raised {ready}")
        app = ready.app

        def after(environ: dict) -> None:
            _show(worker_report(ready, _request_line(environ)))

        wrapped = app.wsgi_app

        def reporting_app(environ, start_response):
            return ClosingIterator(wrapped(environ, start_response), [lambda: after(environ)])

        app.wsgi_app = reporting_app
        ready.begin()
        with development_server(app, port, threaded=True) as server:
            _introduce(example, server.server_port, "werkzeug")
            server.serve_forever()  # Werkzeug's server returns on Ctrl-C


def _serve_on_gunicorn(example, port: int) -> None:
    """gunicorn in a process of its own, printing its own output; its worker reports each request."""
    with gunicorn_process(example, port, report=True, observed=False) as (process, reports, output):
        first = next_report(reports, process, output, example)
        if "ready" not in first:
            raise ExampleError(first.get("error") or f"building the app raised {first['setup_error']}")
        _introduce(example, port, "gunicorn")
        for line in reports:  # one line per request, until gunicorn stops
            _show(json.loads(line))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nox -s serve --", description=__doc__.split("\n")[0])
    parser.add_argument("example", help="chapter.module, as in examples/<chapter>/<module>.py")
    parser.add_argument("--server", choices=SERVERS, default="werkzeug")
    parser.add_argument("--port", type=int, default=5000, help="default: 5000, as flask run")
    args = parser.parse_args(argv)
    try:
        example = load_example(args.example, ROOT, args.server)
        if args.server == "gunicorn":
            _serve_on_gunicorn(example, args.port)
        else:
            _serve_here(example, args.port)
    except (ExpectationError, ExampleError) as err:
        _print(f"error: {err}")
        return 1
    except OSError as err:
        _print(f"error: cannot listen on {HOST}:{args.port}: {err.strerror}; choose another with --port")
        return 1
    except KeyboardInterrupt:
        pass  # Ctrl-C: leaving the with-blocks has stopped the server and the services
    _print("\nStopped: the server and its services are shut down.")
    return 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
