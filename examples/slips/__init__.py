"""Chapter: known slips in widely copied snippets, each run beside its correction."""
