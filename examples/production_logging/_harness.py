"""The harness of the request-id example: ``uuid.uuid4()`` drawn from a seeded generator.

The app makes a new request id with ``uuid.uuid4()`` when the caller sends
none. Drawn at random, it would differ on every run; seeded, every run of the
example draws the same ids, one after the other.
"""

import contextlib
import random
import uuid
from unittest import mock


@contextlib.contextmanager
def seeded_request_ids():
    drawn = random.Random(2026)

    def uuid4() -> uuid.UUID:
        return uuid.UUID(int=drawn.getrandbits(128), version=4)

    with mock.patch("uuid.uuid4", uuid4):
        yield {}
