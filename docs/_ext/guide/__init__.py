"""The guide's examples engine.

``expectations`` loads what each example must do, ``runner`` plays it through
Flask's test client, ``compare`` explains differences, ``cache`` reuses runs in
the docs build, and ``sphinxext`` renders them. ``speedups`` and ``zhsearch``
make the build faster; they and ``sphinxext`` are the only modules importing Sphinx.
"""
