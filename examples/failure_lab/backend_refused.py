"""The forecast page, with nothing listening where its service should be."""

from .forecast import create_app as create_app
