"""Hostile input over real HTTP: nothing internal may leak, and the server must answer on.

After a served run has played an example's exchanges (``servers.run_served``),
it sends each request below to every path those exchanges use, and to two
paths of its own, byte by byte over a socket (some are not valid HTTP at
all). Each answer must hold no traceback, no file path, no exception name, no
internal address and not the app's ``SECRET_KEY`` (the run plants one); after
each, a plain request must still be answered.

An app in debug mode shows tracebacks by design (Werkzeug's debugger): for
it only the last check applies.
"""

from __future__ import annotations

import builtins
import contextlib
import inspect
import re
import socket
import threading
from urllib.parse import quote

import werkzeug.exceptions

SCRIPT = "<script>alert(1)</script>"
ANSWER_WITHIN = 10.0
HOST = "127.0.0.1"
# A header line over the limit both servers set (64 KiB in the development server, 8 KiB in gunicorn).
HUGE_HEADER = "X-Padding: " + "a" * 70_000

# (name, method, path suffix, extra header lines, body): sent after each path's request line.
HOSTILE = [
    ("malformed JSON", "POST", "", ["Content-Type: application/json"], b'{"name": "kettle", '),
    ("JSON sent as text", "POST", "", ["Content-Type: text/plain"], b'{"name": "kettle"}'),
    ("not UTF-8 in JSON", "POST", "", ["Content-Type: application/json"], b'{"name": "\xff\xfe"}'),
    ("not UTF-8 in a form", "POST", "", ["Content-Type: application/x-www-form-urlencoded"], b"name=\xff"),
    ("huge Content-Length", "POST", "", ["Content-Length: 99999999999999999999"], b""),
    ("negative Content-Length", "POST", "", ["Content-Length: -1"], b""),
    ("lying Content-Length", "PUT", "", ["Content-Length: 4096"], b"only a little"),
    ("truncated chunked body", "PUT", "", ["Transfer-Encoding: chunked"], b"5\r\nhello\r\n"),
    ("script in the query", "GET", "?id=" + quote(SCRIPT) + "&username=" + quote(SCRIPT), [], b""),
    ("not UTF-8 in the query", "GET", "?id=%ff%fe&lang=%ff", [], b""),
    ("unknown method", "BREW", "", [], b""),
    ("oversized header", "GET", "", [HUGE_HEADER], b""),
    ("a thousand headers", "GET", "", [f"X-Many-{n}: {n}" for n in range(1000)], b""),
]
# Paths of the suite's own, sent to every example.
OWN_PATHS = ["/" + quote(SCRIPT), "/%ff%fe/%c0%af"]


def _exception_names() -> set[str]:
    names = {
        name
        for name, value in vars(builtins).items()
        if inspect.isclass(value) and issubclass(value, BaseException)
    }
    names |= {
        name
        for name, value in vars(werkzeug.exceptions).items()
        if inspect.isclass(value) and issubclass(value, BaseException)
    }
    names |= {"JSONDecodeError", "OperationalError", "ClientDisconnected", "BadRequestKeyError"}
    # A one-word name (Exception, Forbidden, Gone) is an English word too, and a reason phrase.
    return {name for name in names if sum(letter.isupper() for letter in name) >= 2}


# Examples whose answers name the exception class their handler got: it is what they teach.
NAMES_CLASSES_ON_PURPOSE = {"error_handlers.class_or_code", "error_handlers.which_handler"}


INTERNALS = re.compile(
    "|".join(
        [
            r"Traceback \(most recent call last\)",
            r'File "[^"]+", line \d+',
            r"/(?:home|root|srv|tmp|usr|opt|var|work)/\S+",
            r"\S+\.py\b",
            r"site-packages",
            r"\b127\.0\.0\.1:\d+",
        ]
    )
)
EXCEPTION_NAMES = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in sorted(_exception_names())))


@contextlib.contextmanager
def _served(handle_one):
    """With ``handle_one``, a thread of it serves the one request sent in the block."""
    if handle_one is None:
        yield
        return
    handler = threading.Thread(target=handle_one)
    handler.start()
    try:
        yield
    finally:
        handler.join()


def _request_bytes(method: str, target: str, extra: list[str], body: bytes) -> bytes:
    head = [f"{method} {target} HTTP/1.1", "Host: localhost", *extra]
    if body and not any(line.lower().startswith(("content-length:", "transfer-encoding:")) for line in extra):
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def _exchange(port: int, data: bytes, handle_one=None) -> bytes:
    """Send, close our half (the client has said all it will), read the whole answer."""
    with _served(handle_one), socket.create_connection((HOST, port), timeout=ANSWER_WITHIN) as connection:
        try:
            connection.sendall(data)
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may close the connection before it has read everything
        chunks = []
        while True:
            try:
                chunk = connection.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def _leaks(answer: str, secret: str, names_classes: bool) -> list[str]:
    patterns = [INTERNALS] if names_classes else [INTERNALS, EXCEPTION_NAMES]
    found = [match.group(0)[:80] for pattern in patterns for match in pattern.finditer(answer)]
    if secret in answer:
        found.append("the SECRET_KEY")
    if SCRIPT in answer:
        found.append(f"{SCRIPT} as it was sent")
    hostname = socket.gethostname()
    if len(hostname) > 3 and hostname in answer:
        found.append(f"the machine's host name {hostname!r}")
    return found


def _targets(example) -> list[str]:
    paths = dict.fromkeys(exchange.path.split("?")[0] for exchange in example.exchanges)
    return [*paths, *OWN_PATHS]


def check(example, port: int, debug: bool, secret: str, handle_one=None) -> tuple[int, list[str]]:
    """Send every hostile request to the served example; how many were sent, and what leaked.

    ``handle_one``, when given, handles one request (the development server in
    this process): a thread of it runs while each request is sent.
    """
    problems: list[str] = []
    sent = 0
    for path in _targets(example):
        for what, method, suffix, extra, body in HOSTILE:
            request = _request_bytes(method, path + suffix, extra, body)
            answer = _exchange(port, request, handle_one).decode("latin-1")
            sent += 1
            if not answer.startswith("HTTP/1."):
                problems.append(f"{what} to {path}: no HTTP answer ({answer[:80]!r})")
            elif not debug:
                leaks = _leaks(answer, secret, example.name in NAMES_CLASSES_ON_PURPOSE)
                problems += [f"{what} to {path}: the answer holds {leak}" for leak in leaks]
            alive = _exchange(port, _request_bytes("GET", "/guide-still-there", [], b""), handle_one)
            sent += 1
            if not alive.startswith(b"HTTP/1."):
                problems.append(f"after {what} to {path}, a plain request got no answer")
    return sent, problems
