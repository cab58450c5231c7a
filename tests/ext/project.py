"""A throwaway project: the real engine, a tiny example and a page, run as contributors run them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CONF = """\
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent / "docs" / "_ext"), str(Path(__file__).parent)]
extensions = ["myst_parser", "guide.sphinxext"]
highlight_language = "text"
guide_transcript_cache = "_build/.transcripts"
"""

APP = '''\
"""A tiny app for the engine's tests."""

from flask import Flask, abort


def create_app():
    app = Flask(__name__)

    @app.route("/gone")
    def gone():
        abort(410)

    return app
'''


def counted_app(logged: str = '"ran"', pause: float = 0.0) -> str:
    """APP, but each build of its app appends ``logged`` (a Python expression) to runs.log,
    then sleeps ``pause`` seconds: how often, and in which process, the example ran."""
    counting = (
        "def create_app():\n"
        '    with open(Path(__file__).parents[2] / "runs.log", "a") as log:\n'
        f'        log.write({logged} + "\\n")\n'
        f"    time.sleep({pause})\n"
    )
    imports = "import os\nimport time\nfrom pathlib import Path\n\nfrom flask import Flask, abort"
    return APP.replace("from flask import Flask, abort", imports).replace("def create_app():\n", counting)


SPEC = """\
[[exchange]]
name = "gone"
request = "GET /gone"
status = 410
contains = ["Gone"]
"""

PAGE = """\
# Demo

The page answers {run}`chap.demo/gone:status`.

```{example} chap.demo
```
"""


# The coverage settings that --examples-coverage reads from pyproject.toml, as the project has them.
COVERAGE_SETTINGS = """\
[tool.coverage.run]
branch = true

[tool.coverage.report]
fail_under = 100
show_missing = true
skip_covered = true
"""


@dataclass
class Result:
    returncode: int
    output: str


class Project:
    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(REPO / "docs" / "_ext" / "guide", root / "docs" / "_ext" / "guide")
        for script in ("sitebuild.py", "sitestamp.py"):
            shutil.copy(REPO / "docs" / "_ext" / script, root / "docs" / "_ext")
        (root / "tests" / "examples").mkdir(parents=True)
        for test_file in ("test_exchanges.py", "conftest.py", "measuring.py"):
            shutil.copy(REPO / "tests" / "examples" / test_file, root / "tests" / "examples")
        self.write("conf.py", CONF)
        self.write("pytest.ini", "[pytest]\npythonpath = . docs/_ext\n")
        self.write("examples/__init__.py", "")
        self.write("examples/chap/__init__.py", "")
        self.write("examples/chap/demo.py", APP)
        self.write("examples/chap/demo.toml", SPEC)
        self.write("docs/index.md", PAGE)

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text()
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new))

    def show_examples(self, names: list[str], app: str) -> None:
        """In place of the demo: examples ``chap.<name>``, each ``app`` with the demo's expectations,
        shown on the page in this order."""
        for demo in ("examples/chap/demo.py", "examples/chap/demo.toml"):
            (self.root / demo).unlink()
        for name in names:
            self.write(f"examples/chap/{name}.py", app)
            self.write(f"examples/chap/{name}.toml", SPEC)
        shown = "".join(f"```{{example}} chap.{name}\n```\n\n" for name in names)
        self.write("docs/index.md", "# Demo\n\n" + shown)

    def _run(self, *args: str) -> Result:
        return self.run_with({}, *args)

    def run_with(self, environment: dict[str, str], *args: str) -> Result:
        """Python with ``args``, in the project, with these environment variables added."""
        done = subprocess.run(
            [sys.executable, *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, **environment},
        )
        return Result(done.returncode, done.stdout + done.stderr)

    def pytest(self, *extra: str) -> Result:
        return self._run(
            "-m", "pytest", "tests/examples", "-p", "no:logging", "-p", "no:cacheprovider", "-q", *extra
        )  # fmt: skip

    def sphinx(self, *extra: str) -> Result:
        return self._run("-m", "sphinx", "-q", "-n", "--keep-going", "-c", ".", *extra, "docs", "_build/html")

    def site(self, *languages: str) -> Result:
        """Languages built side by side, as ``nox -s docs`` builds them, into _build/html/<language>/."""
        return self._run("docs/_ext/sitebuild.py", *languages)

    def html(self, page: str = "index", language: str = "") -> str:
        return (self.root / "_build" / "html" / language / f"{page}.html").read_text()
