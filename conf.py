"""Sphinx configuration for the Flask error-handling guide.

Build with ``nox -s docs``; the sources are in docs/, this file stays at the root.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).parent.resolve()
sys.path[:0] = [str(ROOT / "docs" / "_ext"), str(ROOT)]

# -- Project ---------------------------------------------------------------
project = "Flask Error Handling"
author = "The Flask Error Handling guide authors"
copyright = "2026, " + author

# -- General ---------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_copybutton",
    "guide.sphinxext",
]
exclude_patterns = ["_ext", "_build"]
# Plain fences are not Python: every Python snippet comes from examples/ (design E1).
highlight_language = "text"
nitpicky = True

# -- MyST ------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3

# -- Examples engine -------------------------------------------------------
guide_transcript_cache = "_build/.transcripts"

# -- HTML ------------------------------------------------------------------
html_theme = "furo"
html_title = "Flask Error Handling"
html_static_path = ["docs/_static"]
html_css_files = ["guide.css"]
copybutton_exclude = ".linenos, .gp, .go"
