"""Chapter: a production-ready baseline."""
