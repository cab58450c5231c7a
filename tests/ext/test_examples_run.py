"""`nox -s examples` on two cores, with its coverage gate (tests/examples/conftest.py, design E10, P1)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import coverage.parser
import pytest

from .project import COVERAGE_SETTINGS, REPO, Project, counted_app

sys.path.insert(0, str(REPO / "tests" / "examples"))
from measuring import KEPT, PARSED, ParsedFiles, ReusingParses

# Each app leaves its process id in runs.log and then takes a while, so the
# process running ahead claims the last example before this one gets there.
SLOW_COUNTED_APP = counted_app(logged="str(os.getpid())", pause=0.2)

# The first time it is imported, anywhere, it kills the process importing it.
DIES_ONCE = """\
import os
import signal
from pathlib import Path

marker = Path(__file__).parents[2] / "died.once"
if not marker.exists():
    marker.touch()
    os.kill(os.getpid(), signal.SIGKILL)

from .a import create_app as create_app
"""


def three_examples(tmp_path: Path) -> Project:
    project = Project(tmp_path)
    project.write("pyproject.toml", COVERAGE_SETTINGS)
    project.show_examples(["a", "b", "c"], SLOW_COUNTED_APP)
    return project


def test_each_example_runs_once_and_both_processes_run_some(tmp_path: Path) -> None:
    project = three_examples(tmp_path)
    result = project.pytest("--examples-coverage")
    assert result.returncode == 0, result.output
    runs = (tmp_path / "runs.log").read_text().split()
    assert len(runs) == 3, runs
    assert len(set(runs)) == 2, runs
    assert "coverage of examples/ is 100.00% (required: 100.0%)" in result.output


def test_a_line_no_example_runs_fails_the_gate_with_its_number(tmp_path: Path) -> None:
    project = three_examples(tmp_path)
    # A run first, so that the report keeps each file's parse: the edit must still be seen.
    assert project.pytest("--examples-coverage").returncode == 0
    assert (tmp_path / PARSED).is_file()
    # c is the last example: the process running ahead runs it, and measures it.
    project.edit(
        "examples/chap/c.py", "    return app\n", "    return app\n\n\ndef unused():\n    return 1\n"
    )
    result = project.pytest("--examples-coverage")
    assert result.returncode == 1, result.output
    assert "6 passed" in result.output
    unused_line = (tmp_path / "examples/chap/c.py").read_text().splitlines().index("    return 1") + 1
    (row,) = [line for line in result.output.splitlines() if line.startswith("examples/chap/c.py")]
    assert row.split()[-1] == str(unused_line), row
    assert (
        "FAILED: coverage of examples/ is 97." in result.output
        and "under the required 100.0%" in result.output
    )


def test_the_gate_does_not_apply_when_not_every_example_runs(tmp_path: Path) -> None:
    project = three_examples(tmp_path)
    result = project.pytest("--examples-coverage", "-k", "chap/a or chap/b")
    assert result.returncode == 0, result.output
    assert "not every example ran, so the coverage gate does not apply" in result.output
    # Both processes ran one of the two selected examples; none ran the other one.
    runs = (tmp_path / "runs.log").read_text().split()
    assert len(runs) == 2, runs
    assert len(set(runs)) == 2, runs


def test_a_process_running_ahead_that_dies_fails_the_run(tmp_path: Path) -> None:
    project = three_examples(tmp_path)
    project.write("examples/chap/c.py", DIES_ONCE)
    result = project.pytest("--examples-coverage")
    # The example it was running is run here instead, so every exchange passes; the
    # run still fails, and says why.
    assert "6 passed" in result.output, result.output
    assert result.returncode == 1
    assert "FAILED: the process running examples ahead was killed by signal 9" in result.output


# Each build of an app logs whether coverage's tracer was on.
TRACED_APP = counted_app(logged="str(__import__('sys').gettrace() is not None)")


def test_an_unchanged_example_runs_untraced_with_its_share_kept(tmp_path: Path) -> None:
    project = three_examples(tmp_path)
    for name in "abc":
        project.write(f"examples/chap/{name}.py", TRACED_APP)
    log = tmp_path / "runs.log"

    def run() -> list[str]:
        log.unlink(missing_ok=True)
        result = project.pytest("--examples-coverage")
        assert result.returncode == 0, result.output
        assert "coverage of examples/ is 100.00%" in result.output
        return log.read_text().split()

    assert run() == ["True"] * 3
    assert run() == ["False"] * 3  # every example still ran, untraced
    project.edit("examples/chap/b.py", "    return app\n", "    return app  # edited\n")
    assert sorted(run()) == ["False", "False", "True"]  # b's inputs changed: measured again
    assert len(list((tmp_path / KEPT).glob("chap.b-*.json"))) == 2  # one share for each version of b


def test_a_file_no_example_imports_fails_the_gate_when_every_share_is_kept(tmp_path: Path) -> None:
    project = three_examples(tmp_path)
    project.write("examples/chap/_forgotten.py", "def nobody_calls_me():\n    return 1\n")
    for _ in range(2):  # measured, then kept
        result = project.pytest("--examples-coverage")
        assert result.returncode == 1, result.output
        assert "examples/chap/_forgotten.py       2      2      0      0     0%   1-2" in result.output


def test_a_parse_is_kept_for_the_same_file_and_settings_only(tmp_path: Path, monkeypatch) -> None:
    module = tmp_path / "branchy.py"
    module.write_text("def pick(flag):\n    if flag:\n        return 1\n    return 2\n")
    settings = tmp_path / "pyproject.toml"
    settings.write_text(COVERAGE_SETTINGS)
    monkeypatch.syspath_prepend(str(tmp_path))
    parses = []
    parse_source = coverage.parser.PythonParser.parse_source
    monkeypatch.setattr(
        coverage.parser.PythonParser,
        "parse_source",
        lambda parser: parses.append(parser.filename) or parse_source(parser),
    )

    def report() -> tuple[float, int]:
        parses.clear()
        measured = ReusingParses(data_file=None, config_file=str(settings), source=[str(tmp_path)])
        with measured.collect():
            sys.modules.pop("branchy", None)
            __import__("branchy").pick(True)
        with ParsedFiles(tmp_path / PARSED, settings).lent_to(measured):
            total = measured.report(file=io.StringIO())
        return total, len(parses)

    first, parsed = report()
    assert parsed == 1
    assert first == pytest.approx(100 * 4 / 6)  # 3 of 4 lines, 1 of 2 branches
    assert report() == (first, 0)  # kept
    module.write_text(module.read_text().replace("return 2", "return 3"))
    assert report() == (first, 1)  # the file changed
    assert report() == (first, 0)
    settings.write_text(COVERAGE_SETTINGS + "exclude_also = ['return 3']\n")
    assert report() == (100, 1)  # the settings changed: the missed line and branch are excluded
