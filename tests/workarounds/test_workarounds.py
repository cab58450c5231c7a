"""Each workaround acts only on the versions it was measured on, and changes what it says it does.

The ones for upstream costs change nothing a reader gets: pages built with and without
them are byte-identical. The ones for upstream bugs fix the bug, which a build shows.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
import workarounds
from building import sphinx_build
from docutils import nodes

ROOT = Path(__file__).parents[1] / "roots" / "translated"
COSTS = ["myst_settings", "myst_parsers", "translated_doctrees"]
BUGS = ["sitemap_incremental"]
READER_FILES = ("*.html", "*.js", "*.inv", "*.xml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT, tmp_path / "project")
    return tmp_path / "project"


def build(project: Path, language: str, *options: str) -> Path:
    out = project / "_build" / language
    done = sphinx_build(project, project, out, "-W", "-D", f"language={language}", *options)
    assert done.returncode == 0, done.output
    return out


def reader_files(out: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(out)): path.read_bytes()
        for pattern in READER_FILES
        for path in out.rglob(pattern)
    }


def test_every_workaround_is_listed_and_measured_on_what_is_installed() -> None:
    assert sorted(workarounds.name(module) for module in workarounds.MODULES) == sorted(COSTS + BUGS)
    # When a pin in constraints.txt moves, a workaround stops acting: measure it again, then move its gate.
    for module in workarounds.MODULES:
        assert workarounds.measured_on(module.MEASURED_ON), (workarounds.name(module), module.MEASURED_ON)


@pytest.mark.parametrize("language", ["pt", "zh_CN"])
def test_the_cost_workarounds_leave_every_file_a_reader_gets_unchanged(project: Path, language: str) -> None:
    with_them = reader_files(build(project, language, "-d", str(project / "_build" / "with")))
    without = build(
        project,
        language,
        "-E",
        "-d",
        str(project / "_build" / "without"),
        "-D",
        f"workarounds_off={','.join(COSTS)}",
    )
    assert (
        "Tratando erros" in with_them["index.html"].decode() or "处理错误" in with_them["index.html"].decode()
    )
    assert with_them == reader_files(without)


def test_translated_doctrees_hold_no_build_environment(project: Path) -> None:
    build(project, "pt", "-d", str(project / "_build" / "doctrees"))
    doctree = (project / "_build" / "doctrees" / "index.doctree").read_bytes()
    assert b"BuildEnvironment" not in doctree
    page = pickle.loads(doctree)
    assert all(node.document is page for node in page.findall(nodes.Element))


def test_nothing_is_left_replaced_after_a_build(project: Path) -> None:
    from myst_parser.mdit_to_docutils import base
    from myst_parser.parsers import sphinx_

    def replaceable() -> tuple:
        return (
            base.get_default_settings,
            sphinx_.create_md_parser,
        )

    before = replaceable()
    build(project, "zh_CN")
    assert replaceable() == before


def test_the_sitemap_lists_every_page_after_an_incremental_build(project: Path) -> None:
    out = build(project, "pt")
    index = project / "index.md"
    index.write_text(index.read_text() + "\nOne more line.\n")
    build(project, "pt")  # reads index.md only
    sitemap = (out / "sitemap.xml").read_text()
    assert "index.html" in sitemap and "other.html" in sitemap
    index.write_text(index.read_text() + "\nAnd another.\n")
    build(project, "pt", "-D", "workarounds_off=sitemap_incremental")
    assert "other.html" not in (out / "sitemap.xml").read_text()  # sphinx-sitemap's own bug
