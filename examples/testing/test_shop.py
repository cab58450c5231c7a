"""The shop's error handling, tested with pytest and Flask's test client."""

import logging

import pytest
from flask.logging import default_handler

from examples.testing.shop import create_app


@pytest.fixture
def app():
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def test_an_unknown_item_is_a_json_404(client):
    response = client.get("/items/coffee")
    assert response.status_code == 404
    assert response.json == {"error": "no such item"}


def test_the_exception_reaches_the_test(client):
    with pytest.raises(ConnectionError, match="unreachable"):
        client.post("/checkout")


def test_the_500_answer_and_its_log_record(app, caplog):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().post("/checkout")
    assert response.status_code == 500
    assert response.json == {"error": "something broke on our side"}
    [record] = [r for r in caplog.records if r.name == app.logger.name]
    assert record.levelno == logging.ERROR
    assert record.getMessage() == "Exception on /checkout [POST]"
    assert isinstance(record.exc_info[1], ConnectionError)


def test_under_pytest_the_app_has_no_default_handler(app):
    assert default_handler not in app.logger.handlers
