"""Finds behaviour typed by hand: status codes, header names and log lines outside the run role.

A page that says what an example answered must say it through ``{run}``, so
that the sentence changes when the run does. This module reads the English
prose of a page (never code blocks, cards or role output) and lists every
status code, header name and logged line it finds there. Naming is not
claiming ("the 404 handler", "an `Allow` header"): ``handtyped.toml`` holds the
reviewed phrases and sentences that only name, each with the reason it is
allowed. A sentence that does claim, where the role would read badly, names
the exchanges whose expectations state the same value (``backed_by``); the
check makes sure they do. An entry nothing matches any more is reported too,
so the list cannot outlive what it excuses.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from docutils import nodes
from werkzeug.http import HTTP_STATUS_CODES

from .expectations import ExpectationError, load_example

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

RUN = "\u27e8run\u27e9"  # what a value the role put in looks like to the patterns
STATUS_CODE = r"[1-5]\d\d"
# Header names a page may use although no example sends or expects them.
COMMON_HEADERS = {"Allow", "Content-Length", "Content-Type", "Host", "Location", "Retry-After"}
IDENTIFIER = re.compile(r"^[\w./:=()'\"-]+$")  # a name, path or call, not a quotation
SKIPPED = (nodes.literal_block, nodes.raw, nodes.comment, nodes.target, nodes.substitution_definition)


@dataclass(frozen=True)
class Finding:
    kind: str  # "status code", "header", "logged or answered text"
    value: str
    start: int
    end: int


@dataclass
class Rule:
    """One reviewed entry: a phrase allowed anywhere, or a sentence allowed on one page."""

    pattern: re.Pattern
    why: str
    line: int
    page: str | None = None
    backed_by: list[str] = field(default_factory=list)


class Vocabulary:
    """What counts as a claim: status codes, and the examples' header names, log lines and texts."""

    def __init__(self, examples: Path):
        headers, lines = set(COMMON_HEADERS), set()
        for path in sorted(examples.rglob("*.toml")):
            with path.open("rb") as stream:
                table = tomllib.load(stream)
            for exchange in table.get("exchange", []):
                for key in ("headers", "send_headers"):
                    headers.update(exchange.get(key, {}))
                for record in exchange.get("logs", []):
                    lines.add(record.get("message", ""))
                for key in ("wsgi_errors", "stderr", "contains"):
                    lines.update(exchange.get(key, []))
                for items in exchange.get("captured", {}).values():
                    lines.update(item for item in items if isinstance(item, str))
        self.headers = re.compile(
            r"(?<![\w-])(" + "|".join(sorted(map(re.escape, headers), key=len, reverse=True)) + r")(?![\w-])"
        )
        # A short line ("boom") is a word, not a quotation.
        self.lines = sorted((line for line in lines if len(line) >= 12), key=len, reverse=True)
        self.answered = "\n".join(lines)  # every text an example logged, answered or captured

    def findings(self, text: str) -> list[Finding]:
        """Every claim-shaped thing in one paragraph's text, `inline code` included."""
        code_spans = [m.span() for m in re.finditer(r"`[^`]*`", text)]
        found = []
        for match in re.finditer(rf"(?<![\w.,/-])({STATUS_CODE})(?![\w-]|[.,]\d)", text):
            inside_code = any(a < match.start() < b for a, b in code_spans)
            if not inside_code and int(match.group(1)) in HTTP_STATUS_CODES:
                found.append(Finding("status code", match.group(1), *match.span()))
        for match in self.headers.finditer(text):
            found.append(Finding("header", match.group(1), *match.span()))
        quoted: list[Finding] = []
        for line in self.lines:  # longest first, so a line inside a longer one counts once
            start = text.find(line)
            covered = any(q.start <= start < q.end for q in quoted)
            if start >= 0 and not covered:
                quoted.append(Finding("logged or answered text", line, start, start + len(line)))
        found += quoted
        for match in re.finditer(r"`([^`]*)`", text):
            quote = _without_class(match.group(1))
            covered = any(q.start <= match.start() < q.end for q in quoted)
            if len(quote) < 4 or covered or IDENTIFIER.match(quote):
                continue
            if quote in self.answered:
                found.append(Finding("logged or answered text", match.group(1), *match.span(1)))
        return found


class Reviewed:
    """The reviewed list, ``handtyped.toml``: ``[[phrase]]`` anywhere, ``[[sentence]]`` on one page."""

    def __init__(self, path: Path, shown: str | None = None):
        self.path = path
        self.shown = shown or str(path)  # the path in messages, relative to the project
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise ValueError(f"{self.shown}: {err.strerror}") from None
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise ValueError(f"{self.shown}: {err}") from None
        lines = _entry_lines(text)
        self.rules: list[Rule] = []
        for kind, keys in (("phrase", {"pattern", "why"}), ("sentence", {"page", "text", "why"})):
            for number, entry in enumerate(table.get(kind, []), 1):
                missing = keys - set(entry)
                if missing or not entry.get("why"):
                    what = ", ".join(sorted(missing)) or "why"
                    raise ValueError(f"{self.shown}: [[{kind}]] number {number} needs {what}")
                needle = entry["pattern"] if kind == "phrase" else entry["text"]
                line = lines.get(needle, 0)
                if kind == "phrase":
                    regex = needle.replace("{code}", STATUS_CODE)
                    try:
                        pattern = re.compile(regex)
                    except re.error as err:
                        raise ValueError(f"{self.shown}:{line}: bad pattern {needle!r}: {err}") from None
                    self.rules.append(Rule(pattern, entry["why"], line))
                else:
                    backed_by = entry.get("backed_by", [])
                    rule = Rule(re.compile(re.escape(needle)), entry["why"], line, entry["page"], backed_by)
                    self.rules.append(rule)
        # A page's sentence before a phrase: where both match, the sentence's backed_by is checked.
        self._in_order = sorted(self.rules, key=lambda rule: rule.page is None)
        self._examples: dict[str, object] = {}

    def excuse(self, page: str, text: str, finding: Finding) -> Rule | None:
        """The entry that allows this finding, if one does."""
        for rule in self._in_order:
            if rule.page not in (None, page):
                continue
            for match in rule.pattern.finditer(text):
                if match.start() <= finding.start and finding.end <= match.end():
                    return rule
        return None

    def unbacked(self, rule: Rule, finding: Finding, root: Path) -> str | None:
        """Why the exchanges a sentence names do not state the value it typed, or None."""
        if not rule.backed_by:
            return None
        for ref in rule.backed_by:
            example_name, _, exchange_name = ref.partition("/")
            try:
                if example_name not in self._examples:
                    self._examples[example_name] = load_example(example_name, root)
                exchange = self._examples[example_name].exchange(exchange_name)
            except (ExpectationError, KeyError) as err:
                return f"{self.shown}:{rule.line}: backed_by {ref!r}: {err.args[0]}"
            if _states(exchange, finding):
                return None
        return (
            f"{self.shown}:{rule.line}: none of {', '.join(rule.backed_by)} states "
            f"{finding.value!r}, which the sentence says"
        )


def _without_class(quote: str) -> str:
    """An exception's text without its class: a log record holds one, a traceback both."""
    return re.sub(r"^\w+: ", "", quote)


def _states(exchange, finding: Finding) -> bool:
    """Whether an exchange's request or expectations hold the value a sentence typed."""
    if finding.kind == "status code":
        statuses = {exchange.status} | {o.get("status") for o in exchange.on_servers.values()}
        return int(finding.value) in statuses
    declared = asdict(exchange)
    declared.pop("line")
    text = json.dumps(declared, ensure_ascii=False, default=str)
    return finding.value in text or _without_class(finding.value) in text


def _entry_lines(text: str) -> dict[str, int]:
    """The line of each ``pattern =`` and ``text =`` value, for messages."""
    lines = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(("pattern =", "text =")):
            lines.setdefault(next(iter(tomllib.loads(line).values())), number)
    return lines


def prose(element: nodes.Element) -> str:
    """A paragraph or title as the patterns see it: inline code in backticks, run values as ⟨run⟩."""
    parts = []
    for child in element.children:
        if isinstance(child, nodes.literal):
            parts.append(RUN if "guide-run" in child["classes"] else f"`{child.astext()}`")
        elif isinstance(child, nodes.Text):
            parts.append(str(child))
        elif isinstance(child, nodes.Element) and not isinstance(child, SKIPPED):
            parts.append(prose(child))
    return re.sub(r"\s+", " ", "".join(parts))


def paragraphs(doctree: nodes.document):
    """The page's own paragraphs and titles, without the example cards and code."""
    for element in doctree.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.title))):
        if _in_example_or_code(element):
            continue
        yield element


def _in_example_or_code(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, SKIPPED):
            return True
        if isinstance(parent, nodes.container) and "guide-example" in parent["classes"]:
            return True
        parent = parent.parent
    return False


def line_of(element: nodes.Element) -> int | None:
    node = element
    while node is not None and not node.line:
        node = node.parent
    return node.line if node is not None else None
