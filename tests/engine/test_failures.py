"""Break an example on purpose: the tests and the build both fail, and say precisely where."""

from __future__ import annotations

import pytest

from .project import Project


def test_the_untouched_project_passes(project: Project) -> None:
    tests, build = project.pytest(), project.sphinx("-W")
    assert tests.returncode == 0, tests.output
    assert "2 passed" in tests.output
    assert build.returncode == 0, build.output
    assert '<code class="guide-run docutils literal notranslate"><span class="pre">410</span></code>' in (
        project.html()
    )


def test_a_changed_behaviour_fails_tests_and_build_with_a_diff(project: Project) -> None:
    project.edit("examples/chap/demo.py", "abort(410)", "abort(404)")
    tests, build = project.pytest(), project.check()
    expected = "status: expected 410, got 404 NOT FOUND"
    assert tests.returncode == 1, tests.output
    assert "FAILED examples/chap/demo.py::GET /gone -> 410" in tests.output
    assert "example chap/demo (examples/chap/demo.toml:1), exchange GET /gone -> 410" in tests.output
    assert "documented in docs/index.md" in tests.output
    assert expected in tests.output
    assert "body lacks 'Gone'" in tests.output
    assert "Traceback" not in tests.output
    assert build.returncode == 1, build.output  # even without -W
    assert "docs/index.md:5: ERROR: example chap/demo" in build.output
    assert expected in build.output
    assert "Traceback" not in build.output


def test_a_changed_body_shows_a_unified_diff(project: Project) -> None:
    project.edit("examples/chap/demo.toml", 'contains = ["Gone"]', 'text = "old\\nsame"')
    project.edit("examples/chap/demo.py", "abort(410)", 'return "new\\nsame", 410')
    tests = project.pytest()
    assert tests.returncode == 1, tests.output
    assert "body differs:" in tests.output
    assert "    -old\n    +new\n     same" in tests.output


def test_the_rebuild_still_fails_when_nothing_changed(project: Project) -> None:
    project.edit("examples/chap/demo.py", "abort(410)", "abort(404)")
    assert project.check().returncode == 1
    again = project.check()
    assert again.returncode == 1, again.output
    assert "1 problem(s) with examples or hand-typed claims on: index" in again.output


def test_an_import_error_names_the_file_and_line(project: Project) -> None:
    project.edit("examples/chap/demo.py", "from flask import Flask, abort", "from flask import Flask, abrot")
    tests, build = project.pytest(), project.check()
    message = (
        "examples/chap/demo.py:3: example 'chap.demo' failed to import: "
        "ImportError: cannot import name 'abrot'"
    )
    assert message in tests.output
    assert build.returncode == 1
    assert f"docs/index.md:5: ERROR: {message}" in build.output
    assert "Traceback" not in tests.output + build.output


def test_a_syntax_error_names_the_file_and_line_in_tests_gate_and_build(project: Project) -> None:
    project.edit("examples/chap/demo.py", "    return app", "    return app)")
    tests, build = project.pytest("--examples-coverage"), project.check()
    message = "examples/chap/demo.py:13: example 'chap.demo' failed to import: SyntaxError: unmatched ')'"
    assert tests.returncode == 1
    assert message in tests.output
    # coverage.py cannot parse it either: the gate says so instead of crashing pytest.
    assert (
        "FAILED: coverage could not report on examples/: Couldn't parse 'examples/chap/demo.py' "
        """as Python source: "unmatched ')'" at line 13"""
    ) in tests.output
    assert build.returncode == 1
    assert f"docs/index.md:5: ERROR: {message}" in build.output
    assert "Traceback" not in tests.output + build.output
    assert "INTERNALERROR" not in tests.output


def test_an_error_while_building_the_app_names_the_line(project: Project) -> None:
    project.edit(
        "examples/chap/demo.py",
        "    return app",
        "    app.register_error_handler(599, print)\n    return app",
    )
    tests = project.pytest()
    assert "examples/chap/demo.py:13: building the app of 'chap.demo' raised ValueError" in tests.output


def test_a_missing_example_names_the_page_and_line(project: Project) -> None:
    project.edit("docs/index.md", "{example} chap.demo", "{example} chap.nothere")
    build = project.check()
    assert build.returncode == 1
    assert (
        "docs/index.md:5: ERROR: example 'chap.nothere' not found: no file examples/chap/nothere.py"
        in build.output
    )


def test_a_malformed_expectation_names_file_and_line_in_tests_and_build(project: Project) -> None:
    project.edit("examples/chap/demo.toml", "status = 410", "statu = 410")
    tests, build = project.pytest(), project.check()
    message = "examples/chap/demo.toml:4: unknown key 'statu' in exchange 1 (did you mean 'status'?)"
    assert tests.returncode == 1
    assert message in tests.output
    assert build.returncode == 1
    assert message in build.output


def test_an_unknown_option_is_rejected(project: Project) -> None:
    project.edit("docs/index.md", "{example} chap.demo\n", "{example} chap.demo\n:lines: 1-3\n")
    build = project.check("-W")  # MyST reports unknown options as warnings; the docs session uses -W
    assert build.returncode == 1
    assert (
        "docs/index.md:6: WARNING: 'example': Unknown option key: 'lines' (allowed: ['emphasize',"
        in build.output
    ), build.output


PAGE_WITH_INLINE_PYTHON = """\
# Demo

```python
print("not from examples/")
```

```{code-block} pycon
>>> 1 + 1
```

Shell and configuration blocks are welcome:

```sh
nox -s examples
```

```toml
status = 404
```

```{literalinclude} ../examples/chap/demo.py
```
"""


def test_inline_python_is_rejected_with_its_line(project: Project) -> None:
    project.write("docs/index.md", PAGE_WITH_INLINE_PYTHON)
    build = project.check()
    assert build.returncode == 1
    rejected = "ERROR: inline Python is not allowed: put the code in examples/ and show it with"
    for line in (3, 7, 21):  # the python and pycon fences, and a Python file included by hand
        assert f"docs/index.md:{line}: {rejected}" in build.output, build.output
    assert build.output.count(rejected) == 3  # the sh and toml blocks pass


def test_a_role_pointing_nowhere_is_an_error(project: Project) -> None:
    project.edit("docs/index.md", "chap.demo/gone:status", "chap.demo/went:status")
    build = project.check()
    assert build.returncode == 1
    assert (
        "docs/index.md:3: ERROR: run role 'chap.demo/went:status': example 'chap.demo' has no exchange"
        in build.output
    )


def test_an_example_without_expectations_fails_the_tests(project: Project) -> None:
    project.write("examples/chap/orphan.py", "from flask import Flask\n\napp = Flask(__name__)\n")
    tests = project.pytest()
    assert tests.returncode == 1
    assert "example 'chap.orphan' has no expectations: no file examples/chap/orphan.toml" in tests.output


def test_an_example_no_page_shows_fails_the_tests(project: Project) -> None:
    project.write("docs/index.md", "# Demo\n\nNo example here.\n")
    tests = project.pytest()
    assert tests.returncode == 1
    assert "FAILED examples/chap/demo.py::shown on a page" in tests.output
    assert "example 'chap.demo' is not shown by any {example} directive under docs/" in tests.output


def test_log_exception_types_and_the_wsgi_error_stream_are_checked(project: Project) -> None:
    project.edit("examples/chap/demo.py", "abort(410)", "return {}['missing']")
    project.write(
        "examples/chap/demo.toml",
        """\
        [[exchange]]
        name = "gone"
        request = "GET /gone"
        status = 500
        wsgi_errors = ["ERROR in app: Exception on /gone [GET]", "KeyError: 'missing'"]

        [[exchange.logs]]
        logger = "examples.chap.demo"
        level = "ERROR"
        message = "Exception on /gone [GET]"
        exception = "KeyError"
        """,
    )
    project.edit("docs/index.md", "{run}`chap.demo/gone:status`", "{run}`chap.demo/gone:status-line`")
    assert project.pytest().returncode == 0
    build = project.sphinx("-W")
    assert build.returncode == 0, build.output
    assert "[ERROR] examples.chap.demo: Exception on /gone [GET]" in project.html()
    project.edit("examples/chap/demo.toml", 'exception = "KeyError"', 'exception = "IndexError"')
    project.edit("examples/chap/demo.toml", "KeyError: 'missing'", "KeyError: 'other'")
    tests = project.pytest()
    assert "(exception: IndexError)" in tests.output
    assert "wsgi.errors lacks \"KeyError: 'other'\"" in tests.output


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            ":emphasize: no such marker",
            "example 'chap.demo': no line contains the :emphasize: marker 'no such marker'",
        ),
        (":pyobject: nowhere", "example 'chap.demo': "),
    ],
)
def test_an_excerpt_that_matches_nothing_is_an_error(project: Project, option: str, message: str) -> None:
    project.edit("docs/index.md", "{example} chap.demo\n", f"{{example}} chap.demo\n{option}\n")
    build = project.check()
    assert build.returncode == 1
    assert f"docs/index.md:5: ERROR: {message}" in build.output, build.output
    assert "Traceback" not in build.output
