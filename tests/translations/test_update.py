"""`update` on a throwaway docs tree: templates from a clean folder, msgmerge, orphans removed (T2)."""

from __future__ import annotations

import textwrap

import polib
import pytest

CONF = """\
extensions = ["myst_parser"]
locale_dirs = ["../locales"]
gettext_compact = False
gettext_uuid = False
"""


@pytest.fixture
def tree(project):
    """Two pages and a conf.py: the smallest site `update` can work on."""
    (project.root / "conf.py").write_text(CONF, encoding="utf-8")
    (project.root / "docs" / "index.md").write_text(
        "# Home\n\n```{toctree}\npage\nold\n```\n\nThe handler answers with a status.\n", encoding="utf-8"
    )
    (project.root / "docs" / "page.md").write_text("# A page\n\nErrors happen.\n", encoding="utf-8")
    (project.root / "docs" / "old.md").write_text("# Old page\n\nSoon gone.\n", encoding="utf-8")
    interface = project.catalog("zh_TW", [("Search", "搜尋")], page="sphinx")
    return project, interface.read_text(encoding="utf-8")


def catalog(project, language, page):
    return polib.pofile(str(project.root / "locales" / language / "LC_MESSAGES" / f"{page}.po"))


def test_update_creates_merges_marks_fuzzy_and_removes_orphans(tree, capsys):
    project, interface = tree
    status, lines = project.run("update", capsys=capsys)
    assert status == 0, project.err
    for language in ("zh_CN", "zh_TW", "pt"):
        for page in ("index", "page", "old"):
            assert f"created locales/{language}/LC_MESSAGES/{page}.po" in lines
    first = catalog(project, "pt", "index")
    assert first.metadata["Language"] == "pt_BR"
    assert first.metadata["Plural-Forms"].startswith("nplurals=2")
    assert [entry.occurrences for entry in first if entry.msgid == "Home"] == [[("docs/index.md", "1")]]

    # A translator translates; the author changes one sentence and removes a page.
    page = catalog(project, "zh_TW", "index")
    page.find("The handler answers with a status.").msgstr = "處理器以狀態碼回應。"
    page.find("Home").msgstr = "首頁"
    page.save()
    (project.root / "docs" / "index.md").write_text(
        "# Home\n\n```{toctree}\npage\n```\n\nThe handler answers with a status code.\n", encoding="utf-8"
    )
    (project.root / "docs" / "old.md").unlink()
    (project.root / "locales" / "zh_TW" / "LC_MESSAGES" / "old.mo").write_bytes(b"")  # as a build leaves it

    status, lines = project.run("update", capsys=capsys)
    assert status == 0, project.err
    messages = project.root / "locales" / "zh_TW" / "LC_MESSAGES"
    assert not (messages / "old.po").exists() and not (messages / "old.mo").exists()
    assert "removed locales/zh_TW/LC_MESSAGES/old.po (its page is gone)" in lines
    assert not (project.root / "_build" / "gettext" / "old.pot").exists()
    assert (messages / "sphinx.po").read_text(encoding="utf-8") == interface  # never touched

    merged = catalog(project, "zh_TW", "index")
    changed = merged.find("The handler answers with a status code.")
    assert changed.fuzzy and changed.msgstr == "處理器以狀態碼回應。"
    assert changed.previous_msgid == "The handler answers with a status."
    assert merged.find("Home").msgstr == "首頁" and not merged.find("Home").fuzzy
    assert not merged.obsolete_entries()
    text = (messages / "index.po").read_text(encoding="utf-8")
    assert '#| msgid "The handler answers with a status."' in text

    # The released language now fails on the fuzzy entry, with the old English pointed out.
    status, problems = project.check(capsys)
    assert status == 1
    assert any("fuzzy entry (the English changed" in line and "index.po" in line for line in problems)

    # A page whose English did not change keeps its catalog byte for byte, though the
    # templates were made again (with a new creation date).
    assert "updated locales/zh_TW/LC_MESSAGES/page.po" not in lines
    assert [line for line in lines if line.startswith("updated")] == [
        f"updated locales/{language}/LC_MESSAGES/index.po" for language in ("zh_CN", "zh_TW", "pt")
    ]


POT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: ../../docs/{source}:1
{uuid}msgid "A"
msgstr ""
"""


@pytest.mark.parametrize(
    ("pot", "source", "uuid", "message"),
    [
        ("guide.pot", "guide/a.md", "", "set gettext_compact = False"),  # one template per folder
        ("page.pot", "page.md", "#: 0123456789abcdef0123456789abcdef\n", "set gettext_uuid = False"),
    ],
)
def test_update_refuses_compact_or_uuid_templates(project, capsys, pot, source, uuid, message):
    gettext = project.root / "_build" / "gettext"
    gettext.mkdir(parents=True)
    (gettext / pot).write_text(POT.format(source=source, uuid=uuid), encoding="utf-8")
    status, _ = project.run("update", "--no-build", capsys=capsys)
    assert status == 2
    assert message in project.err
    assert not (project.root / "locales").exists()


def test_update_merges_existing_templates_with_repository_paths(project, capsys):
    gettext = project.root / "_build" / "gettext"
    gettext.mkdir(parents=True)
    (gettext / "page.pot").write_text(POT.format(source="page.md", uuid=""), encoding="utf-8")
    status, _ = project.run("update", "--no-build", capsys=capsys)
    assert status == 0, project.err
    catalog_path = project.root / "locales" / "zh_CN" / "LC_MESSAGES" / "page.po"
    text = catalog_path.read_text(encoding="utf-8")
    assert "#: docs/page.md:1\n" in text
    assert '"Language: zh_CN\\n"' in text
    status, lines = project.run("update", "--no-build", capsys=capsys)  # the same templates again
    assert status == 0
    assert not [line for line in lines if line.startswith(("created", "updated", "removed"))]
    assert catalog_path.read_text(encoding="utf-8") == text


def test_a_failed_template_build_removes_nothing(tree, capsys):
    project, _ = tree
    kept = project.catalog("pt", [("Home", "Início")], page="old")
    (project.root / "conf.py").write_text("raise RuntimeError('broken conf')\n")
    status, _ = project.run("update", capsys=capsys)
    assert status == 2
    assert "sphinx-build -b gettext failed" in project.err
    assert kept.exists()


def test_stats_counts_entries_per_language_and_page(project, capsys):
    project.catalog("zh_TW", [("One", "一"), ("Two", "二", "fuzzy"), ("Three", ""), ("Four", "四")])
    project.catalog("zh_TW", [("Search", "")], page="sphinx")  # interface strings: not counted
    status, lines = project.run("stats", "--pages", capsys=capsys)
    assert status == 0
    rows = {line.split()[0]: line.split()[-5:] for line in lines[1:]}
    assert rows["zh_TW"] == ["4", "2", "1", "1", "50.0%"]
    assert rows["page"] == ["4", "2", "1", "1", "50.0%"]
    assert lines[0].split() == ["language", "entries", "translated", "fuzzy", "untranslated", "done"]
    assert textwrap.dedent(lines[1]).startswith("zh_CN")


def test_check_reports_catalogs_that_update_has_not_seen(project, capsys):
    gettext = project.root / "_build" / "gettext"
    gettext.mkdir(parents=True)
    (gettext / "page.pot").write_text(POT.format(source="page.md", uuid=""), encoding="utf-8")
    project.catalog("zh_TW", [("Old text", "舊文字")])
    project.catalog("pt", [("Old text", "")])  # not released: its gaps are not errors
    status, lines = project.check(capsys, "--templates", "_build/gettext")
    assert status == 1
    assert lines == [
        'locales/zh_TW/LC_MESSAGES/page.po: out of date: 1 message(s) new in docs/page.md, such as "A": '
        "run `nox -s translations -- update`",
        "locales/zh_TW/LC_MESSAGES/page.po: out of date: 1 message(s) gone from docs/page.md, "
        'such as "Old text": run `nox -s translations -- update`',
    ]
    project.catalog("zh_TW", [("A", "甲")])
    assert project.check(capsys, "--templates", "_build/gettext") == (0, [])
