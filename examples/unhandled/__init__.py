"""Chapter: unhandled exceptions, the 500 handler, debug mode and logging."""
