"""settings_file started by hand, from a shell without SHOP_SETTINGS."""

from examples.debugging.settings_file import create_app

__all__ = ["create_app"]
