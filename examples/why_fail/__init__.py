"""Chapter: why applications fail, and what Flask does about it by default."""
