"""The curl command that sends an exchange's request to an example started with ``flask run``.

It imports no Sphinx: the directive shows the command, and the tests parse
it back and send it to a real server.
"""

from __future__ import annotations

import shlex

from .expectations import Exchange
from .runner import request_shown

SERVER = "http://127.0.0.1:5000"  # where `flask run` listens unless told otherwise


def curl_command(exchange: Exchange, server: str = SERVER) -> str:
    """One command, one option per line when it has several, quoted for a POSIX shell."""
    headers, body = request_shown(exchange)
    words = ["curl", "-i"]  # -i: the status line and headers too, as the page shows them
    if exchange.method == "HEAD":
        words = ["curl", "-I"]  # curl's way to send HEAD and not wait for a body
    elif exchange.method != ("POST" if body else "GET"):
        words += ["-X", exchange.method]
    options = [["-H", f"{name}: {value}"] for name, value in headers.items()]
    if body and not any(name.lower() == "content-type" for name in headers):
        # curl labels a body as a form unless told otherwise; the request had no Content-Type.
        options.append(["-H", "Content-Type:"])
    if body:
        options.append(["--data-binary", body])
    lines = [" ".join([*words, shlex.quote(server + exchange.path)])]
    lines += [" ".join(shlex.quote(word) for word in option) for option in options]
    return " \\\n  ".join(lines)
