"""Shared test set-up: Sphinx's test fixtures where Sphinx is installed (not in the examples session)."""

from __future__ import annotations

import importlib.util

pytest_plugins = ["sphinx.testing.fixtures"] if importlib.util.find_spec("sphinx") else []
