"""API names written as code link to their reference once per section; a wrong target fails the build."""

from __future__ import annotations

import re
from pathlib import Path

from building import sphinx_build
from website import apinames

REPO = Path(__file__).resolve().parents[2]
INVENTORIES = REPO / "docs" / "_inventories"
CONF = f"""
extensions = ["myst_parser", "sphinx.ext.intersphinx", "website.apinames"]
nitpicky = True
myst_enable_extensions = ["colon_fence"]
intersphinx_mapping = {{
    "python": ("https://docs.python.org/3/", {str(INVENTORIES / "python.inv")!r}),
    "flask": ("https://flask.palletsprojects.com/en/stable/", {str(INVENTORIES / "flask.inv")!r}),
    "werkzeug": ("https://werkzeug.palletsprojects.com/en/stable/", {str(INVENTORIES / "werkzeug.inv")!r}),
}}
intersphinx_disabled_reftypes = ["std:*"]
html_theme = "basic"
"""
PAGE = """# Errors

`abort(404)` raises, and so does `abort()`. `logging.handlers.SMTPHandler` mails.
The query's `id` and the field `code` are not Python's. `sentry_sdk.init()` starts Sentry.

## Later

`@app.errorhandler(404)` registers, and `abort()` raises here too.

## About `abort()`

:::{container} guide-card
`abort()` in a card.
:::
"""


def _build(tmp_path: Path, page: str, *options: str):
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "index.md").write_text(page)
    done = sphinx_build(tmp_path, tmp_path, tmp_path / "out", "-W", "-n", *options)
    html = (tmp_path / "out" / "index.html").read_text() if (tmp_path / "out" / "index.html").exists() else ""
    return done, html


def _links(html: str) -> list[str]:
    return re.findall(r'<a class="reference external" href="([^"]+)"', html)


def test_the_first_mention_in_each_section_links(tmp_path: Path) -> None:
    done, html = _build(tmp_path, PAGE)
    assert done.returncode == 0, done.output
    links = _links(html)
    abort = "https://flask.palletsprojects.com/en/stable/api/#flask.abort"
    assert links.count(abort) == 2, links  # once in the first section, once in "Later"
    assert "https://flask.palletsprojects.com/en/stable/api/#flask.Flask.errorhandler" in links
    assert "https://docs.python.org/3/library/logging.handlers.html#logging.handlers.SMTPHandler" in links
    assert "https://docs.sentry.io/platforms/python/configuration/options/" in links
    assert len(links) == 5, links  # not `id`, `code`, the heading or the card
    assert "<code" in html.split(abort)[1][:200]  # the link holds the code as written


def test_a_target_no_inventory_holds_fails_the_build_naming_the_page(tmp_path: Path, monkeypatch) -> None:
    table = tmp_path / "names.toml"
    table.write_text('[python]\nabort = "flask.no_such_function"\n')
    monkeypatch.setattr(apinames, "TABLE", table)
    done, _ = _build(tmp_path, "# Errors\n\n`abort()` raises.\n")
    assert done.returncode != 0
    assert re.search(
        r"index\.md:3: WARNING: py:obj reference target not found: flask\.no_such_function", done.output
    ), done.output


def test_an_unknown_table_is_refused_with_the_file_named(tmp_path: Path) -> None:
    table = tmp_path / "names.toml"
    table.write_text('[pyhton]\nabort = "flask.abort"\n')
    try:
        apinames.load_table(table)
    except ValueError as err:
        assert str(err) == f"{table}: unknown table(s) pyhton: use [python] or [urls]"
    else:
        raise AssertionError("the misspelt table was accepted")


def test_every_name_in_the_table_resolves(tmp_path: Path) -> None:
    python, urls = apinames.load_table()
    page = "# Names\n\n" + "\n".join(f"## `{name}` section\n\n`{name}`\n" for name in python)
    done, html = _build(tmp_path, page)
    assert done.returncode == 0, done.output
    assert len(_links(html)) == len(python)
    assert all(url.startswith("https://docs.sentry.io/") for url in urls.values())
