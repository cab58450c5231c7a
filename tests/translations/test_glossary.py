"""Glossaries: check flags the words a language avoids; the real glossaries load."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogs import glossary

from .conftest import line_of

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("zh_CN", "zh_TW", "pt")

TW = """
[[term]]
english = "server"
preferred = "伺服器"
avoid = ["服務器", "服务器"]

[[term]]
english = "user"
preferred = "使用者"
avoid = ["用戶"]
allow = ["用戶端"]
"""


def test_an_avoided_term_is_reported_at_its_entry(project, capsys):
    project.glossary("zh_TW", TW)
    path = project.catalog("zh_TW", [("A page", "一頁"), ("The server answers.", "服務器回應了。")])
    status, lines = project.check(capsys)
    assert status == 1
    assert lines == [
        f"locales/zh_TW/LC_MESSAGES/page.po:{line_of(path, 'The server answers.')}: "
        'avoided term "服務器": the glossary says "server" is "伺服器" (msgid: "The server answers.")'
    ]


def test_allowed_phrases_and_inline_code_are_not_flagged(project, capsys):
    project.glossary("zh_TW", TW)
    project.catalog(
        "zh_TW",
        [
            ("The client.", "用戶端。"),  # 用戶 inside an allowed phrase
            ("Run `服務器`.", "執行 `服務器`。"),  # code is code
        ],
    )
    assert project.check(capsys) == (0, [])


def test_latin_words_match_whole_words_in_any_case(project, capsys):
    project.glossary("pt", '[[term]]\nenglish = "file"\npreferred = "arquivo"\navoid = ["ficheiro"]\n')
    project.catalog("zh_TW", [("A page", "一頁")])
    project.catalog("pt", [("The file.", "O Ficheiro."), ("Files.", "Ficheiros e ficheirox.")])
    _, lines = project.check(capsys)
    assert len(lines) == 1
    assert 'avoided term "ficheiro"' in lines[0]
    assert '(msgid: "The file.")' in lines[0]


def test_the_interface_catalog_is_checked_against_the_glossary(project, capsys):
    project.glossary("zh_TW", TW)
    project.catalog("zh_TW", [("A page", "一頁")])
    project.catalog("zh_TW", [("Server", "服务器")], page="sphinx")
    _, lines = project.check(capsys)
    assert len(lines) == 1
    assert lines[0].startswith("locales/zh_TW/LC_MESSAGES/sphinx.po:")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('language = "zh_CN"\n', 'language = "zh_TW" is required'),
        ('[[term]]\nenglish = "x"\npreferred = "y"\naviod = ["z"]\n', "unknown key(s) aviod"),
        ('[[term]]\nenglish = "x"\n', "preferred must be a non-empty string"),
        ('[[term]]\nenglish = "x"\npreferred = "甲乙"\navoid = ["乙"]\n', "is part of the preferred term"),
    ],
)
def test_a_broken_glossary_is_reported(project, capsys, text, message):
    path = project.root / "locales" / "zh_TW" / "glossary.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text if text.startswith("language") else 'language = "zh_TW"\n' + text, encoding="utf-8")
    project.catalog("zh_TW", [("A page", "一頁")])
    status, lines = project.check(capsys)
    assert status == 1
    assert lines[0].startswith("locales/zh_TW/glossary.toml: invalid glossary: ")
    assert message in lines[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_real_glossaries_load_and_cover_the_core_terms(language):
    loaded = glossary.load(ROOT / "locales" / language / "glossary.toml", language)
    assert loaded is not None
    english = {term["english"] for term in loaded.terms}
    core = {
        "error handler", "exception", "blueprint", "request", "response", "status code", "route",
        "logger", "handler (logging)", "traceback", "debugger", "application factory", "payload",
        "deployment, deploy",
    }  # fmt: skip
    assert core <= english
    assert any(term.startswith("view") for term in english)


def test_the_portuguese_variant_is_stated_and_european_forms_are_flagged():
    pt = glossary.load(ROOT / "locales" / "pt" / "glossary.toml", "pt")
    assert "Brazilian" in pt.variant
    text = "O utilizador guardou o ficheiro no ecrã; o registo da base de dados."
    flagged = {problem.split('"')[1] for problem in pt.problems(text)}
    assert flagged == {"utilizador", "ficheiro", "ecrã", "registo", "base de dados"}
    assert pt.problems("O usuário salvou o arquivo na tela; o registro do banco de dados. A aplicação.") == []


@pytest.mark.parametrize(
    ("text", "avoided"),
    [
        ("這個程序的默認值", {"程序", "默認"}),
        ("服务器的数据库", {"服务器", "数据库"}),  # simplified script in a zh_TW page
        ("服務器上的信息與調試", {"服務器", "信息", "調試"}),  # mainland words, traditional script
        ("请求失败", {"请求"}),
    ],
)
def test_zh_tw_flags_mainland_terms(text, avoided):
    tw = glossary.load(ROOT / "locales" / "zh_TW" / "glossary.toml", "zh_TW")
    assert {problem.split('"')[1] for problem in tw.problems(text)} == avoided


def test_zh_tw_accepts_taiwan_vocabulary():
    tw = glossary.load(ROOT / "locales" / "zh_TW" / "glossary.toml", "zh_TW")
    text = "這個程式的預設值；伺服器的資料庫；請求與回應；除錯器；訊息與資訊；用戶端；日誌；預存程序。"
    assert tw.problems(text) == []


def test_zh_cn_flags_taiwan_terms_and_accepts_its_own():
    cn = glossary.load(ROOT / "locales" / "zh_CN" / "glossary.toml", "zh_CN")
    assert {p.split('"')[1] for p in cn.problems("伺服器的资料库与预设值")} == {"伺服器", "资料库", "预设"}
    assert (
        cn.problems("服务器的数据库与默认值；请求与响应；调试器；日志消息；客户端；参考资料；方程式。") == []
    )
