"""A throwaway project per test: pyproject.toml, a page or two, and catalogs written from strings."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from catalogs.__main__ import main

if not shutil.which("msgfmt"):  # pragma: no cover - CI installs gettext
    pytest.exit("GNU gettext is needed (apt-get install gettext)", returncode=1)

HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: test\\n"
"Language: {language}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals={plurals}; plural={plural};\\n"

"""
PLURALS = {"pt": ("2", "(n > 1)")}


def line_of(path: Path, msgid: str) -> int:
    """The line of `msgid "<msgid>"` in a catalog."""
    wanted = f"msgid {po_string(msgid)}"
    return next(
        number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if line == wanted
    )


def po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class Project:
    def __init__(self, root: Path, released: list[str]) -> None:
        self.root = root
        self.write_pyproject(released)
        (root / "docs").mkdir()
        (root / "docs" / "page.md").write_text("# A page\n", encoding="utf-8")

    def write_pyproject(self, released: list[str]) -> None:
        names = ", ".join(f'"{name}"' for name in released)
        (self.root / "pyproject.toml").write_text(
            textwrap.dedent(
                f"""\
                [tool.guide.translations]
                languages = {{ zh_CN = "zh_CN", zh_TW = "zh_TW", pt = "pt_BR" }}
                released = [{names}]
                """
            ),
            encoding="utf-8",
        )

    def catalog(self, language: str, entries: list, page: str = "page", raw: str = "") -> Path:
        """Write locales/<language>/LC_MESSAGES/<page>.po from (msgid, msgstr[, flags]) tuples."""
        plurals, plural = PLURALS.get(language, ("1", "0"))
        text = HEADER.format(language=language, plurals=plurals, plural=plural)
        for entry in entries:
            msgid, msgstr, *flags = entry
            if flags:
                text += f"#, {', '.join(flags)}\n"
            text += f"msgid {po_string(msgid)}\nmsgstr {po_string(msgstr)}\n\n"
        path = self.root / "locales" / language / "LC_MESSAGES" / f"{page}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + raw, encoding="utf-8")
        return path

    def glossary(self, language: str, text: str) -> None:
        path = self.root / "locales" / language / "glossary.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'language = "{language}"\n' + textwrap.dedent(text), encoding="utf-8")

    def run(self, *args: str, capsys) -> tuple[int, list[str]]:
        """Run the command line; returns the exit status and the problem lines."""
        status = main(["--root", str(self.root), *args])
        captured = capsys.readouterr()
        self.err = captured.err
        return status, [line for line in captured.out.splitlines() if line.strip()]

    def check(self, capsys, *args: str) -> tuple[int, list[str]]:
        return self.run("check", *args, capsys=capsys)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A project in which zh_TW is released, and zh_CN and pt are not."""
    return Project(tmp_path, released=["zh_TW"])
