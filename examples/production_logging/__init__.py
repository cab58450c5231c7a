"""Examples for "Logging in production": dictConfig first, JSON records, request ids, gunicorn."""
