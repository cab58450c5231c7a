"""API names link to the official docs through the inventories in docs/_inventories."""

from __future__ import annotations

import subprocess
import sys

from bs4 import BeautifulSoup
from sitepages import ROOT

PAGE = """\
# Links

{py:func}`flask.abort`, {py:meth}`flask.Flask.register_error_handler`,
{py:exc}`werkzeug.exceptions.NotFound`, {py:exc}`ValueError`, and a plain `abort()`.
"""


def test_explicit_roles_resolve_offline(tmp_path) -> None:
    """Build a one-page project with the guide's conf.py: -W -n, no network needed."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "index.md").write_text(PAGE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "-c", str(ROOT), "-d", str(tmp_path / "doctrees"),
         str(tmp_path / "src"), str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = BeautifulSoup((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in doc.select("article a.reference.external")}
    assert links["flask.abort()"] == "https://flask.palletsprojects.com/en/stable/api/#flask.abort"
    assert links["flask.Flask.register_error_handler()"].startswith(
        "https://flask.palletsprojects.com/en/stable/api/"
    )
    assert links["werkzeug.exceptions.NotFound"].startswith(
        "https://werkzeug.palletsprojects.com/en/stable/exceptions/"
    )
    assert links["ValueError"] == "https://docs.python.org/3/library/exceptions.html#ValueError"
    assert "abort()" not in links  # the role above already links flask.abort in this section
