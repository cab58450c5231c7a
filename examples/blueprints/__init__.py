"""Chapter: blueprints and error handlers."""
