"""Chapter: API errors as JSON."""
