"""The forecast page, its service accepting connections but never answering."""

from .forecast import create_app as create_app
