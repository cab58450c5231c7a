"""Examples that are pytest modules (guide.suite): each [[test]] is an item, and the page shows outcomes."""

from __future__ import annotations

from .project import Project

TESTS = """\
import pytest

from examples.chap.demo import create_app


@pytest.fixture
def client():
    return create_app().test_client()


def test_gone(client):
    assert client.get("/gone").status_code == 410


def test_expects_a_raise(client):
    with pytest.raises(KeyError):
        client.get("/gone")
"""
SPEC = """\
[[test]]
name = "test_gone"
outcome = "passed"

[[test]]
name = "test_expects_a_raise"
outcome = "failed"
message = "DID NOT RAISE KeyError"
"""


def with_tests(project: Project, spec: str = SPEC) -> None:
    project.write("examples/chap/test_demo.py", TESTS)
    project.write("examples/chap/test_demo.toml", spec)
    project.write(
        "docs/index.md", "# Demo\n\n```{example} chap.demo\n```\n\n```{example} chap.test_demo\n```\n"
    )


def test_each_test_is_an_item_and_the_module_is_not_collected_again(project: Project) -> None:
    with_tests(project)
    result = project.pytest("-v")
    assert result.returncode == 0, result.output
    assert "test_demo.py::test_gone passed PASSED" in result.output
    assert "test_expects_a_raise failed PASSED" in result.output
    assert "test_demo.py::test_gone PASSED" not in result.output  # not run a second time as a test


def test_an_outcome_that_differs_fails_with_the_line_and_what_pytest_said(project: Project) -> None:
    with_tests(project, SPEC.replace('"failed"\nmessage = "DID NOT RAISE KeyError"', '"passed"'))
    result = project.pytest()
    assert result.returncode == 1
    assert "(examples/chap/test_demo.toml:5), test test_expects_a_raise" in result.output
    assert "expected the test to have passed, but it failed: Failed: DID NOT RAISE KeyError" in result.output


def test_the_page_shows_each_outcome_and_how_to_run_it(project: Project) -> None:
    with_tests(project)
    result = project.sphinx()
    assert result.returncode == 0, result.output
    page = project.html()
    assert '<span class="pre">pytest</span> <span class="pre">examples/chap/test_demo.py</span>' in page
    assert 'id="chap-test-demo-tests"' in page
    assert "Failed: DID NOT RAISE KeyError" in page


def test_a_broken_test_table_names_the_file_and_line(project: Project) -> None:
    with_tests(project, '[[test]]\nname = "test_gone"\noutcome = "maybe"\n')
    result = project.pytest()
    assert (
        "examples/chap/test_demo.toml:1: a [[test]] needs a name and an outcome, one of passed, failed"
        in (result.output)
    )
