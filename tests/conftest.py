"""Shared test set-up: pytest's pytester, and Sphinx's test fixtures where Sphinx is installed."""

from __future__ import annotations

import importlib.util

pytest_plugins = ["pytester"]
if importlib.util.find_spec("sphinx"):
    pytest_plugins.append("sphinx.testing.fixtures")
