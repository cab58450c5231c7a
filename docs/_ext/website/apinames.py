"""API names written as inline code link to their reference, once per section, in every language.

Pages write `abort(404)` or `app.logger` as plain code; translators keep code as it
is, so the same names appear in every language's doctree. After the page is read
and translated, the first mention of each name in a section becomes a reference:

- a dotted name an inventory holds exactly (``logging.handlers.SMTPHandler``), or a
  name listed in ``api_names.toml`` under ``[python]``, becomes a cross-reference that
  intersphinx resolves from the offline inventories; a target it cannot resolve is a
  warning, so the build (``-n -W``) fails and names the page and line;
- a name listed under ``[urls]`` (sentry-sdk has no inventory) links to that page.

Code inside headings, links, cards and example sources is left as it is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.ext.intersphinx import InventoryAdapter
from sphinx.transforms.post_transforms import SphinxPostTransform

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TABLE = Path(__file__).with_name("api_names.toml")
CALL = re.compile(r"^(?P<name>[A-Za-z_][\w.]*)\(.*\)$", re.DOTALL)
NAME = re.compile(r"^[A-Za-z_][\w.]*$")
# Containers whose code is not prose: an example's source and its cards.
SKIPPED_CLASSES = {"guide-example", "guide-card", "guide-run"}


def load_table(path: Path | None = None) -> tuple[dict[str, str], dict[str, str]]:
    path = path or TABLE
    with path.open("rb") as stream:
        table = tomllib.load(stream)
    unknown = set(table) - {"python", "urls"}
    if unknown:
        raise ValueError(f"{path}: unknown table(s) {', '.join(sorted(unknown))}: use [python] or [urls]")
    return dict(table.get("python", {})), dict(table.get("urls", {}))


def lookup_key(code: str) -> str | None:
    """The name a piece of inline code mentions: ``@app.errorhandler(404)`` -> ``app.errorhandler``."""
    code = code.strip().removeprefix("@")
    call = CALL.match(code)
    if call:
        code = call["name"]
    return code if NAME.match(code) else None


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.reference, addnodes.pending_xref, nodes.title, nodes.caption)):
            return True
        if SKIPPED_CLASSES & set(parent.get("classes", [])):
            return True
        parent = parent.parent
    return bool(SKIPPED_CLASSES & set(node.get("classes", [])))


def _section_of(node: nodes.Node) -> nodes.Node | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent


class LinkApiNames(SphinxPostTransform):
    # Before Sphinx resolves references (ReferencesResolver, 10), so intersphinx sees these.
    default_priority = 5

    def run(self, **kwargs) -> None:
        python, urls = load_table()  # a small file: read for each page, so edits show at once
        inventory = InventoryAdapter(self.env).main_inventory  # object type -> {name: item}
        # A name a role already links in a section is not linked again there.
        linked = {
            (id(_section_of(xref)), xref["reftarget"])
            for xref in self.document.findall(addnodes.pending_xref)
            if xref.get("refdomain") == "py"
        }
        for literal in list(self.document.findall(nodes.literal)):
            key = lookup_key(literal.astext())
            if key is None or _skipped(literal):
                continue
            held = "." in key and any(key in objects for objects in inventory.values())
            target = python.get(key) or (key if held else None)
            url = urls.get(key)
            if target is None and url is None:
                continue
            seen = (id(_section_of(literal)), target or url)
            if seen in linked:
                continue
            linked.add(seen)
            code = literal.deepcopy()
            if target is not None:
                code["classes"] += ["xref", "py", "py-obj"]
                link = addnodes.pending_xref(
                    "",
                    code,
                    refdomain="py",
                    reftype="obj",
                    reftarget=target,
                    refexplicit=True,
                    refwarn=True,
                    refdoc=self.env.docname,
                )
            else:
                link = nodes.reference("", "", code, refuri=url, internal=False)
            link.source, link.line = literal.source, literal.line
            literal.replace_self(link)


def setup(app):
    app.add_post_transform(LinkApiNames)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
