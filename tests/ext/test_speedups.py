"""The speed-ups of translated builds (guide/speedups.py) change nothing but the time."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path
from types import SimpleNamespace

import sphinx
from docutils import nodes

from guide import speedups

from .project import Project


def test_each_replacement_finds_what_it_replaces() -> None:
    replaced = speedups.install()
    assert replaced["myst_parser.mdit_to_docutils.base.get_default_settings"]
    assert replaced["myst_parser.parsers.sphinx_.create_md_parser"]
    # Sphinx 8.1 (the Python 3.10 pin) publishes translations through another function.
    assert replaced["sphinx.transforms.i18n._publish_msgstr"] == (sphinx.version_info >= (9,))


def test_settings_are_built_once_and_handed_out_as_copies() -> None:
    built = []

    def build(*components):
        built.append(components)
        return SimpleNamespace(language_code="en", components=components)

    default_settings = speedups.cached_settings(build)
    first, second = default_settings("rst"), default_settings("rst")
    assert built == [("rst",)]
    assert first is not second and vars(first) == vars(second)
    first.language_code = "pt"
    assert default_settings("rst").language_code == "en"
    default_settings("md")
    assert built == [("rst",), ("md",)]


class FakeParser:
    def __init__(self, config, nested=None):
        self.config, self.nested, self.inner = config, nested, None

    def render(self, text):
        if self.nested:
            self.inner = self.nested()
        return text


def test_a_parser_is_reused_once_idle_and_only_for_its_configuration() -> None:
    create = speedups.reusing_parsers(lambda config, renderer: FakeParser(config, nested))
    config, other = object(), object()
    nested = None
    first = create(config, "renderer")
    assert create(config, "renderer") is not first  # still unused: not idle yet
    first.render("text")
    assert create(config, "renderer") is first
    first.render("text")
    assert create(other, "renderer") is not first
    # A render that parses again meanwhile gets a parser of its own.
    nested = lambda: create(config, "renderer")  # noqa: E731
    outer = create(config, "renderer")
    outer.render("text")
    assert outer.inner is not outer


def test_a_translation_is_parsed_once_for_both_passes() -> None:
    calls = []

    def publish(source, source_path, source_line, **context):
        calls.append((source, source_path))
        return nodes.paragraph(source, source, nodes.emphasis(source, source))

    publish_msgstr = speedups.published_once(publish)
    first = publish_msgstr("Olá", "a.md", 3, config=None)
    second = publish_msgstr("Olá", "a.md", 3, config=None)
    assert calls == [("Olá", "a.md")]
    assert second is not first and second.pformat() == first.pformat()
    publish_msgstr("Olá", "a.md", 3, config=None)  # kept for one second request only
    assert len(calls) == 2
    publish_msgstr("Tchau", "b.md", 1, config=None)  # another page: the first page's copy is gone
    publish_msgstr("Olá", "a.md", 3, config=None)
    assert len(calls) == 4


PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Demo"
msgstr "Demonstração"

msgid "The page answers {run}`chap.demo/gone:status`."
msgstr "A página responde {run}`chap.demo/gone:status`."
"""


def test_a_translated_page_is_translated_and_its_doctree_holds_no_environment(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("conf.py", (tmp_path / "conf.py").read_text() + 'locale_dirs = ["../locales"]\n')
    project.write("locales/pt/LC_MESSAGES/index.po", PO)
    result = project.site("pt")
    assert result.returncode == 0, result.output
    html = project.html(language="pt")
    assert "Demonstração" in html
    assert '<p>A página responde <code class="guide-run' in html
    assert '<span class="pre">410</span></code>.</p>' in html
    doctree = (tmp_path / "_build" / "doctrees" / "pt" / "index.doctree").read_bytes()
    assert b"BuildEnvironment" not in doctree
    page = pickle.loads(doctree)
    assert all(node.document is page for node in page.findall(nodes.Element))


def _jieba():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # jieba's regexes predate raw strings
        import jieba
    return jieba


def test_jieba_loads_its_dictionary_cache_read_whole(tmp_path: Path) -> None:
    jieba = _jieba()
    assert speedups.read_jieba_cache_whole(jieba)
    assert jieba.marshal is speedups._WholeFileMarshal
    dictionary = tmp_path / "words.txt"
    dictionary.write_text("错误 30 n\n错误处理 5 n\n處理 20 v\n", encoding="utf-8")

    def loaded():
        tokenizer = jieba.Tokenizer(str(dictionary))
        tokenizer.tmp_dir = str(tmp_path)
        tokenizer.initialize()
        return tokenizer

    built = loaded()  # no cache yet: jieba builds the prefix dictionary and writes the cache
    assert [path.name for path in tmp_path.glob("jieba.*.cache")]
    cached = loaded()  # read back through the replacement
    assert (cached.FREQ, cached.total) == (built.FREQ, built.total)
    assert cached.FREQ["错误处"] == 0  # a prefix, as jieba's own loader records it


def test_jieba_is_left_alone_once_it_no_longer_loads_with_marshal() -> None:
    assert not speedups.read_jieba_cache_whole(SimpleNamespace(marshal=pickle))


def test_chinese_search_segments_only_chinese_text(monkeypatch) -> None:
    _jieba()
    from sphinx.search import zh

    from guide.zhsearch import ChineseSearch

    ours, sphinxs = ChineseSearch({"dict": ""}), zh.SearchChinese({"dict": ""})
    prose = "用 errorhandler 注册错误处理函数"
    assert ours.split(prose) == sphinxs.split(prose)
    code = 'app = create_app()\n    abort(404, description="No such page")'
    segmented = sphinxs.split(code)
    assert "create" in segmented  # what jieba adds to the ASCII words: fragments

    def no_jieba(*args, **kwargs):
        raise AssertionError("jieba was asked to segment a text with no Chinese in it")

    monkeypatch.setattr(zh, "cut_for_search", no_jieba)
    words = ours.split(code)
    ascii_words = ["app", "create_app", "abort", "404", "description", "No", "such", "page"]
    assert words == [*ascii_words, "create", "app"]  # and the parts of a snake_case name
    assert set(words) <= set(segmented)  # fewer words, none new: jieba's were these and punctuation
    assert {"create_app", "No"} <= ours.latin_terms  # stemmed the way Sphinx's own indexer decides
