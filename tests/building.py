"""Build a small Sphinx project in this process, as sphinx-build would, for the tests that read the output."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from sphinx import locale
from sphinx.cmd.build import build_main


@dataclass
class Result:
    returncode: int
    output: str


def sphinx_build(confdir: Path, srcdir: Path, outdir: Path, *options: str) -> Result:
    output = io.StringIO()
    argv = ["-q", "-c", str(confdir), *options, str(srcdir), str(outdir)]
    try:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            code = build_main(argv)
    finally:
        locale.translators.clear()  # what Sphinx's own test fixtures do between builds
    return Result(code, output.getvalue())
