"""A throwaway project laid out like this one (tests/roots/demo): the engine's tests edit it, then
build its page and run its examples in this process, as `nox -s docs` and `nox -s examples` would."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from building import Result, sphinx_build

DEMO = Path(__file__).parents[1] / "roots" / "demo"
REPO = Path(__file__).resolve().parents[2]

APP = (DEMO / "examples" / "chap" / "demo.py").read_text()
SPEC = (DEMO / "examples" / "chap" / "demo.toml").read_text()


class Project:
    def __init__(self, pytester: pytest.Pytester):
        self.pytester = pytester
        self.root = pytester.path
        shutil.copytree(DEMO, self.root, dirs_exist_ok=True)

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text()
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new))

    def show_examples(self, names: list[str], app: str = APP) -> None:
        """In place of the demo: examples ``chap.<name>``, each ``app`` with the demo's expectations,
        shown on the page in this order."""
        for demo in ("examples/chap/demo.py", "examples/chap/demo.toml"):
            (self.root / demo).unlink()
        for name in names:
            self.write(f"examples/chap/{name}.py", app)
            self.write(f"examples/chap/{name}.toml", SPEC)
        shown = "".join(f"```{{example}} chap.{name}\n```\n\n" for name in names)
        self.write("docs/index.md", "# Demo\n\n" + shown)

    def sphinx(self, *options: str) -> Result:
        """The page built in this process, as sphinx-build would (``-W`` and the like are options)."""
        return sphinx_build(self.root, self.root / "docs", self.root / "_build" / "html", *options)

    def check(self, *options: str) -> Result:
        """The page read, its examples run and checked, and nothing written (Sphinx's dummy builder)."""
        return sphinx_build(
            self.root, self.root / "docs", self.root / "_build" / "dummy", "-b", "dummy", *options
        )

    def pytest(self, *options: str) -> Result:
        """The examples' items, as `nox -s examples` runs them (``--examples-coverage`` is an option)."""
        ran = self.pytester.runpytest_inprocess(
            "-p", "guide.pytest_plugin", "-p", "no:logging", "-p", "no:cacheprovider", "examples", *options
        )  # fmt: skip
        return Result(int(ran.ret), "\n".join(ran.outlines + ran.errlines))

    def html(self, page: str = "index") -> str:
        return (self.root / "_build" / "html" / f"{page}.html").read_text()
