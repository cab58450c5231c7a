"""Examples for "Logging errors": mail, files, syslog, formats, libraries."""
