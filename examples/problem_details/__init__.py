"""Chapter: one error format for an API, RFC 9457 problem details."""
