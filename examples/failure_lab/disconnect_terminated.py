"""The upload view behind a server that sets ``wsgi.input_terminated``."""

from .disconnect_default import create_app as create_app
