"""The website extension refuses what it cannot build, and stops loudly when furo changes under it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from building import sphinx_build
from jinja2 import TemplateError
from sphinx.jinja2glue import BuiltinTemplateLoader
from website import theme

REPO = Path(__file__).resolve().parents[2]


def test_an_unknown_language_names_the_known_ones(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hello\n")
    shutil.copy(REPO / "conf.py", tmp_path / "conf.py")
    with (tmp_path / "conf.py").open("a") as conf:  # these pages are not the guide's
        conf.write('\nguide_handtyped = ""\n')
    done = sphinx_build(tmp_path, tmp_path / "docs", tmp_path / "out", "-D", "language=fr")
    assert done.returncode == 2, done.output
    assert "Configuration error!" in done.output
    assert (
        "ConfigError: unknown language 'fr': conf.py's website_languages has en, zh_CN, zh_TW, pt"
        in done.output
    )


def _loaded(monkeypatch, source: str, filename: str) -> str:
    monkeypatch.setattr(BuiltinTemplateLoader, "get_source", lambda self, env, name: (source, filename, None))
    return theme.TranslatedThemeLoader().get_source(None, "page.html")[0]


def test_furo_literals_become_gettext_calls(monkeypatch) -> None:
    furo = "/venv/site-packages/furo/theme/furo/partials/icons.html"
    titles = "".join(f"<title>{title}</title>" for title in [
        "Contents", "Menu", "Expand", "Light mode", "Dark mode",
        "Auto light/dark, in light mode", "Auto light/dark, in dark mode",
    ])  # fmt: skip
    source = _loaded(monkeypatch, titles, furo)
    assert "<title>{{ _('Menu')|e }}</title>" in source and "<title>Menu</title>" not in source
    # Nobody else's templates are touched.
    assert (
        _loaded(monkeypatch, "<title>Menu</title>", "/project/docs/_templates/page.html")
        == "<title>Menu</title>"
    )


def test_a_furo_release_without_a_literal_stops_the_build_with_its_name(monkeypatch) -> None:
    with pytest.raises(
        TemplateError,
        match=r"furo/theme/furo/partials/icons.html no longer contains '<title>Contents</title>'",
    ):
        _loaded(
            monkeypatch, "<title>Sommaire</title>", "/venv/site-packages/furo/theme/furo/partials/icons.html"
        )
