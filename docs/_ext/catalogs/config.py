"""Where the catalogs live and which languages are released: read from pyproject.toml.

Everything is configured in one place, the `[tool.guide.translations]` table:

    languages = { zh_CN = "zh_CN", zh_TW = "zh_TW", pt = "pt_BR" }   # folder -> locale
    released = ["zh_CN", "zh_TW", "pt"]   # fuzzy or missing entries fail `check`
    interface = ["sphinx"]                # the site's own catalogs: never merged or removed
    width = 79                            # line width of every catalog written
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# docs/_ext/catalogs/config.py -> the project root
PROJECT = Path(__file__).resolve().parents[3]


class ConfigError(Exception):
    """The configuration or the command line is wrong; the message says how."""


@dataclass(frozen=True)
class Config:
    root: Path
    languages: dict[str, str]  # catalog folder under locales/ -> locale for msginit (pt -> pt_BR)
    released: tuple[str, ...]
    interface: tuple[str, ...] = ("sphinx",)
    width: int = 79
    docs: str = "docs"
    locales: str = "locales"
    gettext: str = "_build/gettext"

    @property
    def locales_dir(self) -> Path:
        return self.root / self.locales

    def messages_dir(self, language: str) -> Path:
        return self.locales_dir / language / "LC_MESSAGES"

    def glossary(self, language: str) -> Path:
        return self.locales_dir / language / "glossary.toml"

    def relative(self, path: Path) -> str:
        """A path as the messages show it: relative to the project root when it can be."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def with_released(self, spec: str | None) -> Config:
        """Override the released languages from the command line: `zh_TW,pt`, `all` or `none`."""
        if spec is None:
            return self
        if spec == "all":
            released = tuple(self.languages)
        elif spec == "none":
            released = ()
        else:
            released = tuple(name.strip() for name in spec.split(",") if name.strip())
        unknown = sorted(set(released) - set(self.languages))
        if unknown:
            raise ConfigError(f"--released: unknown language(s) {', '.join(unknown)}")
        return dataclasses.replace(self, released=released)


def load(root: Path | None = None) -> Config:
    """Read `[tool.guide.translations]` from the project's pyproject.toml."""
    root = Path(root or PROJECT).resolve()
    pyproject = root / "pyproject.toml"
    try:
        with pyproject.open("rb") as file:
            data = tomllib.load(file)
    except FileNotFoundError:
        raise ConfigError(f"{pyproject}: not found") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{pyproject}: {error}") from None
    table = data.get("tool", {}).get("guide", {}).get("translations")
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: no [tool.guide.translations] table")
    known = {"languages", "released", "interface", "width", "docs", "locales", "gettext"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{pyproject}: [tool.guide.translations] has unknown key(s) {', '.join(unknown)}")
    languages = table.get("languages")
    if not isinstance(languages, dict) or not languages:
        raise ConfigError(f"{pyproject}: [tool.guide.translations] languages must map folders to locales")
    released = table.get("released", [])
    if not isinstance(released, list) or set(released) - set(languages):
        raise ConfigError(
            f"{pyproject}: [tool.guide.translations] released must list languages from "
            f"{', '.join(languages)}, got {released!r}"
        )
    options = {key: table[key] for key in ("width", "docs", "locales", "gettext") if key in table}
    return Config(
        root=root,
        languages=dict(languages),
        released=tuple(released),
        interface=tuple(table.get("interface", ["sphinx"])),
        **options,
    )
