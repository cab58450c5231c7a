"""Chapter: bad requests, what Flask does with input the app cannot use."""
