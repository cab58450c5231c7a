"""Sphinx glue: the ``example`` directive, the ``run`` role and the inline-Python guard.

The directive only renders what the runner returns; running and comparing
live in modules that import no Sphinx.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.code import LiteralIncludeReader
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .cards import (
    code_block,
    depart_details,
    depart_summary,
    details,
    exchange_card,
    formatted,
    summary,
    tests_card,
    visit_details,
    visit_summary,
)
from .compare import report, run_problems
from .curl import curl_command
from .expectations import SERVERS, ExpectationError, installed_version, load_example, relative
from .handtyped import Reviewed, Vocabulary, line_of, paragraphs, prose
from .inputs import inputs, inputs_digest
from .runner import ExampleError
from .runs import Runs
from .transcript import ExampleRun
from .verified import VERIFIED, read_records, verified_versions

logger = logging.getLogger(__name__)

EXCERPT_OPTIONS = {"pyobject", "start-after", "end-before", "start-at", "end-at"}
PYTHON_LANGUAGES = {"python", "python3", "py", "py3", "pycon", "pycon3", "ipython", "ipython3"}


def _failures(env) -> dict[str, list[str]]:
    if not hasattr(env, "guide_failures"):
        env.guide_failures = {}
    return env.guide_failures


def _shown(env) -> dict[str, dict[str, str]]:
    """Per page, the examples it shows or quotes, with the digest of their inputs."""
    if not hasattr(env, "guide_examples"):
        env.guide_examples = {}
    return env.guide_examples


def start_runs(app) -> None:
    """The build's runs service; the project is the folder of conf.py, which holds examples/."""
    root = Path(app.confdir)
    cache = app.config.guide_transcript_cache
    app.env.guide_root = root
    app.env.guide_runs = Runs(root / cache if cache else None)  # "" turns the cache off


def _load_and_run(env, name: str, docname: str) -> tuple[object, ExampleRun]:
    """Load and run one example through the build's runs service, and note what the page depends on."""
    example = load_example(name, env.guide_root)
    run = env.guide_runs.get(example)
    _shown(env).setdefault(docname, {})[name] = inputs_digest(example)
    for path in inputs(example):
        env.note_dependency(str(path))
    return example, run


def _captioned(block: nodes.literal_block, caption: list[nodes.Node]) -> nodes.container:
    # A caption without .source is never extracted for translation: its words come from sphinx.po.
    wrapper = nodes.container("", classes=["literal-block-wrapper"], literal_block=True)
    wrapper += nodes.caption("", "", *caption)
    wrapper += block
    return wrapper


class ExampleDirective(SphinxDirective):
    """Show an example's source and, beneath it, what really happened when it ran."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict] = {
        "pyobject": directives.unchanged_required,
        "start-after": directives.unchanged_required,
        "end-before": directives.unchanged_required,
        "start-at": directives.unchanged_required,
        "end-at": directives.unchanged_required,
        "emphasize": directives.unchanged_required,
        "exchanges": directives.unchanged_required,
        "no-source": directives.flag,
        "no-transcript": directives.flag,
        "folded": directives.unchanged,  # exchanges whose cards start closed; empty: every card
    }

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        try:
            example, run = _load_and_run(self.env, name, self.env.docname)
        except (ExpectationError, ExampleError) as err:
            return self._fail(str(err))
        failures = run_problems(example, run)
        for exchange_name, problems in failures.items():
            page = relative(Path(self.env.doc2path(self.env.docname)), self.env.guide_root).as_posix()
            message = report(example, exchange_name, problems, [page])
            _failures(self.env).setdefault(self.env.docname, []).append(message)
            logger.error(message, location=(self.env.docname, self.lineno), type="guide", subtype="mismatch")
        result: list[nodes.Node] = []
        if "no-source" not in self.options:
            result.append(self._source(example))
            shown = self.env.temp_data.setdefault("guide_run_it", set())  # once per page
            if example.name not in shown:
                shown.add(example.name)
                result.append(_run_it_yourself(example))
        if example.tests and "no-transcript" not in self.options:
            anchor = nodes.make_id(f"{example.readable_id}-tests")
            result.append(tests_card(_pytest_command(example), run.tests, anchor))
        elif "no-transcript" not in self.options:
            try:
                wanted = self._wanted_exchanges(example)
                folded = self._folded_exchanges(example)
            except KeyError as err:
                return self._fail(str(err.args[0]))
            for exchange in wanted:
                transcript = run.transcripts.get(exchange.name)
                if transcript is not None:
                    card = exchange_card(
                        transcript,
                        self._anchor(example, exchange),
                        curl_command(exchange),
                        exchange.on_servers,
                        folded=exchange.name in folded,
                    )
                    self.state.document.set_id(card)  # the id is taken: a later card gets another
                    result.append(card)
            if run.setup_error and (example.setup is not None):
                block = code_block(run.setup_error, "text", ["guide-output"])
                result.append(_captioned(block, [nodes.Text(_("Raised while creating the app"))]))
        container = nodes.container(classes=["guide-example"])
        container += result
        return [container]

    def _wanted_exchanges(self, example):
        if "exchanges" not in self.options:
            return list(example.exchanges)
        return [example.exchange(n.strip()) for n in self.options["exchanges"].split(",")]

    def _folded_exchanges(self, example) -> set[str]:
        """The exchanges whose cards start closed: those ``:folded:`` names, or all if it names none."""
        if "folded" not in self.options:
            return set()
        names = [name.strip() for name in (self.options["folded"] or "").split(",") if name.strip()]
        if not names:
            return {exchange.name for exchange in example.exchanges}
        return {example.exchange(name).name for name in names}  # a name that is no exchange: KeyError

    def _anchor(self, example, exchange) -> str:
        """``chapter-example-exchange``: stable while the page changes around it, unique on the page."""
        document = self.state.document
        anchor = nodes.make_id(f"{example.readable_id}-{exchange.name}")
        count = 1
        while anchor in document.ids:  # the same exchange shown twice on one page
            count += 1
            anchor = nodes.make_id(f"{example.readable_id}-{exchange.name}-{count}")
        return anchor

    def _source(self, example) -> nodes.Node:
        excerpt = {k: v for k, v in self.options.items() if k in EXCERPT_OPTIONS}
        whole = example.source.read_text(encoding="utf-8").rstrip("\n")
        path = relative(example.source, example.root).as_posix()
        if not excerpt:
            text = whole
        else:
            try:
                text, _lines = LiteralIncludeReader(example.source, excerpt, self.config).read(
                    location=(self.env.docname, self.lineno)
                )
            except (ValueError, OSError) as err:
                return self._fail(f"example {example.name!r}: {err}")
            text = textwrap.dedent(text).rstrip("\n")  # a nested function starts at the margin
        block = code_block(text, "python", ["guide-source"])
        if "emphasize" in self.options:
            marker = self.options["emphasize"]
            lines = [i + 1 for i, line in enumerate(text.splitlines()) if marker in line]
            if not lines:
                return self._fail(
                    f"example {example.name!r}: no line contains the :emphasize: marker {marker!r}"
                )
            block["highlight_args"] = {"hl_lines": lines}
        if not excerpt:
            return _captioned(block, [nodes.literal(path, path)])
        if "pyobject" in excerpt:
            name = excerpt["pyobject"]
            shown = f"{name}()" if text.lstrip().startswith(("def ", "async def ")) else name
            caption = formatted(_("%(name)s in %(path)s"), name=shown, path=path)
        else:
            caption = formatted(_("An excerpt of %(path)s"), path=path)
        shown_excerpt = nodes.container(classes=["guide-excerpt"])
        shown_excerpt += _captioned(block, caption)
        fold = details(classes=["guide-fold", "guide-whole-file"])
        fold += summary("", "", *formatted(_("The whole file, %(path)s"), path=path))
        fold += code_block(whole, "python", ["guide-source"])
        shown_excerpt += fold
        return shown_excerpt

    def _fail(self, message: str) -> list[nodes.Node]:
        _failures(self.env).setdefault(self.env.docname, []).append(message)
        raise self.error(message)


def _json_at(value, path: str) -> str:
    """The value at ``key.0.key`` in a JSON document, as text."""
    for key in path.split("."):
        value = value[int(key)] if isinstance(value, list) else value[key]
    return value if isinstance(value, str) else str(value)


def _pytest_command(example) -> str:
    """How a reader runs an example that is a pytest module."""
    return f"pytest {relative(example.source, example.root).as_posix()}"


def _run_it_yourself(example) -> nodes.paragraph:
    """The command that starts the example as a reader would (``guide.serve``), with its services."""
    serve = f"nox -s serve -- {example.name}"
    line = nodes.paragraph(classes=["guide-run-it"])
    if example.tests:
        line += formatted(_("Run it yourself: %(pytest)s"), pytest=_pytest_command(example))
    elif example.harness is None:
        template = _(
            "Run it yourself: %(flask)s, or %(serve)s, which also prints each request below as curl."
        )
        line += formatted(template, flask=f"flask --app {example.module} run", serve=serve)
    else:
        line += formatted(_("Run it yourself, with the services it needs: %(serve)s"), serve=serve)
    return line


ABSENT = "—"  # header?: for a header the response does not carry; the same in every language


class RunRole(SphinxRole):
    """``{run}`chapter.example/exchange:field``` puts a value from the real run into prose.

    Fields: ``status``, ``status-line``, ``header:<Name>``, ``json:<key>[.<key>...]``,
    ``log:<n>:<logger|level|message>``, ``setup-error``; ``header?:<Name>`` gives a dash
    where the response has no such header, and ``count:logs`` or ``count:<channel>`` how
    many log records or captured items (``count:Sentry events``) the request produced.

    ``chapter.example/exchange@gunicorn:status`` (or ``:json:...``) is what that
    real server answers: the exchange's ``[exchange.server.gunicorn]`` expectation,
    which ``nox -s examples-served`` checks over HTTP.
    """

    def run(self):
        try:
            value = self._value()
        except (ExpectationError, ExampleError, KeyError, IndexError, ValueError) as err:
            message = err.args[0] if isinstance(err, KeyError) else str(err)
            _failures(self.env).setdefault(self.env.docname, []).append(str(message))
            msg = self.inliner.reporter.error(f"run role {self.text!r}: {message}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.literal(self.rawtext, value, classes=["guide-run"])], []

    def _value(self) -> str:
        target, sep, field = self.text.partition(":")
        if not sep:
            raise ValueError("expected 'chapter.example/exchange:field' or 'chapter.example:setup-error'")
        name, _slash, exchange_name = target.partition("/")
        exchange_name, _at, server = exchange_name.partition("@")
        if server:
            return self._on_server(name, exchange_name, server, field)
        example, run = _load_and_run(self.env, name, self.env.docname)
        if field == "setup-error":
            if run.setup_error is None:
                raise ValueError(f"example {name!r} raised nothing while creating its app")
            return run.setup_error
        example.exchange(exchange_name)  # a clear KeyError naming the known exchanges
        transcript = run.transcripts[exchange_name]
        kind, _, rest = field.partition(":")
        if kind == "status":
            return str(transcript.status)
        if kind == "status-line":
            return transcript.status_line
        if kind in {"header", "header?"}:
            value = transcript.header(rest)
            if value is None and kind == "header?":
                return ABSENT
            if value is None:
                raise ValueError(f"the response has no {rest!r} header (header?: allows that)")
            return value
        if kind == "count":
            if rest == "logs":
                return str(len(transcript.logs))
            if rest not in transcript.captured:
                known = ", ".join(["logs", *transcript.captured])
                raise ValueError(f"nothing captured as {rest!r}; count one of: {known}")
            return str(len(transcript.captured[rest]))
        if kind == "json":
            return _json_at(transcript.json, rest)
        if kind == "log":
            index, _, attribute = rest.partition(":")
            record = transcript.logs[int(index)]
            if attribute not in {"logger", "level", "message"}:
                raise ValueError(f"log field {attribute!r} must be logger, level or message")
            return getattr(record, attribute)
        raise ValueError(
            f"unknown field {kind!r}; use status, status-line, header:, header?:, json:, log:, count:"
            " or setup-error"
        )

    def _on_server(self, name: str, exchange_name: str, server: str, field: str) -> str:
        if server not in SERVERS:
            raise ValueError(f"server {server!r} is not one of {', '.join(SERVERS)}")
        example = load_example(name, self.env.guide_root, server)
        self.env.note_dependency(str(example.spec))
        exchange = example.exchange(exchange_name)
        if server not in exchange.on_servers:
            raise ValueError(
                f"exchange {exchange_name!r} declares nothing for {server}: say it with "
                f"[exchange.server.{server}], or quote the test client's run"
            )
        kind, _, rest = field.partition(":")
        if kind == "status" and exchange.status is not None:
            return str(exchange.status)
        if kind == "json" and exchange.has_json:
            return _json_at(exchange.json, rest)
        raise ValueError(
            f"on a server, the role gives what the expectation states: status or json:, not {field!r}"
        )


def reject_inline_python(app, doctree: nodes.document) -> None:
    """Every Python snippet a reader sees comes from examples/, where it is run and checked."""
    for node in doctree.findall(lambda n: isinstance(n, (nodes.literal_block, nodes.doctest_block))):
        if node.get("guide_example"):
            continue
        language = node.get("language") or app.config.highlight_language
        from_python_file = str(node.get("source", "")).endswith(".py")
        if isinstance(node, nodes.doctest_block) or language in PYTHON_LANGUAGES or from_python_file:
            message = (
                "inline Python is not allowed: put the code in examples/ "
                "and show it with the {example} directive"
            )
            _failures(app.env).setdefault(app.env.docname, []).append(message)
            logger.error(message, location=node, type="guide", subtype="inline_python")


def _handtyped_used(env) -> dict[str, set[int]]:
    """Per page, which entries of handtyped.toml (by position) excused something on it."""
    if not hasattr(env, "guide_handtyped_used"):
        env.guide_handtyped_used = {}
    return env.guide_handtyped_used


def _page_problem(app, docname: str, message: str, subtype: str) -> None:
    _failures(app.env).setdefault(docname, []).append(message)
    logger.error(message, location=docname, type="guide", subtype=subtype)


def reject_handtyped_claims(app, doctree: nodes.document) -> None:
    """A status, header or log line in English prose comes from {run}, or is a reviewed mention.

    Translations follow the English sentences, so the English build is the one checked.
    """
    if app.config.language != "en" or not app.config.guide_handtyped:
        return
    root, docname = app.env.guide_root, app.env.docname
    listed = app.config.guide_handtyped
    if not hasattr(app, "guide_reviewed"):  # read once a build, like the examples' vocabulary
        try:
            app.guide_reviewed = Reviewed(root / listed, listed)
        except ValueError as err:
            app.guide_reviewed = err
        app.guide_vocabulary = Vocabulary(root / "examples")
    reviewed = app.guide_reviewed
    if isinstance(reviewed, ValueError):
        _page_problem(app, docname, str(reviewed), "handtyped")
        return
    used = set()
    for element in paragraphs(doctree):
        text = prose(element)
        for finding in app.guide_vocabulary.findings(text):
            rule = reviewed.excuse(docname, text, finding)
            if rule is None:
                around = text[max(0, finding.start - 50) : finding.end + 30].strip()
                message = (
                    f"paragraph at line {line_of(element)}: {finding.kind} {finding.value!r} "
                    f"typed by hand in '...{around}...': quote the run with {{run}}, or add the "
                    f"sentence to {listed} with why it may stay"
                )
            else:
                used.add(reviewed.rules.index(rule))
                message = reviewed.unbacked(rule, finding, root)
            if message:
                _page_problem(app, docname, message, "handtyped")
    _handtyped_used(app.env)[docname] = used


def report_unused_handtyped(app, env) -> None:
    """An entry of handtyped.toml that excuses nothing on any page is stale."""
    listed = app.config.guide_handtyped
    if app.config.language != "en" or not listed or set(_handtyped_used(env)) != set(env.found_docs):
        return
    used = set().union(*_handtyped_used(env).values())
    reviewed = getattr(app, "guide_reviewed", None) or Reviewed(env.guide_root / listed, listed)
    if isinstance(reviewed, ValueError):  # already reported on every page
        return
    # A project that borrows conf.py (a test's one-page build) holds none of the guide's
    # pages: a sentence is stale only if its page was read, a phrase only if every page was.
    every_page = {rule.page for rule in reviewed.rules if rule.page} <= set(env.found_docs)
    for index, rule in enumerate(reviewed.rules):
        read = rule.page in env.found_docs if rule.page else every_page
        if read and index not in used:
            message = f"{listed}:{rule.line}: nothing on the pages matches this entry any more; remove it"
            logger.error(message, type="guide", subtype="handtyped")
            app.guide_stale_entries = True  # fails the build, -W or not (fail_build)


def add_verified_versions(app, doctree: nodes.document, docname: str) -> None:
    """End each page that runs examples with the Flask versions they were verified on.

    This build's own run counts; so do records of ``nox -s examples`` runs on
    other Flask versions whose example inputs are unchanged.
    """
    digests = _shown(app.env).get(docname)
    if not digests or docname in _failures(app.env):
        return
    versions = set(verified_versions(digests, read_records(app.env.guide_root / VERIFIED)))
    versions.add(installed_version("flask"))
    ordered = sorted(versions, key=lambda v: tuple(int(x) for x in v.split(".") if x.isdigit()))
    text = _("Every example on this page was run and checked with Flask %s.") % ", ".join(ordered)
    doctree += nodes.paragraph(text, text, classes=["guide-verified"])


def outdated_by_records(app, env, added, changed, removed) -> list[str]:
    """New verification records change the line above: rewrite the pages that show examples."""
    stamp = [(r["flask"], sorted(r["examples"].items())) for r in read_records(env.guide_root / VERIFIED)]
    if getattr(env, "guide_records_stamp", None) == stamp:
        return []
    env.guide_records_stamp = stamp
    return list(_shown(env))


def purge(app, env, docname: str) -> None:
    for table in (_failures, _shown, _handtyped_used):
        table(env).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    for docname in docnames:
        for table in (_failures, _shown, _handtyped_used):
            if docname in table(other):
                table(env)[docname] = table(other)[docname]


def prune_runs(app, exception) -> None:
    """After a build that worked, the cache keeps no entry of an example that is gone."""
    if exception is None:
        app.env.guide_runs.prune(app.env.guide_root)


def note_pages_read(app, env, docnames) -> None:
    app.guide_pages_read = set(docnames)


def fail_build(app, exception) -> None:
    """A disagreement between an example and its expectations fails the build, -W or not.

    Failures live in the environment, so a rebuild that re-reads nothing still
    fails, and tells again what it found on the pages it did not read this time.
    """
    failures = _failures(app.env)
    if exception is None and getattr(app, "guide_stale_entries", False):
        app.statuscode = 1
    if exception is not None or not failures:
        return
    read = getattr(app, "guide_pages_read", set())
    for docname in sorted(set(failures) - read):
        for message in failures[docname]:
            logger.error(message, location=docname, type="guide", subtype="mismatch")
    count = sum(len(v) for v in failures.values())
    logger.error(
        "%d problem(s) with examples or hand-typed claims on: %s (details above)",
        count,
        ", ".join(sorted(failures)),
        type="guide",
        subtype="summary",
    )
    app.statuscode = 1


def setup(app):
    app.add_config_value("guide_transcript_cache", "_build/.transcripts", "env")
    # The reviewed list of status codes, headers and quoted texts prose may type by hand,
    # relative to the project; empty: prose is not checked.
    app.add_config_value("guide_handtyped", "", "env")
    app.connect("builder-inited", start_runs)
    app.add_node(details, html=(visit_details, depart_details))
    app.add_node(summary, html=(visit_summary, depart_summary))
    app.add_directive("example", ExampleDirective)
    app.add_role("run", RunRole())
    app.connect("doctree-read", reject_inline_python)
    app.connect("doctree-read", reject_handtyped_claims)
    app.connect("env-check-consistency", report_unused_handtyped)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-before-read-docs", note_pages_read)
    app.connect("build-finished", fail_build)
    app.connect("build-finished", prune_runs)
    app.connect("doctree-resolved", add_verified_versions)
    app.connect("env-get-outdated", outdated_by_records)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
