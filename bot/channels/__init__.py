"""The edges a message arrives from and leaves by."""
