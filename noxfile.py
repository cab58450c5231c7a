"""The single entry point for contributors and CI: ``nox`` runs every check.

Every session installs its dependency group from pyproject.toml, pinned by
constraints.txt (refresh it on purpose with ``nox -s lock``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = [
    "lint",
    "examples",
    "examples-flask",
    "examples-served",
    "tests",
    "docs",
    "translations",
    "browser",
]

ROOT = Path(__file__).parent
# Some machines set PYTHONDONTWRITEBYTECODE: every session would then recompile each
# module it imports (Sphinx alone is ~1000) on every run. __pycache__ is git-ignored.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
PYPROJECT = nox.project.load_toml("pyproject.toml")
CONSTRAINTS = ("-c", str(ROOT / "constraints.txt"))
BUILD = ROOT / "_build"


def install(session: nox.Session, *groups: str) -> None:
    """Install dependency groups, pinned by the constraints file."""
    requirements: list[str] = []
    for group in groups:
        requirements += nox.project.dependency_groups(PYPROJECT, group)
    session.install(*CONSTRAINTS, *requirements)


# The languages of the site: the output folder, the catalog folder and Sphinx's `language`.
LANGUAGES = ("en", *PYPROJECT["tool"]["guide"]["translations"]["languages"])


def build_languages(session: nox.Session, languages: Sequence[str], *extra: str) -> None:
    """Build languages side by side, each into its own folder (docs/_ext/sitebuild.py says how)."""
    session.run("python", "docs/_ext/sitebuild.py", *languages, "--", *extra)


# Every exchange of every example as a pytest item (docs/_ext/guide/pytest_plugin.py). The runner
# captures log records itself, as a fresh process would: pytest's logging plugin stays out.
EXAMPLES_PYTEST = ("-p", "guide.pytest_plugin", "-p", "no:logging", "examples")


@nox.session
def examples(session: nox.Session) -> None:
    """Check every example's expectations through Flask's test client; 100% coverage of examples/."""
    install(session, "examples")
    session.run("pytest", *EXAMPLES_PYTEST, "--examples-coverage", *session.posargs)


def constraint_lines() -> list[tuple[str, str]]:
    """Each line of constraints.txt, with the (lower-case) distribution name it pins."""
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    return [(line.split("==")[0].strip().lower(), line) for line in lines]


# The supported Flask lines, each pinned with the Werkzeug it was released with;
# an empty list means the versions constraints.txt pins (the newest line).
FLASK_LINES = {
    "2.3": ["flask==2.3.3", "werkzeug==2.3.8"],
    "3.0": ["flask==3.0.3", "werkzeug==3.0.6"],
    "3.1": [],
}


@nox.session(name="examples-flask")
@nox.parametrize("line", list(FLASK_LINES))
def examples_flask(session: nox.Session, line: str) -> None:
    """Run every example on one supported Flask line; each run records which examples passed.

    The docs build reads those records to say, on each page, which Flask
    versions its examples were checked with.
    """
    if not FLASK_LINES[line]:
        install(session, "examples")
    else:
        # Every other pin still holds; only Flask and Werkzeug change.
        others = [line for name, line in constraint_lines() if name not in {"flask", "werkzeug"}]
        line_constraints = Path(session.create_tmp()) / "constraints.txt"
        line_constraints.write_text("\n".join(others) + "\n")
        requirements = nox.project.dependency_groups(PYPROJECT, "examples")
        session.install("-c", str(line_constraints), *requirements, *FLASK_LINES[line])
    session.run("pytest", *EXAMPLES_PYTEST, "-q", *session.posargs)


SERVERS = ("werkzeug", "gunicorn")  # guide.expectations.SERVERS


@nox.session(name="examples-served")
@nox.parametrize("server", list(SERVERS))
def examples_served(session: nox.Session, server: str) -> None:
    """Every exchange over real HTTP on 127.0.0.1, the app served by Werkzeug's development server
    (what `flask run` starts) or by gunicorn; `[exchange.server.<name>]` says where they differ.
    Then hostile requests to every example (docs/_ext/guide/hostile.py)."""
    install(session, "served")
    session.run("pytest", *EXAMPLES_PYTEST, "--examples-server", server, "-q", *session.posargs)


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Start one example with its services, as a reader would.

    `nox -s serve -- failure_lab.database_locked [--server gunicorn] [--port N]`
    """
    install(session, "served")
    if not session.posargs:
        session.error("name the example: nox -s serve -- failure_lab.database_locked")
    path = os.pathsep.join([str(ROOT), str(ROOT / "docs" / "_ext")])
    session.run("python", "-m", "guide.serve", *session.posargs, env={"PYTHONPATH": path})


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Measure the speed budget: medians of several runs and their ratios (tests/bench.py)."""
    install(session, "nox", "examples")  # the examples' Flask decides which exchanges apply
    session.run("python", "tests/bench.py", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The engine, the website extension and the workarounds, on small projects of their own."""
    install(session, "test")
    # One process per core: each test builds or runs a small project of its own.
    session.run(
        "pytest", "-n", "auto", "tests/engine", "tests/website", "tests/workarounds", *session.posargs
    )


@nox.session
def docs(session: nox.Session) -> None:
    """Build every language into _build/html/<lang>/ with zero warnings; `-- zh_TW` builds one."""
    install(session, "docs")
    languages = [arg for arg in session.posargs if not arg.startswith("-")] or list(LANGUAGES)
    unknown = sorted(set(languages) - set(LANGUAGES))
    if unknown:
        session.error(f"unknown language(s) {', '.join(unknown)}: choose from {', '.join(LANGUAGES)}")
    extra = [arg for arg in session.posargs if arg.startswith("-")]
    build_languages(session, languages, *extra)
    session.log(f"open {BUILD / 'html' / 'index.html'}")


@nox.session
def browser(session: nox.Session) -> None:
    """The built site in headless Chrome or Chromium (Playwright), plus checks of the HTML itself.

    It first brings _build/html up to date with the same incremental builds as `docs`
    (after `nox -s docs` nothing is rebuilt), so it never tests a stale site. The browser
    is the first of GUIDE_CHROMIUM, a chromium or chrome on PATH, or Playwright's own
    (installed with `playwright install chromium` if there is no other).
    """
    install(session, "docs", "browser")
    chromium = chromium_for(session)
    build_languages(session, LANGUAGES)
    session.run(
        "pytest", "tests/site", "tests/browser", "-n", "auto", "-p", "no:cacheprovider", *session.posargs,
        env={"GUIDE_SITE_REQUIRED": "1", "GUIDE_CHROMIUM": chromium},
    )  # fmt: skip


def chromium_for(session: nox.Session) -> str:
    """The browser the tests drive; Playwright downloads its own only when there is none other."""

    def found() -> str | None:
        printed = session.run("python", "tests/browser/chromium.py", silent=True, success_codes=[0, 1])
        return next((line for line in (printed or "").splitlines() if Path(line).is_file()), None)

    path = found()
    if path is None:
        session.run("python", "-m", "playwright", "install", "chromium", silent=True, success_codes=[0, 1])
        path = found()
    if path is None:
        session.error(
            "no Chrome or Chromium for the browser tests: install one (Debian: apt-get install chromium), "
            "or let Playwright fetch its own (python -m playwright install chromium)"
        )
    return path


@nox.session(name="docs-live", default=False)
def docs_live(session: nox.Session) -> None:
    """Serve one language (English, or `-- zh_TW`) on http://127.0.0.1:8000, rebuilt on every change."""
    install(session, "live")
    args = list(session.posargs)
    language = args.pop(0) if args and args[0] in LANGUAGES else "en"
    session.run(
        "sphinx-autobuild", "-c", ".", "-D", f"language={language}",
        "--watch", "examples", "--watch", "docs/_ext", "--watch", "locales", "--watch", "conf.py",
        "docs", str(BUILD / "live" / language), *args,
    )  # fmt: skip


def pinned(*names: str) -> dict[str, str]:
    """The versions constraints.txt pins, so inventories match the Flask the examples run."""
    pins = {}
    for name, line in constraint_lines():
        version = line.partition("==")[2]
        if name in names and version:
            pins[name] = version.split(";")[0].strip()
    missing = set(names) - set(pins)
    if missing:
        raise RuntimeError(f"constraints.txt pins none of {', '.join(sorted(missing))}")
    return pins


@nox.session(default=False)
def inventories(session: nox.Session) -> None:
    """Refresh docs/_inventories/ (intersphinx without a network at build time).

    Flask's and Werkzeug's inventories come from building their own docs out of the
    sdists of the pinned versions (needs the package index); Python's is Debian's
    python3.11-doc (`apt-get install python3.11-doc`), or any objects.inv given as
    `nox -s inventories -- /path/to/python/objects.inv`.
    """
    pins = pinned("flask", "werkzeug")
    # Their docs need an older Sphinx and Pallets' theme: a venv of its own, not the constraints.
    session.install(
        "pip",
        "sphinx<9",
        "pallets-sphinx-themes",
        "sphinxcontrib-log-cabinet",
        "sphinx-tabs",
        *(f"{name}=={version}" for name, version in pins.items()),
    )
    target = ROOT / "docs" / "_inventories"
    target.mkdir(exist_ok=True)
    tmp = Path(session.create_tmp()) / "inventories"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, version in pins.items():
        session.run(
            "python", "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
            f"{name}=={version}", "-d", str(tmp),
        )  # fmt: skip
        sdist = next(tmp.glob(f"{name}-{version}.tar.gz"))
        shutil.unpack_archive(sdist, tmp)
        source = tmp / f"{name}-{version}"
        # dirhtml: the URIs of the hosted Pallets docs. Offline, their own intersphinx
        # look-ups fail with warnings: harmless, our inventory only lists their objects.
        session.run(
            "sphinx-build", "-q", "-b", "dirhtml",
            "-d", str(tmp / f"{name}-doctrees"), str(source / "docs"), str(tmp / f"{name}-html"),
        )  # fmt: skip
        shutil.copyfile(tmp / f"{name}-html" / "objects.inv", target / f"{name}.inv")
    debian = [
        path
        for path in Path("/usr/share/doc").glob("python3.*/html/objects.inv")
        if path.parts[-3][8:].isdigit()
    ]
    candidates = [Path(arg) for arg in session.posargs] or sorted(
        debian, key=lambda path: int(path.parts[-3][8:])
    )
    if not candidates or not candidates[-1].is_file():
        session.error("no Python objects.inv: apt-get install python3.11-doc, or pass a path")
    shutil.copyfile(candidates[-1], target / "python.inv")
    session.log(f"inventories written to {target}")


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def translations(session: nox.Session) -> None:
    """Translation catalogs: `-- update`, `-- stats [--pages]`, `-- check [--html DIR]`.

    Without arguments: `check --fresh` (released catalogs must match the pages as they are
    now), with the pages `nox -s docs` built when they are newer than the catalogs, then the
    tooling's own tests. Needs GNU gettext (apt-get install gettext).
    """
    command = session.posargs[0] if session.posargs else None
    # `update` and `check --fresh` run Sphinx's gettext builder; the tests (the `test` group)
    # build a throwaway site too.
    if command is None:
        install(session, "translations", "test")
    elif command == "update" or "--fresh" in session.posargs:
        install(session, "translations", "docs")
    else:
        install(session, "translations")
    env = {"PYTHONPATH": str(ROOT / "docs" / "_ext")}
    tool = ("python", "-m", "catalogs")
    if command:
        session.run(*tool, *session.posargs, env=env)
        return
    html = ("--html", str(BUILD / "html"), "--skip-stale") if (BUILD / "html").is_dir() else ()
    session.run(*tool, "check", "--fresh", *html, env=env)
    session.run("pytest", "tests/translations", "-q", env=env)


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
