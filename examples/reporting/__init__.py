"""Examples for "Reporting errors to a service": Sentry, without a network."""
