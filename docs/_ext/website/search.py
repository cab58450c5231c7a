"""The site's search: a Pagefind index of each language's sections, and the page that queries it.

Sphinx's own search ranks whole pages, cuts snippets from flattened code and
downloads every matching page to make them; its Chinese indexing needs jieba.
Here Pagefind (its extended build, which indexes Chinese and stems Portuguese)
indexes every section of every page as a record of its own: the
section's heading, then its prose. A query is ranked against sections, so the
section that answers it comes first, its heading counting for more than its
text, and the snippet is cut from that section's prose. The index is split
into chunks: a query fetches the chunks for its words and the records shown.

- Sphinx writes no search index of its own (``builder.search``, the switch its
  help builders turn off); the search page is added as an extra page.
- The records come from each page's doctree in the language being built,
  without examples (their sources and cards) or any other code block.
- A failure stops the build with what Pagefind said; so does a page without
  a section, or an index with fewer records than it was given, which the
  search would silently lack.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError

NOT_INDEXED_PAGES = {"404"}
# Where the index gets a word boundary the text lacks (_indexed_text).
WORD_BREAK = " \u2060"  # a space, where the index splits words, marked as added by a word joiner
INDEX_ONLY = "\u2063"  # before a word that only the index is to see
ASCII_RUN = re.compile(r"[!-~]+")  # a name with what is written around it: `@app.errorhandler()`
DOTTED_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+", re.ASCII)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
BETWEEN_HAN = re.compile(f"(?<=[{HAN}])(?=[{HAN}])")
NOT_PROSE = (nodes.literal_block, nodes.comment, nodes.raw, nodes.substitution_definition)


def no_sphinx_index(app) -> None:
    if app.builder.format == "html":
        app.builder.search = False


def search_page(app):
    """The search page, which Sphinx adds only along with its own index."""
    if app.builder.format == "html":
        yield "search", {}, "search.html"


def _is_prose(node) -> bool:
    if isinstance(node, (nodes.section, *NOT_PROSE)):
        return False
    return "guide-example" not in node.get("classes", ())


def _paragraphs(section: nodes.section) -> Iterator[str]:
    """The text of the section's own blocks, one per paragraph, leaving out its subsections."""
    for child in section.children[1:]:
        if not isinstance(child, nodes.Element) or not _is_prose(child):
            continue
        if isinstance(child, nodes.TextElement):
            yield child.astext()
            continue
        for block in child.findall(nodes.TextElement):
            if isinstance(block, (nodes.paragraph, nodes.term, nodes.rubric)) and all(
                _is_prose(parent) for parent in _ancestors(block, child)
            ):
                yield block.astext()


def _ancestors(node, top) -> Iterator[nodes.Element]:
    while node is not top:
        node = node.parent
        yield node


def section_records(app, docname: str) -> Iterator[str]:
    """Each section of a page as a small HTML document, which Pagefind indexes as one record."""
    doctree = app.env.get_doctree(docname)
    sections = list(doctree.findall(nodes.section))
    if not sections:
        raise ExtensionError(f"{app.env.doc2path(docname)}: no section, so nothing to search on this page")
    page_title = sections[0][0].astext()
    url = app.builder.get_target_uri(docname)
    tag = app.config.website_languages[app.config.language]["tag"]
    for number, section in enumerate(sections):
        title = section[0].astext()
        text = "".join(f"<p>{_indexed_text(paragraph, tag)}</p>" for paragraph in _paragraphs(section))
        link = url if number == 0 else f"{url}#{section['ids'][0]}"
        yield (
            f'<html lang="{html.escape(tag)}"><head>'
            f'<meta data-pagefind-meta="link[content]" content="{html.escape(link)}">'
            f'<meta data-pagefind-meta="title[content]" content="{html.escape(title)}">'
            f'<meta data-pagefind-meta="page[content]" content="{html.escape(page_title)}"></head>'
            f"<body><h1>{_indexed_text(title, tag)}</h1>{text}</body></html>"
        )


def _indexed_text(text: str, tag: str) -> str:
    """Escaped text, with what the index needs and a reader does not see.

    The search page removes both from the snippets it shows (docs/_static/search.js_t).
    - After a dotted name, the shorter names it ends with, each marked index-only by an
      invisible separator (U+2063): ``flask.logging.default_handler`` is then found by
      ``default_handler`` and ``logging.default_handler`` too. Pagefind indexes it whole
      and by its parts split at every dot and underscore (flask, logging, default,
      handler), so a query for the name a reader knows it by would miss it.
    - On a Chinese page, a word boundary between every two Chinese characters: a space
      and a word joiner (U+2060). Pagefind 1.5 segments Chinese with jieba's dictionary
      when it indexes, and a query with the browser's Intl.Segmenter, whose dictionary
      cuts words differently (Pagefind/pagefind#1237): 页面 is one word in the index and
      two in the query, which then finds nothing. Indexed character by character, and
      queried the same way, Chinese text is found wherever its characters occur.
    """
    text = ASCII_RUN.sub(_with_shorter_names, html.escape(text))
    return BETWEEN_HAN.sub(WORD_BREAK, text) if tag.startswith("zh") else text


def _with_shorter_names(match: re.Match) -> str:
    """The run of text, then each shorter name its dotted names end with, marked index-only."""
    shorter = []
    for name in DOTTED_NAME.findall(match.group()):
        parts = name.split(".")
        shorter += [".".join(parts[start:]) for start in range(1, len(parts))]
    # Pagefind finds a last part without an underscore by itself: only the others are added.
    wanted = [name for name in dict.fromkeys(shorter) if "_" in name or "." in name]
    return match.group() + "".join(f" {INDEX_ONLY}{name}" for name in wanted)


def _write_index(records: list[str], output: Path) -> None:
    """Pagefind's command over the records, one small HTML file each, into ``output``.

    (Pagefind's Python API reads its service's answers ten a second: a hundred records
    took ten seconds a language, the command a fifth of one.)
    """
    from pagefind_bin_extended import get_executable

    with tempfile.TemporaryDirectory() as folder:
        for number, record in enumerate(records):
            Path(folder, f"{number:04}.html").write_text(record, encoding="utf-8")
        command = [str(get_executable()), "--site", folder, "--output-path", str(output), "--silent"]
        run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise ExtensionError(f"Pagefind could not index the sections:\n{(run.stdout + run.stderr).strip()}")
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    if indexed != len(records):
        raise ExtensionError(f"Pagefind indexed {indexed} of {len(records)} sections")


def index_sections(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    records = [
        record
        for docname in sorted(app.env.found_docs - NOT_INDEXED_PAGES)
        for record in section_records(app, docname)
    ]
    bundle = Path(app.outdir) / "pagefind"
    fresh = bundle.with_name("pagefind.new")  # a whole new bundle: no chunk of an older index stays
    shutil.rmtree(fresh, ignore_errors=True)
    _write_index(records, fresh)
    shutil.rmtree(bundle, ignore_errors=True)
    fresh.rename(bundle)
