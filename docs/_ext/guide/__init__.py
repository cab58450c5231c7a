"""The guide's examples engine.

``expectations`` loads what each example must do, ``inputs`` finds the files a
run depends on, ``runner`` plays an example through Flask's test client,
``transcript`` holds and normalises what came back, ``compare`` explains
differences, and ``runs`` is the one way to get a run (cached for the docs
build, afresh for the tests), keyed with ``fingerprint``. ``sphinxext`` renders
runs into pages and ``pytest_plugin`` turns them into test items, with
``examples_coverage`` for its coverage gate. Only ``sphinxext`` imports Sphinx,
and only ``pytest_plugin`` imports pytest.
"""
