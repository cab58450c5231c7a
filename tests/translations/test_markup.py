"""The markup reader agrees with MyST, the built-HTML scan finds leaks, and the settings match conf.py."""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import pytest

from catalogs import config, markup

from .conftest import line_of

ROOT = Path(__file__).resolve().parents[2]

EMPHASIS = [
    "使用**「自訂」**頁面",
    "使用 **「自訂」** 頁面",
    "這是**重要**的",
    "这是**重要的**。",
    "**重要**：請注意",
    "請注意**重要**。",
    "**「自訂」**頁面",
    "頁面**「自訂」**",
    "用 *斜體* 字",
    "用*「斜體」*字",
    "中__强调__文",
    "A **bold** word, a *slanted* one.",
    "Uma palavra **importante**, e *outra*.",
    "a**b**c and 2 * 3 * 4",
]


def myst_render(text: str):
    """What MyST-Parser makes of a string: emphasis nodes, and `*` or `_` left in its text."""
    docutils = pytest.importorskip("docutils")
    from docutils.core import publish_doctree
    from myst_parser.parsers.docutils_ import Parser

    tree = publish_doctree(text, parser=Parser(), settings_overrides={"report_level": 5})
    nodes = docutils.nodes
    spans = sum(1 for node in tree.findall(lambda n: isinstance(n, (nodes.emphasis, nodes.strong))))
    literal = sum(
        node.astext().count("*") + node.astext().count("_")
        for node in tree.findall(nodes.Text)
        if not isinstance(node.parent, nodes.literal)
    )
    return spans, literal


@pytest.mark.parametrize("text", EMPHASIS)
def test_emphasis_is_read_as_myst_renders_it(text):
    ours = markup.parse(text)
    assert (ours.emphasis, sum(ours.literal.values())) == myst_render(text)


def test_what_a_message_must_keep():
    found = markup.parse(
        "See {doc}`Title <page>`, {run}`a/b:status`, [x](https://e.org/), <https://f.org/>, "
        "`code`, {{ sub }} and a note[^1]."
    )
    assert found.roles == {"{doc}`page`": 1, "{run}`a/b:status`": 1}
    assert found.links == {"https://e.org/": 1, "https://f.org/": 1}
    assert found.code == {"code": 1}
    assert found.substitutions == {"sub": 1}
    assert found.footnotes == {"1": 1}
    assert "Title" in found.prose and "a/b:status" not in found.prose


HTML = """<!doctype html><html><head><title>頁面</title><script>var a = "**";</script></head>
<body><article><p>使用**「自訂」**頁面</p><p>呼叫 <code>a**b</code> 與 <code>{run}</code></p>
<pre>`not prose`</pre><p>見 {doc}<code>index</code>。</p></article></body></html>
"""


def test_markup_leaked_into_built_pages_is_traced_to_its_entry(project, capsys):
    path = project.catalog("zh_TW", [("Use the **custom** page.", "使用 **「自訂」** 頁面"), ("B", "B")])
    html = project.root / "_build" / "html" / "zh_TW"
    html.mkdir(parents=True)
    (html / "page.html").write_text(HTML, encoding="utf-8")
    os.utime(html / "page.html", (path.stat().st_mtime - 60,) * 2)
    # The catalog was fixed after the build, but the page still shows the old text.
    status, lines = project.check(capsys, "--html", "_build/html")
    assert status == 1
    assert lines == [
        "_build/html/zh_TW: not scanned: the build is older than its catalogs (run `nox -s docs -- zh_TW`)"
    ]
    path.write_text(
        path.read_text("utf-8").replace("使用 **「自訂」** 頁面", "使用**「自訂」**頁面"), "utf-8"
    )
    (html / "page.html").touch()
    status, lines = project.check(capsys, "--html", "_build/html")
    assert status == 1
    where = f"locales/zh_TW/LC_MESSAGES/page.po:{line_of(path, 'Use the **custom** page.')}"
    assert any(line.startswith(f"{where}: emphasis that MyST will not render") for line in lines)
    leaks = sorted(line for line in lines if "markup leaked" in line)
    assert leaks == [
        '_build/html/zh_TW/page.html: markup leaked into _build/html/zh_TW/page.html: {role} in "見 {doc}"',
        f'{where}: markup leaked into _build/html/zh_TW/page.html: ** in "使用**「自訂」**頁面" '
        '(msgid: "Use the **custom** page.")',
    ]


def test_the_settings_agree_with_conf_py():
    conf = runpy.run_path(str(ROOT / "conf.py"))
    settings = config.load(ROOT)
    assert conf["gettext_compact"] is False
    assert conf["gettext_uuid"] is False
    assert conf["locale_dirs"] == ["../locales"]
    assert set(settings.languages) == set(conf["website_languages"]) - {conf["language"]}
    assert settings.languages["pt"] == "pt_BR"  # the pages are Brazilian Portuguese
    assert set(settings.released) <= set(settings.languages)
