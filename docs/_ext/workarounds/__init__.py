"""Workarounds for upstream bugs and costs, one module each.

Each module names the upstream issue or code it works around and the versions
it was measured on (``MEASURED_ON``); it acts only when every one of them is
installed at such a version, and a test builds pages with and without it to
prove that the output is byte-identical (or, for a bug, that the bug is gone).
``install(app)`` applies it for one build and returns what undoes it, so that
nothing outlives the build that asked for it.

``-D workarounds_off=myst_settings,myst_parsers`` builds without the ones named
(``all``: without any).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from . import (
    myst_parsers,
    myst_settings,
    sitemap_incremental,
    translated_doctrees,
)

MODULES = (
    myst_settings,
    myst_parsers,
    translated_doctrees,
    sitemap_incremental,
)


def measured_on(requirements: dict[str, str]) -> bool:
    """Whether each distribution is installed at a version its specifier allows."""
    for name, specifier in requirements.items():
        try:
            installed = Version(version(name))
        except PackageNotFoundError:
            return False
        if installed not in SpecifierSet(specifier):
            return False
    return True


def active(app) -> list:
    """The workarounds this build applies."""
    off = set(app.config.workarounds_off)
    return [
        module
        for module in MODULES
        if not {"all", name(module)} & off and module.wanted(app) and measured_on(module.MEASURED_ON)
    ]


def name(module) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def _install(app) -> None:
    app.workarounds_undo = [module.install(app) for module in active(app)]


def _uninstall(app, exception) -> None:
    for undo in reversed(getattr(app, "workarounds_undo", [])):
        undo()
    app.workarounds_undo = []


def setup(app):
    app.add_config_value("workarounds_off", [], "", types=[list])
    app.connect("builder-inited", _install, priority=100)  # before anything of theirs runs
    app.connect("build-finished", _uninstall, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
