"""The single entry point for contributors and CI: ``nox`` runs every check.

Every session installs its dependency group from pyproject.toml, pinned by
constraints.txt (refresh it on purpose with ``nox -s lock``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "examples", "tests", "docs"]

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
CONSTRAINTS = ("-c", str(ROOT / "constraints.txt"))
BUILD = ROOT / "_build"


def install(session: nox.Session, *groups: str) -> None:
    """Install dependency groups, pinned by the constraints file."""
    requirements: list[str] = []
    for group in groups:
        requirements += nox.project.dependency_groups(PYPROJECT, group)
    session.install(*CONSTRAINTS, *requirements)


def sphinx_build(session: nox.Session, outdir: Path, *extra: str) -> None:
    session.run("sphinx-build", "-W", "--keep-going", "-n", "-q", "-c", ".", *extra, "docs", str(outdir))


@nox.session
def examples(session: nox.Session) -> None:
    """Check every example's expectations through Flask's test client; 100% coverage of examples/."""
    install(session, "examples")
    session.run(
        "pytest",
        "tests/examples",
        "-p",
        "no:logging",  # the runner captures log records itself, as a fresh process would
        "--cov",
        "--cov-report=term-missing",
        *session.posargs,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Test the examples engine itself: Sphinx test roots, bad input, and the built HTML."""
    install(session, "test")
    session.run("pytest", "tests/ext", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site into _build/html/en with zero warnings (-W --keep-going -n)."""
    install(session, "docs")
    sphinx_build(session, BUILD / "html" / "en", *session.posargs)


@nox.session(name="docs-live", default=False)
def docs_live(session: nox.Session) -> None:
    """Serve the English site on http://127.0.0.1:8000 and rebuild it on every change."""
    install(session, "live")
    session.run(
        "sphinx-autobuild",
        "-c",
        ".",
        "--watch",
        "examples",
        "--watch",
        "docs/_ext",
        "docs",
        str(BUILD / "live"),
        *session.posargs,
    )


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(default=False)
def lock(session: nox.Session) -> None:
    """Refresh constraints.txt from the dependency groups (needs the package index)."""
    install(session, "nox")
    groups = [f"--group=pyproject.toml:{name}" for name in PYPROJECT["dependency-groups"]]
    session.run(
        "uv",
        "pip",
        "compile",
        "--universal",
        "--python-version",
        "3.10",
        "-q",
        *groups,
        "-o",
        "constraints.txt",
    )


@nox.session(default=False)
def clean(session: nox.Session) -> None:
    """Remove build output and the transcript cache."""
    shutil.rmtree(BUILD, ignore_errors=True)
