from __future__ import annotations

# pytester forgets, after each test, every module first imported during it. What the
# projects' builds and runs import is imported here once instead, so each test does
# not import it all again; and the pool's task class stays the one it pickles with.
import concurrent.futures.process  # noqa: F401

import coverage  # noqa: F401
import flask  # noqa: F401
import myst_parser.sphinx_ext.main  # noqa: F401
import pytest
import sphinx.builders.dummy
import sphinx.builders.html  # noqa: F401

import guide.examples_coverage
import guide.pytest_plugin
import guide.sphinxext  # noqa: F401

from .project import Project


@pytest.fixture
def project(pytester: pytest.Pytester) -> Project:
    return Project(pytester)
