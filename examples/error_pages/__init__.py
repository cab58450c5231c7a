"""Chapter: custom error pages."""
