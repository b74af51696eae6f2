"""The `python -m bot` commands that are neither a channel nor an admin report."""
