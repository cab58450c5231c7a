"""Chapter: generic handlers, for HTTPException or Exception, and their traps."""
