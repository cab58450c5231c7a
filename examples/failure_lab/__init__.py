"""Chapter: a failure lab. Each cause of failure, made real and handled."""
