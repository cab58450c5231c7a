"""Chapter: error handlers. Registering them, and which one Flask picks."""
