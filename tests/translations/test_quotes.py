"""Quotation marks: a glossary's `[quotes]` table, enforced by `check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogs import glossary

from .conftest import line_of

ROOT = Path(__file__).resolve().parents[2]

CN_QUOTES = """
[quotes]
marks = "“”"
inner = "‘’"
avoid = ["「", "」"]
"""


def test_an_avoided_mark_is_reported_at_its_entry(project, capsys):
    project.glossary("zh_TW", CN_QUOTES)
    msgid = 'It says "Nothing here".'
    path = project.catalog("zh_TW", [("A page", "一頁"), (msgid, "頁面上寫著「Nothing here」。")])
    status, lines = project.check(capsys)
    where = f"locales/zh_TW/LC_MESSAGES/page.po:{line_of(path, msgid)}: "
    shown = "the glossary says this language quotes with “…” (‘…’ inside)"
    assert status == 1
    assert lines == [
        where + f'quotation mark "「": {shown} (msgid: "It says \\"Nothing here\\".")',
        where + f'quotation mark "」": {shown} (msgid: "It says \\"Nothing here\\".")',
    ]


def test_the_language_marks_and_inline_code_pass(project, capsys):
    project.glossary("zh_TW", CN_QUOTES)
    project.catalog(
        "zh_TW",
        [
            ('It says "Nothing here".', "页面上写着“Nothing here”。"),
            ("Write `「」` around a word.", "用 `「」` 把词括起来。"),  # code stays as the English has it
            ('The message "{run}`app/x:log:0:message`".', "消息“{run}`app/x:log:0:message`”。"),
            # A Python role's title is shown as code, so its quotes are the code's.
            ('Use {py:meth}`g.get("a") <dict.get>`.', '使用 {py:meth}`g.get("a") <dict.get>`。'),
        ],
    )
    assert project.check(capsys) == (0, [])


def test_marks_that_do_not_pair_up_are_reported(project, capsys):
    project.glossary("zh_TW", CN_QUOTES)
    project.catalog("zh_TW", [('It says "Nothing here".', "页面上写着“Nothing here。")])
    status, lines = project.check(capsys)
    assert status == 1
    assert len(lines) == 1
    assert 'unbalanced quotation marks: 1 "“" and 0 "”"' in lines[0]


def test_the_interface_catalog_is_checked_for_quotes(project, capsys):
    project.glossary("zh_TW", CN_QUOTES)
    project.catalog("zh_TW", [("A page", "一頁")])
    project.catalog(
        "zh_TW", [("No match for “%(query)s”.", "没有与「%(query)s」相符的章节。")], page="sphinx"
    )
    _, lines = project.check(capsys)
    assert len(lines) == 2
    assert all(line.startswith("locales/zh_TW/LC_MESSAGES/sphinx.po:") for line in lines)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[quotes]\nmarks = "“"\n', "marks must be two characters"),
        ('[quotes]\nmarks = "“”"\ninner = "‘"\n', "inner must be two characters"),
        ('[quotes]\nmarks = "“”"\navoid = "「」"\n', "avoid must be a list of non-empty strings"),
        ('[quotes]\nmarks = "“”"\navoid = ["”"]\n', "'”' is both used and avoided"),
        ('[quotes]\nmarks = "“”"\nopen = "“"\n', "unknown key(s) open"),
        ('quotes = "“”"\n', "[quotes] must be a table"),
    ],
)
def test_a_broken_quotes_table_is_reported(project, capsys, table, message):
    project.glossary("zh_TW", table)
    project.catalog("zh_TW", [("A page", "一頁")])
    status, lines = project.check(capsys)
    assert status == 1
    assert lines[0].startswith("locales/zh_TW/glossary.toml: invalid glossary: ")
    assert message in lines[0]


@pytest.mark.parametrize(
    ("language", "good", "bad"),
    [
        ("zh_CN", "页面上写着“Nothing here”。", {"「", "」"}),
        ("zh_TW", "頁面上寫著「Nothing here」。", {"“", "”"}),
        ("pt", "A página diz “Nothing here”.", {"«", "»"}),
    ],
)
def test_each_real_glossary_settles_its_quotation_marks(language, good, bad):
    loaded = glossary.load(ROOT / "locales" / language / "glossary.toml", language)
    assert loaded.quotes is not None
    assert loaded.problems(good) == []
    wrong = good.replace(loaded.quotes.marks[0], min(bad)).replace(loaded.quotes.marks[1], max(bad))
    flagged = {problem.split('"')[1] for problem in loaded.problems(wrong)}
    assert flagged == bad
