"""The search index: one record per section, its prose only, written beside the pages and nowhere else."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from building import sphinx_build
from website import search

REPO = Path(__file__).resolve().parents[2]

PAGE = """\
# Handling errors

Register a handler with `app.register_error_handler()`; Flask keeps it in
`flask.logging.default_handler` for this test.

```text
code_only_word
```

## Which handler runs

The most specific one.

- A list item counts as prose.

### 页面与处理器

中文段落。
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    shutil.copy(REPO / "conf.py", tmp_path / "conf.py")
    with (tmp_path / "conf.py").open("a") as conf:  # these pages are not the guide's
        conf.write('\nguide_handtyped = ""\n')
    for folder in ("_templates", "_static", "_inventories"):  # the search page is a template of its own
        shutil.copytree(REPO / "docs" / folder, tmp_path / "docs" / folder)
    monkeypatch.chdir(tmp_path)  # a stray bundle in the working folder would show here
    return tmp_path


def build(project: Path, language: str = "en", *options: str) -> Path:
    out = project / "out" / language
    done = sphinx_build(project, project / "docs", out, "-W", "-D", f"language={language}", *options)
    assert done.returncode == 0, done.output
    return out


@pytest.fixture
def records(monkeypatch) -> list[str]:
    written: list[str] = []
    original = search._write_index

    def spy(records, output):
        written.extend(records)
        original(records, output)

    monkeypatch.setattr(search, "_write_index", spy)
    return written


def test_each_section_is_a_record_of_its_heading_and_prose(project: Path, records) -> None:
    out = build(project)
    links = [re.search(r'"link\[content\]" content="([^"]*)"', record).group(1) for record in records]
    assert links == ["index.html", "index.html#which-handler-runs", f"index.html#{_third_id(out)}"]
    top, which, chinese = records
    assert "<h1>Handling errors</h1>" in top and "code_only_word" not in top
    assert "The most specific one." not in top  # a subsection's text is its own record
    assert "<p>The most specific one.</p><p>A list item counts as prose.</p>" in which
    assert 'lang="en"' in top and 'data-pagefind-meta="page[content]" content="Handling errors"' in which
    assert "中文段落" in chinese  # on an English page, Chinese text is left as it is


def test_dotted_names_are_indexed_by_the_shorter_names_they_end_with(project: Path, records) -> None:
    build(project)
    top = records[0]
    marker = search.INDEX_ONLY
    assert f"flask.logging.default_handler {marker}logging.default_handler {marker}default_handler" in top
    # A last part with no underscore is one Pagefind finds by itself.
    assert f"app.register_error_handler(); {marker}register_error_handler Flask" in top
    assert f"{marker}default_handler" in top and f"{marker}handler " not in top


def test_a_chinese_page_is_indexed_character_by_character(project: Path, records) -> None:
    build(project, "zh_CN")
    chinese = records[2]
    joint = search.WORD_BREAK
    assert f"页{joint}面{joint}与{joint}处{joint}理{joint}器" in chinese
    assert 'lang="zh-CN"' in chinese
    assert 'content="页面与处理器"' in chinese  # the heading a result shows is as written


def test_the_index_lies_beside_the_pages_and_a_rebuild_replaces_it(project: Path) -> None:
    out = build(project)
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3  # one record per section
    assert (out / "search.html").is_file() and not (out / "searchindex.js").exists()
    assert not (project / "pagefind").exists()
    before = sorted(path.name for path in (out / "pagefind").rglob("*"))
    (project / "docs" / "index.md").write_text(PAGE.replace("most specific", "narrowest"), encoding="utf-8")
    build(project)
    after = sorted(path.name for path in (out / "pagefind").rglob("*"))
    assert len(after) == len(before) and after != before  # the old chunks are gone, not kept beside
    assert not (out / "pagefind.new").exists()


def test_a_page_without_a_section_is_named(project: Path) -> None:
    (project / "docs" / "loose.md").write_text("---\norphan: true\n---\n\nJust text.\n")
    done = sphinx_build(project, project / "docs", project / "out", "-W")
    assert done.returncode != 0
    assert "loose.md: no section, so nothing to search on this page" in done.output


def _third_id(out: Path) -> str:
    html = (out / "index.html").read_text(encoding="utf-8")
    return html.split('<section id="')[3].split('"')[0]
