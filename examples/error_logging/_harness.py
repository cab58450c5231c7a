"""Harnesses for the logging examples: the services the handlers talk to, on loopback or in a temp folder.

Each yields ``app_kwargs`` for ``create_app()`` and a ``captured()`` that
reports what arrived: mails, file contents, syslog datagrams. Volatile parts
are normalised so that every run shows the same text: timestamps keep their
shape but not their value, the project's folder becomes /path/to/project, a file inside the virtual
environment becomes .../site-packages/<file>:LINE, and
the frames of a traceback shrink to "..." (they differ between Python versions).
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import re
import socket
import tempfile
from pathlib import Path
from unittest import mock

from aiosmtpd.controller import Controller

PROJECT = str(Path(__file__).resolve().parents[2])


def _collapse_frames(text: str) -> str:
    """Keep a traceback's first and last lines; its indented frames become one "..." line."""
    lines, shown = text.split("\n"), []
    index = 0
    while index < len(lines):
        line = lines[index]
        shown.append(line)
        index += 1
        start = line.find("Traceback (most recent call last):")
        if start == -1:
            continue
        prefix = line[:start]
        while index < len(lines) and lines[index].startswith(prefix + " "):
            index += 1
        shown.append(prefix + "  ...")
    return "\n".join(shown)


def _zeros(match: re.Match) -> str:
    return match.group(1) + "0" * len(match.group(2))


def normalise(text: str) -> str:
    text = re.sub(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)", "2026-01-01", text)
    text = re.sub(r"(?<!\d)\d{2}:\d{2}:\d{2}(?!\d)", "12:00:00", text)
    text = re.sub(r"(?<=12:00:00)([,.])(\d+)", _zeros, text)
    text = text.replace(PROJECT, "/path/to/project")
    # Where Flask itself logged: the virtual environment's path and the line vary between installs.
    text = re.sub(r"/[^\s\"]*/site-packages/([\w/]+\.py):\d+", r".../site-packages/\1:LINE", text)
    return _collapse_frames(text)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Mailbox:
    """An aiosmtpd handler that keeps a readable summary of every mail it accepts."""

    def __init__(self) -> None:
        self.mails: list[str] = []
        self.shown: list[str] = []
        self.reported = 0
        self.app_kwargs: dict = {}

    async def handle_DATA(self, server, session, envelope):  # the name aiosmtpd calls
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        headers = [f"{name}: {message[name]}" for name in ("From", "To", "Subject")]
        body = normalise(message.get_content().replace("\r\n", "\n").strip())
        self.mails.append("\n".join([*headers, "", body]))
        return "250 Message accepted for delivery"

    def captured(self) -> dict[str, list[str]]:
        """After each exchange, the mails that arrived since the last one (none, if none did)."""
        new = self.mails[self.reported :]
        self.reported = len(self.mails)
        self.shown += new
        return {"Mail sent": self.shown}


@contextlib.contextmanager
def smtp_server():
    """A real SMTP server on 127.0.0.1 and a free port; ``create_app(mailhost=...)`` points at it."""
    mailbox = _Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    mailbox.app_kwargs = {"mailhost": ("127.0.0.1", port)}
    try:
        yield mailbox
    finally:
        controller.stop()


@contextlib.contextmanager
def smtp_server_debug_mode():
    """The same SMTP server, with FLASK_DEBUG=1 set as ``flask run --debug`` sets it."""
    with mock.patch.dict(os.environ, FLASK_DEBUG="1"), smtp_server() as mailbox:
        yield mailbox


class _LogFolder:
    """Reports, after each exchange, the text each file in the folder gained (if any).

    A file that is new under its name, created or renamed there by a rotation,
    is shown whole. With ``list_files``, the names of the files are reported too.
    """

    def __init__(self, folder: Path, list_files: bool = False) -> None:
        self.folder = folder
        self.list_files = list_files
        self.app_kwargs = {"log_dir": str(folder)}
        self._read: dict[str, tuple[int, int]] = {}  # name: (inode, characters read)
        self._chunks: dict[str, list[str]] = {"Files in the folder": []} if list_files else {}

    def captured(self) -> dict[str, list[str]]:
        paths = sorted(self.folder.iterdir())
        if self.list_files:
            self._chunks["Files in the folder"].append(", ".join(path.name for path in paths))
        for path in paths:
            text = path.read_text(encoding="utf-8")
            inode, read = self._read.get(path.name, (None, 0))
            if inode != path.stat().st_ino:
                read = 0  # another file now has this name
            new = text[read:]
            self._read[path.name] = (path.stat().st_ino, len(text))
            chunks = self._chunks.setdefault(path.name, [])
            if new:
                chunks.append(normalise(new.rstrip("\n")))
        return dict(self._chunks)


@contextlib.contextmanager
def log_folder():
    """A temporary folder for log files; ``create_app(log_dir=...)`` writes into it."""
    with tempfile.TemporaryDirectory() as folder:
        yield _LogFolder(Path(folder))


@contextlib.contextmanager
def rotating_log_folder():
    """The same folder, also listing its files: a rotation adds some and removes others."""
    with tempfile.TemporaryDirectory() as folder:
        yield _LogFolder(Path(folder), list_files=True)


class _SyslogListener:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.app_kwargs = {"address": sock.getsockname()}
        self.datagrams: list[str] = []

    def captured(self) -> dict[str, list[str]]:
        # Loopback UDP is delivered by the time sendto() returns: read what is queued.
        while True:
            try:
                data = self.sock.recv(65536)
            except BlockingIOError:
                break
            text = data.decode("utf-8").replace("\x00", "\\x00")
            self.datagrams.append(normalise(text))
        return {"Syslog datagrams": self.datagrams}


@contextlib.contextmanager
def syslog_listener():
    """A UDP socket on 127.0.0.1 that plays the syslog daemon; ``create_app(address=...)`` sends to it."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.setblocking(False)
        yield _SyslogListener(sock)
