"""Translation tooling of the guide: `python -m catalogs update | stats | check`.

It imports no Sphinx: `update` runs `sphinx-build -b gettext` as a program and GNU
gettext's msgmerge/msginit to write the catalogs; `check` reads them with polib and
reads MyST markup with markdown-it-py, the parser MyST-Parser is built on.
"""
