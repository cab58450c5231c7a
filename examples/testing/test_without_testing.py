"""A slip: the app under test was built without TESTING."""

import pytest

from examples.testing.shop import create_app


@pytest.fixture
def client():
    return create_app().test_client()  # slip: no {"TESTING": True}


def test_the_exception_reaches_the_test(client):
    with pytest.raises(ConnectionError):
        client.post("/checkout")


def test_the_500_handler_answers(client):
    assert client.post("/checkout").status_code == 500
