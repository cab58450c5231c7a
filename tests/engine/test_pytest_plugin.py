"""`nox -s examples`: one item per exchange, the examples run in two workers, a coverage gate, a record."""

from __future__ import annotations

import json
import os
import re
import sys

import pytest

from guide.examples_coverage import KEPT
from guide.expectations import installed_version

from .project import APP, Project
from .test_runs import COUNTED_APP, runs_logged

# Each build of its app appends whether coverage's tracer (or sys.monitoring) was on.
TRACED_APP = APP.replace(
    "def create_app():\n",
    "def create_app():\n"
    "    import pathlib, sys\n"
    "    monitoring = getattr(sys, 'monitoring', None)  # coverage's sysmon core\n"
    "    traced = sys.gettrace() is not None or bool(monitoring and monitoring.get_tool(1))\n"
    '    with open(pathlib.Path(__file__).parents[2] / "runs.log", "a") as log:\n'
    '        log.write(f"{traced}\\n")\n',
)


def three_examples(project: Project, app: str = APP) -> Project:
    project.show_examples(["a", "b", "c"], app)
    return project


def test_items_are_named_after_the_exchange_and_the_example_file(project: Project) -> None:
    result = project.pytest("--collect-only", "-q")
    assert "examples/chap/demo.py::GET /gone -> 410" in result.output
    assert "examples/chap/demo.py::shown on a page" in result.output


def test_the_examples_run_once_each_in_worker_processes(project: Project) -> None:
    three_examples(project, COUNTED_APP)
    result = project.pytest("--examples-coverage")
    assert result.returncode == 0, result.output
    assert "coverage of examples/ is 100.00% (required: 100.0%)" in result.output
    ran = runs_logged(project)
    assert len(ran) == 3, ran
    assert str(os.getpid()) not in ran  # the workers ran them, not this process


def test_with_s_the_examples_run_here(project: Project) -> None:
    three_examples(project, COUNTED_APP)
    assert project.pytest("-s").returncode == 0
    assert set(runs_logged(project)) == {str(os.getpid())}


# Every core coverage.py can use here with branch coverage (pyproject.toml): it measures
# branches with sys.monitoring (sysmon) from Python 3.14, and before that falls back to ctrace.
CORES = ["ctrace", "pytrace"] + (["sysmon"] if sys.version_info >= (3, 14) else [])


@pytest.mark.parametrize("core", CORES)
def test_a_line_no_example_runs_fails_the_gate_with_its_number(
    project: Project, core: str, monkeypatch
) -> None:
    monkeypatch.setenv("COVERAGE_CORE", core)
    three_examples(project)
    assert project.pytest("--examples-coverage").returncode == 0  # every share kept, and the report
    project.edit(
        "examples/chap/c.py", "    return app\n", "    return app\n\n\ndef unused():\n    return 1\n"
    )
    result = project.pytest("--examples-coverage")
    assert result.returncode == 1, result.output
    assert "6 passed" in result.output
    unused_line = (project.root / "examples/chap/c.py").read_text().splitlines().index("    return 1") + 1
    (row,) = [line for line in result.output.splitlines() if re.match(r"examples/chap/c.py +\d", line)]
    assert row.split()[-1] == str(unused_line), row
    assert "FAILED: coverage of examples/ is 9" in result.output
    assert "under the required 100.0%" in result.output


def test_the_gate_does_not_apply_when_not_every_example_runs(project: Project) -> None:
    three_examples(project, COUNTED_APP)
    result = project.pytest("--examples-coverage", "-k", "a.py or b.py")
    assert result.returncode == 0, result.output
    assert "not every example ran, so the coverage gate does not apply" in result.output
    assert len(runs_logged(project)) == 2  # c, left out, never ran


def test_an_unchanged_example_runs_untraced_with_its_share_kept(project: Project) -> None:
    three_examples(project, TRACED_APP)
    log = project.root / "runs.log"

    def run() -> list[str]:
        log.unlink(missing_ok=True)
        result = project.pytest("--examples-coverage")
        assert result.returncode == 0, result.output
        assert "coverage of examples/ is 100.00%" in result.output
        return sorted(log.read_text().split())

    assert run() == ["True"] * 3
    assert run() == ["False"] * 3  # every example still ran, untraced
    project.edit("examples/chap/b.py", "    return app\n", "    return app  # edited\n")
    assert run() == ["False", "False", "True"]  # b's inputs changed: measured again
    assert len(list((project.root / KEPT).glob("chap.b-*.json"))) == 1  # its old share is gone


def test_a_file_no_example_imports_fails_the_gate_when_every_share_is_kept(project: Project) -> None:
    three_examples(project)
    project.write("examples/chap/_forgotten.py", "def nobody_calls_me():\n    return 1\n")
    for _ in range(2):  # measured, then kept
        result = project.pytest("--examples-coverage")
        assert result.returncode == 1, result.output
        assert "examples/chap/_forgotten.py       2      2      0      0     0%   1-2" in result.output


def test_only_a_run_of_every_item_records_the_flask_version(project: Project) -> None:
    record = project.root / "_build" / "verified" / f"flask-{installed_version('flask')}.json"
    for partial in (["--collect-only"], ["-k", "no such exchange"], ["-x", "-k", "GET"]):
        project.pytest(*partial)
        assert not record.exists(), partial
    assert project.pytest().returncode == 0
    assert json.loads(record.read_text())["examples"]["chap.demo"]["passed"] is True
    written = record.read_bytes()
    project.pytest("--collect-only")  # must not overwrite a full run's record with "not passed"
    assert record.read_bytes() == written
    project.edit("examples/chap/demo.toml", "status = 410", "status = 418")
    assert project.pytest().returncode == 1
    assert json.loads(record.read_text())["examples"]["chap.demo"]["passed"] is False
