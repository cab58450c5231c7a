"""How one exchange is shown: a card.

The request is the card's title, beside a badge with the status the response
carried. Below come the response (headers, then the body: JSON indented, long
bodies folded), everything else the request caused (log records, the error
streams, what the example's harness captured), a note of what is shown
otherwise than the app produced it, and the curl command that sends the same
request. Every word the card adds goes through the interface catalogs
(locales/<language>/LC_MESSAGES/sphinx.po). Nodes made here carry no source
line, so Sphinx never extracts them into a page's catalog.
"""

from __future__ import annotations

import json
import re

from docutils import nodes
from pygments.lexers import get_lexer_by_name
from pygments.token import Error
from sphinx.locale import _

from .transcript import Transcript

FOLD_LINES = 8  # a body or channel longer than this is folded to its summary line
FOLD_CHARACTERS = 800


class details(nodes.General, nodes.Element):
    """A native ``<details>``: folded until the reader opens it, with or without JavaScript."""


class summary(nodes.TextElement):
    """The line a folded ``<details>`` shows."""


def visit_details(self, node: details) -> None:
    self.body.append(self.starttag(node, "details"))


def depart_details(self, node: details) -> None:
    self.body.append("</details>\n")


def visit_summary(self, node: summary) -> None:
    self.body.append(self.starttag(node, "summary", suffix=""))


def depart_summary(self, node: summary) -> None:
    self.body.append("</summary>\n")


def code_block(text: str, language: str, classes=()) -> nodes.literal_block:
    """A block the engine made: the inline-Python guard lets it through."""
    if language in LEXED_TWICE:
        language = _lexable(text, language)
    block = nodes.literal_block(text, text, language=language, classes=list(classes))
    block["guide_example"] = True
    return block


# Text whose lexer may find an error in it (Sphinx would warn): an HTML page as an app sent it.
# HTTP heads are checked by their shape (_http_or_text); JSON is shown only once it parsed, and
# Python sources compile: none of those is lexed here as well as when Sphinx highlights it.
LEXED_TWICE = {"html"}


def _lexable(text: str, language: str) -> str:
    """``language``, unless its lexer finds an error in ``text``: then plain text."""
    tokens = get_lexer_by_name(language).get_tokens(text)
    return "text" if any(token is Error for token, _value in tokens) else language


_START_LINE = re.compile(r"[A-Za-z][-_A-Za-z]+ [^ ]+ HTTP/1\.1|HTTP/1\.1 \d{3}(?: [^\r\n]*)?")
_HEADER_LINE = re.compile(r"[^\s:]+ *: *[^\s].*")


def _http_or_text(head: str, body: str, content_type: str) -> str:
    """ "http" where Pygments' HTTP lexer reads the head and body without an error, else "text"."""
    first, *headers = head.split("\n")
    if not _START_LINE.fullmatch(first) or not all(_HEADER_LINE.fullmatch(h) for h in headers):
        return "text"
    if body and "json" in content_type:
        try:
            json.loads(body)
        except ValueError:
            return "text"  # a malformed JSON body, sent on purpose
    return "http"


def formatted(template: str, **parts: str | list[nodes.Node]) -> list[nodes.Node]:
    """A translated ``template`` with its ``%(name)s`` parts filled: text as code, nodes as they are."""
    result: list[nodes.Node] = []
    for index, piece in enumerate(re.split(r"%\((\w+)\)s", template)):
        if index % 2:
            part = parts[piece]
            result += [nodes.literal(part, part)] if isinstance(part, str) else part
        elif piece:
            result.append(nodes.Text(piece))
    return result


def folded(what: str, content: nodes.Node, classes=()) -> details:
    fold = details(classes=["guide-fold", *classes])
    fold += summary(what, what)
    fold += content
    return fold


def _is_long(text: str) -> bool:
    return text.count("\n") >= FOLD_LINES or len(text) > FOLD_CHARACTERS


def _line_count(text: str) -> int:
    return text.count("\n") + 1


def _badge(text: str, kind: str) -> nodes.literal:
    """A status badge; ``kind`` (2xx, 4xx, 5xx, raised) picks its colour, ``text`` says it."""
    # A literal: smart quotes must not turn the reason's apostrophe ("I'M A TEAPOT") into another.
    return nodes.literal(text, text, classes=["guide-status", f"guide-status-{kind}"])


def _status_badge(transcript: Transcript) -> nodes.literal:
    if transcript.raised:
        return _badge(_("No response"), "raised")
    return _badge(transcript.status_line, f"{transcript.status // 100}xx")


def _title(request: str, badge: nodes.literal | None, anchor: str | None, classes=()) -> nodes.paragraph:
    """A card's title row: the request (or command), its badge, and a link to ``anchor``."""
    title = nodes.paragraph(classes=["guide-card-title", *classes])
    title += nodes.literal(request, request, classes=["guide-card-request"])
    if badge is not None:
        title += nodes.Text(" ")
        title += badge
    if anchor is not None:
        title += nodes.reference(
            "", "#", refuri="#" + anchor, classes=["headerlink"], reftitle=_("Link to this exchange")
        )
    return title


def _part(label: str | list[nodes.Node], *content: nodes.Node, classes=()) -> nodes.container:
    """A labelled row of the card: the label beside its content on wide screens, above it on phones."""
    part = nodes.container(classes=["guide-part", *classes])
    heading = nodes.paragraph(classes=["guide-part-label"])
    heading += [nodes.Text(label)] if isinstance(label, str) else label
    part += heading
    part += content
    return part


def _head(first_line: str, headers) -> str:
    return "\n".join([first_line, *(f"{name}: {value}" for name, value in headers)])


JSON_AS_SENT = 72  # a JSON body this short is shown as the app sent it, on one line


def _indented_json(value, indent: str = "", before: int = 0) -> str:
    """JSON indented two spaces a level, but any object or list that fits on a short line kept on one.

    ``before`` is how much of the line the key in front of the value takes.
    """
    flat = json.dumps(value, ensure_ascii=False)
    if before + len(flat) <= JSON_AS_SENT or not isinstance(value, (dict, list)) or not value:
        return flat
    inner = indent + "  "
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            start = f"{inner}{json.dumps(key, ensure_ascii=False)}: "
            items.append(start + _indented_json(item, inner, len(start)))
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    items = [inner + _indented_json(item, inner, len(inner)) for item in value]
    return "[\n" + ",\n".join(items) + "\n" + indent + "]"


def _json_or_text(body: str, is_json: bool) -> tuple[str, str]:
    """The body to show and its language: long JSON indented, anything else as it came."""
    if is_json:
        try:
            value = json.loads(body)
        except ValueError:
            pass
        else:
            if len(body.strip()) <= JSON_AS_SENT:
                return body.strip(), "json"
            return _indented_json(value), "json"
    return body, "text"


# The page Werkzeug writes for an HTTP error (HTTPException.get_body): folded to its title,
# since the badge already says the same and the description is Werkzeug's, not the app's.
WERKZEUG_PAGE = re.compile(r"<!doctype html>\n<html lang=en>\n<title>(?P<title>[^<]*)</title>\n<h1>")


def _html_title(body: str) -> str | None:
    found = re.search(r"<title>([^<]*)</title>", body, re.IGNORECASE)
    return " ".join(found[1].split()) if found and found[1].strip() else None


def _response(transcript: Transcript) -> tuple[list[nodes.Node], bool]:
    """The response's status line, headers and body, and whether the JSON body is shown indented.

    A short body shares the headers' block, as on the wire; a long one is folded beneath them.
    """
    head = _head(f"HTTP/1.1 {transcript.status_line}", transcript.headers)
    body = transcript.body.rstrip("\n")
    if not body:
        return [code_block(head, _http_or_text(head, "", ""), ["guide-output"])], False
    content_type = (transcript.header("Content-Type") or "").split(";")[0].strip()
    text, language = _json_or_text(body, transcript.is_json)
    indented = language == "json" and text != body
    default_page = WERKZEUG_PAGE.match(body) if content_type == "text/html" else None
    if not _is_long(text) and default_page is None:
        language = _http_or_text(head, text, content_type)
        return [code_block(f"{head}\n\n{text}", language, ["guide-output"])], indented
    if language == "text" and content_type == "text/html":
        language = "html"
    title = _html_title(body) if language == "html" else None
    lines = _line_count(text)
    if default_page is not None:
        what = _("Werkzeug's error page “%(title)s”") % {"title": default_page["title"]}
    elif title:
        what = _("HTML page “%(title)s”, %(lines)d lines") % {"title": title, "lines": lines}
    else:
        what = _("Body, %(lines)d lines") % {"lines": lines}
    block = code_block(text, language, ["guide-output"])
    head_block = code_block(head, _http_or_text(head, "", ""), ["guide-output"])
    return [head_block, folded(what, block, ["guide-body"])], indented


def _is_file(key: str) -> bool:
    """A harness's channel named like a file (``app.log``: a dot, no space) shows that file's text."""
    return "." in key and " " not in key


def _channels(transcript: Transcript) -> list[tuple[list[str], list[nodes.Node], str]]:
    """Everything else the request caused, as (classes, label, text): logs, streams, captures.

    Each captured channel also carries its own name as a class, so mail, events and files
    differ in colour.
    """
    found: list[tuple[list[str], list[nodes.Node], str]] = []
    if transcript.logs:
        found.append((["guide-part-logs"], [nodes.Text(_("Log records"))], transcript.render_logs()))
    for stream in ("stderr", "wsgi_errors"):
        text = getattr(transcript, stream).rstrip("\n")
        if text:
            name = stream.replace("_", ".")
            classes = ["guide-part-stream"]
            if _repeats_the_records(text, transcript):
                classes.append("guide-part-repeated")
            found.append((classes, [nodes.literal(name, name)], text))
    for key, items in transcript.captured.items():
        text = "\n\n".join(str(item) for item in items)
        if _is_file(key):
            found.append((["guide-part-file"], [nodes.literal(key, key)], text))
        else:
            classes = ["guide-part-captured", f"guide-channel-{nodes.make_id(key)}"]
            found.append((classes, [nodes.Text(_(key))], text))
    return found


def _repeats_the_records(text: str, transcript: Transcript) -> bool:
    """A stream that holds each log record's message and nothing else, as a log handler wrote them."""
    logs = transcript.logs
    if not logs:
        return False
    rest = text
    for record in logs:
        rest = rest.replace(record.message, "", 1) if record.message in rest else None
        if rest is None:
            return False
        if record.exception:
            rest = rest.replace(record.exception, "", 1)
    # What may be left is the handler's dates, levels, logger names and traceback frames.
    rest = re.sub(r"Traceback \(most recent call last\)|ERROR|WARNING|INFO|CRITICAL|in \w+|[\w.]+:", "", rest)
    return not re.search(r"[A-Za-z]{4,}", rest)


def _channel(classes: list[str], label: list[nodes.Node], text: str) -> nodes.Node:
    if not text:  # one muted line, not an empty box
        none = nodes.paragraph(_("none"), _("none"), classes=["guide-part-none"])
        return _part(label, none, classes=[*classes, "guide-part-empty"])
    block = code_block(text, "text", ["guide-output"])
    if "guide-part-repeated" in classes:  # the records above, once more: folded
        what = _("%(lines)d lines: the log records above, as a handler wrote them") % {
            "lines": _line_count(text)
        }
        return _part(label, folded(what, block), classes=classes)
    if _is_long(text):
        lines = _line_count(text)
        return _part(label, folded(_("%(lines)d lines") % {"lines": lines}, block), classes=classes)
    return _part(label, block, classes=classes)


NORMALISED_PARTS = {
    "body": lambda: nodes.Text(_("the body")),
    "logs": lambda: nodes.Text(_("the log records")),
}


def _normalised_note(transcript: Transcript, indented: bool) -> nodes.paragraph | None:
    """What the card shows otherwise than the app produced it, said on one line."""
    if not transcript.normalised and not indented:
        return None
    note = nodes.paragraph(classes=["guide-card-note"])
    if transcript.normalised:
        shown: list[nodes.Node] = []
        for part in transcript.normalised:
            if shown:
                shown.append(nodes.Text(" · "))
            shown.append(NORMALISED_PARTS[part]() if part in NORMALISED_PARTS else nodes.literal(part, part))
        template = _(
            "Normalised for display (times, paths, ports, addresses, tracebacks, the order of Allow): "
            "%(parts)s."
        )
        note += nodes.inline("", "", *formatted(template, parts=shown))
    if indented:
        note += nodes.inline("", _("The JSON body is shown indented; the app sent it on one line."))
    return note


SERVER_NAMES = {"werkzeug": lambda: _("Werkzeug's development server"), "gunicorn": lambda: "gunicorn"}
DIFFERING_PARTS = {
    "status": lambda: _("the status"),
    "headers": lambda: _("the headers"),
    "body": lambda: _("the body"),
    "logs": lambda: _("the log records"),
    "wsgi_errors": lambda: "wsgi.errors",
    "stderr": lambda: "stderr",
    "captured": lambda: _("the captures"),
}
BODY_KEYS = {"text", "json", "contains", "excludes"}


def _servers_note(on_servers: dict, transcript: Transcript) -> nodes.paragraph | None:
    """Where a real server answers otherwise than the card shows (``[exchange.server.<name>]``).

    The runs over HTTP (``nox -s examples-served``) check each of these answers.
    """
    if not on_servers:
        return None
    note = nodes.paragraph(classes=["guide-card-note", "guide-card-servers"])
    for server, overrides in on_servers.items():
        name = SERVER_NAMES[server]()
        status = overrides.get("status")
        if status is not None and status != transcript.status:
            sentence = formatted(
                _("Served by %(server)s, it answers %(status)s."), server=name, status=str(status)
            )
        else:
            keys = dict.fromkeys("body" if key in BODY_KEYS else key for key in overrides)
            parts: list[nodes.Node] = []
            for key in keys:
                if parts:
                    parts.append(nodes.Text(" · "))
                part = DIFFERING_PARTS[key]()
                parts.append(
                    nodes.literal(part, part) if key in {"wsgi_errors", "stderr"} else nodes.Text(part)
                )
            sentence = formatted(
                _("Served by %(server)s, these differ: %(parts)s."), server=name, parts=parts
            )
        note += nodes.inline("", "", *sentence)
    return note


def exchange_card(
    transcript: Transcript, anchor: str, curl: str, on_servers: dict | None = None, folded: bool = False
) -> nodes.Element:
    """The card for one exchange; ``anchor`` is its id on the page.

    ``on_servers`` holds what real servers answer otherwise, by server. A ``folded``
    card is a ``<details>`` that shows only its title until the reader opens it.
    """
    card = _card(transcript, anchor, curl, on_servers)
    if not folded:
        return card
    # The link to the card sits beside the <details>, not in its summary: a control
    # inside a summary is a control inside a control, which screen readers may not announce.
    title, *rest = card.children
    link = next(child for child in title.children if isinstance(child, nodes.reference))
    title.remove(link)
    folded_card = nodes.container(classes=["guide-card-folded"], ids=card["ids"])
    folded_card += nodes.paragraph("", "", link, classes=["guide-card-link"])
    fold = details(classes=["guide-card"])
    fold += summary("", "", *title.children, classes=["guide-card-title"])
    fold += rest
    folded_card += fold
    return folded_card


def _card(transcript: Transcript, anchor: str, curl: str, on_servers: dict | None) -> nodes.container:
    card = nodes.container(classes=["guide-card"], ids=[anchor])
    card += _title(transcript.request_line, _status_badge(transcript), anchor)
    if transcript.request_headers or transcript.request_body:
        head = _head(f"{transcript.request_line} HTTP/1.1", transcript.request_headers.items())
        body = transcript.request_body
        sent = transcript.request_headers
        sent_type = next((v for k, v in sent.items() if k.lower() == "content-type"), "")
        language = _http_or_text(head, body, sent_type)
        request = code_block(f"{head}\n\n{body}" if body else head, language, ["guide-output"])
        card += _part(_("Request"), request, classes=["guide-part-request"])
    indented = False
    if transcript.raised:
        raised = code_block(transcript.raised, "text", ["guide-output"])
        card += _part(_("The test client raised"), raised, classes=["guide-part-response"])
    else:
        response, indented = _response(transcript)
        card += _part(_("Response"), *response, classes=["guide-part-response"])
    for classes, label, text in _channels(transcript):
        card += _channel(classes, label, text)
    footer = nodes.container(classes=["guide-card-footer"])
    curl_block = code_block(curl, "text", ["guide-curl"])  # plain: nothing in it needs colour
    footer += folded(_("Send this request with curl"), curl_block, ["guide-curl"])
    for note in (_servers_note(on_servers or {}, transcript), _normalised_note(transcript, indented)):
        if note is not None:
            footer += note
    card += footer
    return card


OUTCOME_LABELS = {
    "passed": lambda: _("passed"),
    "failed": lambda: _("failed"),
    "skipped": lambda: _("skipped"),
}


def tests_card(command: str, results: dict, anchor: str) -> nodes.container:
    """The card for a pytest module: the command as its title, then each test and its outcome.

    ``results`` maps each test's name to its ``TestResult``; a failure shows pytest's first line.
    """
    card = nodes.container(classes=["guide-card", "guide-tests"], ids=[anchor])
    card += _title(command, None, anchor)
    for name, result in results.items():
        kind = {"passed": "2xx", "failed": "5xx"}.get(result.outcome, "raised")  # the badges' colours
        card += _title(name, _badge(OUTCOME_LABELS[result.outcome](), kind), None, ["guide-test"])
        if result.message:
            card += code_block(result.message, "text", ["guide-output"])
    return card
