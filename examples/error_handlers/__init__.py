"""Chapter: error handlers."""
