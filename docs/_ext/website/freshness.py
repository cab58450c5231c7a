"""Pages are rewritten when what renders them changes, not only when their sources do.

Sphinx rewrites a page when its source, a template or the configuration changes.
Two more inputs shape every page: the static files, which each page names with a
digest (``guide.css?v=...``), and the project's own extensions in docs/_ext/,
which turn the sources into cards, switchers and captions. When either changes,
every page is read again, so an incremental build writes what a clean one would.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

EXTENSIONS = Path(__file__).resolve().parents[1]  # docs/_ext/


def _digest(folders: list[Path]) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def pages_rendered_differently(app, env, added, changed, removed) -> list[str]:
    """Every page, when the static files or the extensions changed since the last build."""
    static = [Path(app.confdir, folder) for folder in app.config.html_static_path]
    digest = _digest([*static, EXTENSIONS])
    previous = getattr(env, "website_renderers", None)
    env.website_renderers = digest
    if previous is None or previous == digest:
        return []
    return sorted(env.found_docs - set(added) - set(changed))


def setup(app):
    app.connect("env-get-outdated", pages_rendered_differently)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
