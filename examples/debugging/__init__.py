"""Examples for "Debugging application errors"."""
