"""The mail example in debug mode (``flask run --debug``): no mail handler."""

from examples.error_logging.mail_errors import create_app

__all__ = ["create_app"]
