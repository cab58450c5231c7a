"""`check` rejects what must not ship and passes a correct catalog."""

from __future__ import annotations

import re

import pytest

from .conftest import line_of

GOOD = [
    ("Error handlers", "錯誤處理器"),
    (
        "Without an id the API answers {run}`api_errors.invalid_usage/missing-id:status`, "
        "as {doc}`error-handlers` explains.",
        "請參閱 {doc}`error-handlers`：沒有 id 時，API 回應 "
        "{run}`api_errors.invalid_usage/missing-id:status`。",
    ),
    ("Read {ref}`the basics <basics>` first.", "請先閱讀{ref}`基礎知識 <basics>`。"),
    ("See [Flask's docs](https://flask.palletsprojects.com/) and <https://example.org/>.",
     "請參閱 [Flask 文件](https://flask.palletsprojects.com/)與 <https://example.org/>。"),
    ("Call `abort(404)` in the view, not `abort(500)`.",
     "在視圖函式中呼叫 `abort(500)` 以外的 `abort(404)`。"),
    ("The **status** is {{ status }}.", "**狀態** 是 {{ status }}。"),
    ("This is *important*.", "這很 *重要*。"),
]  # fmt: skip


def test_a_correct_catalog_passes(project, capsys):
    project.catalog("zh_TW", GOOD)
    status, lines = project.check(capsys)
    assert (status, lines) == (0, [])


def test_a_dropped_role_is_reported_with_file_and_line(project, capsys):
    path = project.catalog(
        "zh_TW",
        [
            ("Error handlers", "錯誤處理器"),
            ("It answers {run}`app/missing:status`.", "它回應 400。"),
        ],
    )
    status, lines = project.check(capsys)
    line = line_of(path, "It answers {run}`app/missing:status`.")
    assert status == 1
    assert lines == [
        f"locales/zh_TW/LC_MESSAGES/page.po:{line}: role {{run}}`app/missing:status` is missing from the "
        'translation (msgid: "It answers {run}`app/missing:status`.")'
    ]


def test_a_role_whose_text_changed_is_reported(project, capsys):
    project.catalog(
        "zh_TW", [("It answers {run}`app/missing:status`.", "它回應 {run}`app/missing:header:Allow`。")]
    )
    _, lines = project.check(capsys)
    assert any("role {run}`app/missing:status` is missing" in line for line in lines)
    assert any("role {run}`app/missing:header:Allow` is not in the source" in line for line in lines)


def test_only_the_title_of_a_titled_role_may_change(project, capsys):
    project.catalog(
        "zh_TW",
        [
            (
                "See {doc}`error-handlers`.",
                "請參閱{doc}`錯誤處理器 <error-handlers>`。",
            ),  # a title added: fine
            (
                "See {doc}`the basics <index>`.",
                "請參閱{doc}`基礎 <blueprints>`。",
            ),  # another target: not fine
        ],
    )
    _, lines = project.check(capsys)
    assert len(lines) == 2
    assert "role {doc}`index` is missing from the translation" in lines[0]
    assert "role {doc}`blueprints` is not in the source" in lines[1]


def test_roles_may_come_in_another_order(project, capsys):
    project.catalog("zh_TW", [("{doc}`a` then {doc}`b`.", "先 {doc}`b` 再 {doc}`a`。")])
    assert project.check(capsys) == (0, [])


def test_a_role_used_twice_must_stay_twice(project, capsys):
    project.catalog("zh_TW", [("{doc}`a`, {doc}`a` again.", "{doc}`a`。")])
    _, lines = project.check(capsys)
    assert len(lines) == 1
    assert "role {doc}`a` is missing from the translation (1 of 2)" in lines[0]


@pytest.mark.parametrize(
    ("msgid", "msgstr", "expected"),
    [
        pytest.param(
            "Read [the docs](https://flask.palletsprojects.com/en/stable/).",
            "閱讀[文件](https://flask.palletsprojects.com/zh/)。",
            'link target "https://flask.palletsprojects.com/en/stable/" is missing',
            id="inline-link",
        ),
        pytest.param(
            "Mail <mailto:ops@example.org>.", "寄信給 ops@example.org。",
            'link target "mailto:ops@example.org"',
            id="autolink",
        ),
        pytest.param(
            "Read [the docs](https://example.org/).", "閱讀 [文件] (https://example.org/)。",
            'link target "https://example.org/" is missing', id="broken-link-syntax",
        ),
    ],
)  # fmt: skip
def test_a_changed_link_target_is_reported(project, capsys, msgid, msgstr, expected):
    project.catalog("zh_TW", [(msgid, msgstr)])
    status, lines = project.check(capsys)
    assert status == 1
    assert any(expected in line for line in lines), lines


def test_changed_inline_code_is_reported(project, capsys):
    project.catalog("zh_TW", [("Call `abort(404)`.", "呼叫 `abort(400)`。")])
    _, lines = project.check(capsys)
    assert [re.sub(r"^.*?: ", "", line, count=1) for line in lines] == [
        'inline code "abort(404)" is missing from the translation (msgid: "Call `abort(404)`.")',
        'inline code "abort(400)" is not in the source (msgid: "Call `abort(404)`.")',
    ]


def test_a_changed_substitution_is_reported(project, capsys):
    project.catalog("zh_TW", [("Status {{ status }}.", "狀態 {{ code }}。")])
    _, lines = project.check(capsys)
    assert any('substitution "status" is missing' in line for line in lines)


def test_a_trailing_noqa_skips_the_reference_checks_as_sphinx_does(project, capsys):
    project.catalog("zh_TW", [("See {term}`handler`.", "請參閱處理器。 #noqa")])
    assert project.check(capsys) == (0, [])


@pytest.mark.parametrize(
    "msgstr",
    [
        "使用**「自訂」**頁面。",  # punctuation inside, a letter outside: cannot open or close
        "**「自訂」**頁面。",
        "頁面是**「自訂」**",
        "這是*「重要」*的。",
        "中__強調__文。",
    ],
)
def test_emphasis_that_myst_leaves_as_asterisks_is_reported(project, capsys, msgstr):
    project.catalog("zh_TW", [("Use the **custom** page.", msgstr)])
    status, lines = project.check(capsys)
    assert status == 1
    assert len(lines) == 1
    assert "emphasis that MyST will not render" in lines[0]


@pytest.mark.parametrize(
    "msgstr",
    [
        "使用 **「自訂」** 頁面。",  # spaces around the markers
        "使用**自訂**頁面。",  # letters on both sides: parsed
        "使用「自訂」頁面。",  # no emphasis at all: the safe choice
        "使用 {term}`自訂 <custom>` 頁面。",
    ],
)
def test_emphasis_that_myst_renders_passes(project, capsys, msgstr):
    source = "Use the **custom** page." if "term" not in msgstr else "Use the {term}`custom` page."
    project.catalog("zh_TW", [(source, msgstr)])
    assert project.check(capsys) == (0, [])


def test_an_escaped_asterisk_is_meant_literally(project, capsys):
    project.catalog("zh_TW", [("Glob it.", "用 \\*.py 比對。")])
    assert project.check(capsys) == (0, [])


def test_a_fuzzy_entry_fails_in_a_released_language_only(project, capsys):
    path = project.catalog("zh_TW", [("Error handlers", "錯誤處理器", "fuzzy")])
    project.catalog("pt", [("Error handlers", "Manipuladores", "fuzzy")])
    status, lines = project.check(capsys)
    assert status == 1
    assert lines == [
        f"locales/zh_TW/LC_MESSAGES/page.po:{line_of(path, 'Error handlers')}: "
        'fuzzy entry: review it, then remove the fuzzy flag (msgid: "Error handlers")'
    ]


def test_a_fuzzy_entry_says_when_msgmerge_kept_the_old_english(project, capsys):
    path = project.catalog(
        "zh_TW",
        [],
        raw='#, fuzzy\n#| msgid "Error handler"\nmsgid "Error handlers"\nmsgstr "錯誤處理器"\n',
    )
    _, lines = project.check(capsys)
    assert lines == [
        f"locales/zh_TW/LC_MESSAGES/page.po:{line_of(path, 'Error handlers')}: "
        "fuzzy entry (the English changed: `#|` shows what it was): "
        'review it, then remove the fuzzy flag (msgid: "Error handlers")'
    ]


def test_a_missing_entry_fails_in_a_released_language_only(project, capsys):
    path = project.catalog("zh_TW", [("Error handlers", "錯誤處理器"), ("Logging", "")])
    project.catalog("zh_CN", [("Error handlers", ""), ("Logging", "")])
    status, lines = project.check(capsys)
    assert status == 1
    line = line_of(path, "Logging")
    assert lines == [f'locales/zh_TW/LC_MESSAGES/page.po:{line}: untranslated entry (msgid: "Logging")']


def test_released_languages_can_be_chosen_on_the_command_line(project, capsys):
    project.catalog("zh_TW", [("Logging", "")])
    project.catalog("pt", [("Logging", "")])
    assert project.check(capsys, "--released", "none") == (0, [])
    status, lines = project.check(capsys, "--released", "pt")
    assert (status, len(lines)) == (1, 1)
    assert lines[0].startswith("locales/pt/LC_MESSAGES/page.po:")
    assert project.check(capsys, "--released", "all")[0] == 1


def test_a_released_language_needs_a_catalog_for_every_page(project, capsys):
    (project.root / "docs" / "new-page.md").write_text("# New\n", encoding="utf-8")
    project.catalog("zh_TW", [("A page", "一頁")])
    _, lines = project.check(capsys)
    assert lines == [
        "locales/zh_TW/LC_MESSAGES/new-page.po: missing catalog for docs/new-page.md: "
        "run `nox -s translations -- update`"
    ]


def test_a_catalog_whose_page_is_gone_is_reported(project, capsys):
    project.catalog("zh_TW", [("A page", "一頁")])
    project.catalog("zh_CN", [("Old", "旧")], page="removed")
    _, lines = project.check(capsys)
    assert lines == [
        "locales/zh_CN/LC_MESSAGES/removed.po: the page docs/removed.md no longer exists: "
        "run `nox -s translations -- update`, which removes its catalog"
    ]


def test_a_catalog_with_a_syntax_error_is_invalid(project, capsys):
    project.catalog("zh_TW", [("A page", "一頁")], raw='msgid "Broken\nmsgstr "壞了"\n')
    status, lines = project.check(capsys)
    assert status == 1
    assert lines, "msgfmt should have complained"
    assert all(line.startswith("locales/zh_TW/LC_MESSAGES/page.po:") for line in lines)
    assert any("invalid catalog (msgfmt)" in line for line in lines)
    assert re.match(r"locales/zh_TW/LC_MESSAGES/page\.po:1[4-6]: ", lines[0]), lines


def test_a_catalog_with_a_mismatched_format_is_invalid(project, capsys):
    path = project.catalog("zh_TW", [("Built with %(sphinx)s.", "使用 %(sfinx)s 建置。", "python-format")])
    status, lines = project.check(capsys)
    assert status == 1
    assert len(lines) == 1
    line = line_of(path, "Built with %(sphinx)s.") + 1  # msgfmt points at the msgstr
    assert lines[0].startswith(f"locales/zh_TW/LC_MESSAGES/page.po:{line}: invalid catalog (msgfmt): ")
    assert "sfinx" in lines[0] or "sphinx" in lines[0]


def test_a_translation_that_adds_a_newline_is_invalid(project, capsys):
    project.catalog("zh_TW", [("A page", "一頁\n")])
    status, lines = project.check(capsys)
    assert status == 1
    assert "invalid catalog (msgfmt)" in lines[0]


def test_the_interface_catalog_is_validated_but_not_checked_as_myst(project, capsys):
    project.catalog("zh_TW", [("A page", "一頁")])
    project.catalog("zh_TW", [("Search", "搜尋"), ("Untranslated here", "")], page="sphinx")
    assert project.check(capsys) == (0, [])
    project.catalog("zh_TW", [("Search", "搜尋"), ("Broken", "壞\n")], page="sphinx")
    status, lines = project.check(capsys)
    assert status == 1
    assert lines[0].startswith("locales/zh_TW/LC_MESSAGES/sphinx.po:")


def test_a_bad_configuration_exits_with_status_2(project, capsys):
    (project.root / "pyproject.toml").write_text("[tool.guide.translations]\nreleased = ['xx']\n")
    assert project.check(capsys)[0] == 2
    assert "languages must map" in project.err
