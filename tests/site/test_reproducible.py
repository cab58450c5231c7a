"""The same sources give byte-identical transcripts and pages, whatever the checkout's path.

This checkout and a copy of it at a deeper path each run every example twice; the copy
builds the English site from scratch, to be compared with this checkout's own build (the
one the other site tests read). Everything must agree byte for byte.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from sitepages import ROOT

from guide.expectations import discover, load_example
from guide.runs import Runs

COMPARED = ("*.html", "*.js", "*.xml", "*.txt", "*.inv", "*.json", "*.pf_meta", "*.pf_index", "*.pf_fragment")


def _checkout(folder: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in listed.stdout.splitlines():
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    shutil.copytree(ROOT / "_build" / "verified", folder / "_build" / "verified")  # the "checked with" line
    return folder


def _runs_twice(root: Path) -> list[dict]:
    """Every example's run, twice over, each time with a service of its own."""
    return [
        {name: Runs().get(load_example(name, root)).to_dict() for name in discover(root)} for _ in range(2)
    ]


def _outputs(root: Path) -> dict[str, bytes]:
    site = root / "_build" / "html" / "en"
    return {
        str(path.relative_to(site)): path.read_bytes() for pattern in COMPARED for path in site.rglob(pattern)
    }


def test_two_checkouts_run_and_build_the_same(tmp_path: Path) -> None:
    copy = _checkout(tmp_path / "b" / "checked" / "out" / "deeper")
    build = subprocess.Popen(
        [sys.executable, "docs/_ext/sitebuild.py", "en", "--", "-E"],
        cwd=copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    runs = [run for root in (ROOT, copy) for run in _runs_twice(root)]
    for name in runs[0]:
        shown = {json.dumps(run[name], sort_keys=True) for run in runs}
        assert len(shown) == 1, f"{name} ran differently"
    output, _ = build.communicate(timeout=300)
    assert build.returncode == 0, output
    ours, theirs = _outputs(ROOT), _outputs(copy)
    assert "index.html" in ours
    assert sorted(ours) == sorted(theirs), "the two builds wrote different files"
    differ = [name for name in ours if ours[name] != theirs[name]]
    assert not differ, f"these files depend on the checkout's path: {differ}"
