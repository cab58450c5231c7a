"""The upload view under the plain test client: it can't send a short body."""

from .disconnect_default import create_app as create_app
