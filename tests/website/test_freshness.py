"""An incremental build rewrites every page when the static files or the extensions change."""

from __future__ import annotations

import shutil
from pathlib import Path

from building import sphinx_build

ROOT = Path(__file__).resolve().parents[1] / "roots" / "translated"


def _build(project: Path):
    result = sphinx_build(project, project, project / "_build", "-W")
    assert result.returncode == 0, result.output
    return result


def test_a_changed_style_sheet_rewrites_every_page(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project)
    static = project / "_static"
    static.mkdir(exist_ok=True)
    (static / "site.css").write_text("body { color: black; }\n")
    conf = project / "conf.py"
    conf.write_text(
        conf.read_text().replace('"workarounds"]', '"workarounds", "website.freshness"]')
        + 'html_static_path = ["_static"]\nhtml_css_files = ["site.css"]\n'
    )
    _build(project)
    pages = [project / "_build" / "index.html", project / "_build" / "other.html"]
    written = [page.stat().st_mtime_ns for page in pages]
    _build(project)
    assert [page.stat().st_mtime_ns for page in pages] == written  # nothing changed: nothing written
    (static / "site.css").write_text("body { color: navy; }\n")
    _build(project)
    # Rewritten, so each names the new file's digest (Sphinx computes it once per process,
    # so this test, building three times in one, checks the rewriting, not the digest).
    assert all(page.stat().st_mtime_ns > before for page, before in zip(pages, written, strict=True))
