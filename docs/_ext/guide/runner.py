"""The one runner: builds an example's app and plays its exchanges through Flask's test client.

It imports no Sphinx. The pytest suite and the documentation build both call
``run_example`` and compare what it returns with the example's expectations.
The runner never turns on TESTING or debug: propagation would change what the
reader is shown.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import logging
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

from .expectations import Example, Exchange, relative
from .transcript import (
    ExampleRun,
    LoggedRecord,
    Transcript,
    collapse_tracebacks,
    normalise,
    normalise_header,
)


class ExampleError(Exception):
    """The example could not be run at all; the message starts with file:line."""


class _RecordCollector(logging.Handler):
    def __init__(self, root: Path) -> None:
        super().__init__(logging.DEBUG)
        self.root = root
        self.records: list[LoggedRecord] = []
        self.normalised = False  # whether a message of the current exchange was normalised

    def emit(self, record: logging.LogRecord) -> None:
        exception = None
        if record.exc_info and record.exc_info[1] is not None:
            exception = _one_line(record.exc_info[1], self.root)
        message = normalise(collapse_tracebacks(record.getMessage()), self.root)
        # A record's traceback is shown as its last line: its frames hold this machine's paths.
        self.normalised = self.normalised or message != record.getMessage() or exception is not None
        self.records.append(LoggedRecord(record.name, record.levelname, message, exception))


def _one_line(exc: BaseException, root: Path | None = None) -> str:
    return normalise(traceback.format_exception_only(type(exc), exc)[-1].strip(), root)


@contextlib.contextmanager
def isolated_logging():
    """Give the example a logging system as a fresh process would have it, then put ours back.

    Loggers the example creates are dropped afterwards, so one example's
    handlers never leak into the next (each app also has its own import name).
    """
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    saved_loggers = set(logging.Logger.manager.loggerDict)
    root.handlers[:] = []
    root.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for name in set(logging.Logger.manager.loggerDict) - saved_loggers:
            logger = logging.Logger.manager.loggerDict.pop(name)
            for handler in getattr(logger, "handlers", []):
                handler.close()
        logging.Logger.manager._clear_cache()
        for handler in root.handlers:
            if handler not in saved_handlers:
                handler.close()
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)


def _where(exc: BaseException, example: Example) -> str:
    """file:line of the innermost frame inside examples/, where a contributor should look."""
    examples = example.root / "examples"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).is_relative_to(examples)]
    if isinstance(exc, SyntaxError) and exc.filename:
        return f"{relative(Path(exc.filename), example.root)}:{exc.lineno}"
    if frames:
        return f"{relative(Path(frames[-1].filename), example.root)}:{frames[-1].lineno}"
    return f"{relative(example.source, example.root)}:1"


def use_examples_of(root: Path) -> None:
    """Make ``import examples`` find ``root``'s package, even after another project's was imported.

    The engine's tests run small projects of their own in the same process as
    the project's examples: each project's ``examples`` package must shadow
    the others while its examples run.
    """
    package = sys.modules.get("examples")
    if package is not None and Path(package.__file__).parent != root / "examples":
        for name in [name for name in sys.modules if name == "examples" or name.startswith("examples.")]:
            del sys.modules[name]
    if not sys.path or sys.path[0] != str(root):
        with contextlib.suppress(ValueError):
            sys.path.remove(str(root))
        sys.path.insert(0, str(root))


def _import_fresh(example: Example):
    use_examples_of(example.root)
    sys.modules.pop(example.module, None)
    try:
        return importlib.import_module(example.module)
    except Exception as exc:
        why = _one_line(exc, example.root)
        raise ExampleError(
            f"{_where(exc, example)}: example {example.name!r} failed to import: {why}"
        ) from exc


def _harness(example: Example):
    """Enter the example's harness: a context manager in ``examples/<chapter>/_harness.py``.

    It may yield an object with ``app_kwargs`` (passed to ``create_app``) and
    ``captured()`` (a dict of lists, such as mails received or events kept),
    whose new items are shown under each exchange.
    """
    if example.harness is None:
        return contextlib.nullcontext({})
    chapter = example.name.split(".")[0]
    module_name = f"examples.{chapter}._harness"
    spec = relative(example.spec, example.root)
    use_examples_of(example.root)
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise ExampleError(f"{spec}:1: harness module {module_name} not found") from exc
    factory = getattr(module, example.harness, None)
    if factory is None:
        raise ExampleError(f"{spec}:1: harness {example.harness!r} is not defined in {module_name}")
    return factory()


def _build_app(example: Example, module, app_kwargs: dict):
    factory = getattr(module, "create_app", None)
    if factory is None:
        app = getattr(module, "app", None)
        if app is None:
            where = relative(example.source, example.root)
            raise ExampleError(f"{where}:1: example {example.name!r} exposes neither create_app() nor app")
        return app
    return factory(**app_kwargs)


def request_shown(exchange: Exchange) -> tuple[dict[str, str], str]:
    """The headers and body the request carries, as the reader is shown them."""
    headers = dict(exchange.send_headers)
    if exchange.send_json is not None:
        headers["Content-Type"] = "application/json"
        return headers, json.dumps(exchange.send_json)
    if exchange.send_form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return headers, urlencode(exchange.send_form)
    return headers, exchange.send_body or ""


def _request_kwargs(exchange: Exchange) -> dict:
    """Arguments for the test client."""
    kwargs: dict = {"method": exchange.method, "headers": dict(exchange.send_headers)}
    if exchange.send_json is not None:
        kwargs["json"] = exchange.send_json
    elif exchange.send_form is not None:
        kwargs["data"] = exchange.send_form
    elif exchange.send_body is not None:
        kwargs["data"] = exchange.send_body
    return kwargs


def new_transcript(exchange: Exchange) -> Transcript:
    """A transcript holding the request as the reader is shown it, before anything came back."""
    shown_headers, shown_body = request_shown(exchange)
    return Transcript(
        request_line=f"{exchange.method} {exchange.path}",
        request_headers=shown_headers,
        request_body=shown_body,
    )


def record_response(transcript: Transcript, response, root: Path) -> None:
    """Status, headers and body of a Werkzeug response, normalised, into the transcript."""
    transcript.status = response.status_code
    transcript.status_line = response.status
    transcript.headers = sorted(
        (name, normalise_header(name, value, root)) for name, value in response.headers.items()
    )
    # Allow's order changes from process to process: it is always shown sorted, so always said.
    transcript.normalised += sorted(
        name
        for name, value in response.headers.items()
        if normalise_header(name, value, root) != value or (name.lower() == "allow" and "," in value)
    )
    sent = response.get_data(as_text=True)
    transcript.body = normalise(sent, root)
    if transcript.body != sent:
        transcript.normalised.append("body")
        if response.content_length is not None:
            # The length of the body as shown: the one sent depends on paths and times.
            length = str(len(transcript.body.encode()))
            transcript.headers = [
                (name, length if name.lower() == "content-length" else value)
                for name, value in transcript.headers
            ]
            transcript.normalised.append("Content-Length")
    transcript.is_json = response.is_json
    # The JSON as shown: normalised as the body is (a time or path inside a string, say).
    transcript.json = _normalised(response.get_json(silent=True), root) if response.is_json else None


def run_exchange(client, exchange: Exchange, root: Path) -> Transcript:
    """Send one request through the test client; the response and what reached wsgi.errors."""
    kwargs = _request_kwargs(exchange)
    transcript = new_transcript(exchange)
    errors = io.StringIO()  # the WSGI error stream, where Flask's default log handler writes
    try:
        response = client.open(exchange.path, errors_stream=errors, **kwargs)
    except Exception as exc:
        transcript.raised = _one_line(exc, root)
    else:
        record_response(transcript, response, root)
        response.close()
    written = errors.getvalue()
    transcript.wsgi_errors = normalise(collapse_tracebacks(written), root)
    if transcript.wsgi_errors != written:
        transcript.normalised.append("wsgi.errors")
    return transcript


class _StderrTap(io.StringIO):
    """Stands in for sys.stderr while an example runs; each exchange takes what was written."""

    def take(self, root: Path) -> tuple[str, bool]:
        """What was written since the last call, normalised, and whether normalising changed it."""
        text = self.getvalue()
        self.seek(0)
        self.truncate()
        shown = normalise(collapse_tracebacks(text), root)
        return shown, shown != text


def _normalised(value, root: Path):
    """Captured items (strings, lists, dicts) with volatile details normalised like the rest."""
    if isinstance(value, str):
        return normalise(value, root)
    if isinstance(value, list):
        return [_normalised(v, root) for v in value]
    if isinstance(value, dict):
        return {k: _normalised(v, root) for k, v in value.items()}
    return value


class Prepared:
    """An example's app, built inside its harness, and what each exchange leaves behind."""

    def __init__(
        self, example: Example, app, harness, collector: _RecordCollector | None, stderr: _StderrTap | None
    ):
        self.example = example
        self.app = app
        self.harness = harness
        self.collector = collector
        self.stderr = stderr
        self._seen: dict[str, int] = {}

    def begin(self) -> None:
        """Forget what came before the exchange: setting up, or the exchange before."""
        if self.collector is not None:
            self.stderr.take(self.example.root)
            self.collector.records, self.collector.normalised = [], False

    def finish(self, transcript: Transcript, server_loggers: tuple[str, ...] = ()) -> None:
        """Add the exchange's log records, stderr and harness captures to its transcript.

        Records of ``server_loggers`` below WARNING are the server's access log, not the app's.
        """
        root = self.example.root
        if self.collector is not None:
            transcript.logs = [
                record
                for record in self.collector.records
                if record.logger not in server_loggers or record.level not in {"DEBUG", "INFO"}
            ]
            if self.collector.normalised:
                transcript.normalised.append("logs")
            transcript.stderr, changed = self.stderr.take(root)
            if changed:
                transcript.normalised.append("stderr")
        if self.harness:
            for key, items in self.harness.captured().items():
                transcript.captured[key] = _normalised(items[self._seen.get(key, 0) :], root)
                self._seen[key] = len(items)


@contextlib.contextmanager
def prepared(example: Example, observed: bool = True) -> Iterator[Prepared | str]:
    """Enter the harness and build the app, logging and stderr as a fresh process has them.

    Yields a ``Prepared``, or the one-line error of an app whose ``[setup]``
    expects building it to fail; raises ExampleError if it cannot run at all.
    Without ``observed`` (a reader's terminal), stderr stays the terminal and
    no log records are collected: only the harness's captures are reported.
    """
    collector = _RecordCollector(example.root) if observed else None
    stderr = _StderrTap() if observed else None
    # stderr is swapped before the example imports, so a handler it binds to sys.stderr
    # writes here: into the transcript, not into the test or build output.
    tapped = contextlib.redirect_stderr(stderr) if observed else contextlib.nullcontext()
    with tapped, isolated_logging(), _harness(example) as harness:
        module = _import_fresh(example)
        app_kwargs = getattr(harness, "app_kwargs", {})
        try:
            app = _build_app(example, module, app_kwargs)
        except ExampleError:
            raise
        except Exception as exc:
            if example.setup is None:
                where = _where(exc, example)
                raise ExampleError(
                    f"{where}: building the app of {example.name!r} raised {_one_line(exc, example.root)}"
                ) from exc
            yield _one_line(exc, example.root)
            return
        app.logger  # noqa: B018 - Flask decides on its default handler now, before ours is added
        if collector is not None:
            logging.getLogger().addHandler(collector)
        yield Prepared(example, app, harness, collector, stderr)


def run_example(example: Example) -> ExampleRun:
    """Build the example's app and play every exchange through the test client.

    Raises ExampleError if it cannot run.
    """
    run = ExampleRun(example.name)
    with prepared(example) as ready:
        if isinstance(ready, str):
            run.setup_error = ready
            return run
        client = ready.app.test_client()
        for exchange in example.exchanges:
            ready.begin()
            transcript = run_exchange(client, exchange, example.root)
            ready.finish(transcript)
            run.transcripts[exchange.name] = transcript
    return run
