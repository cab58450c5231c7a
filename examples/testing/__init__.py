"""Chapter: testing error handling with pytest."""
