"""The terminal console: the same commands as chat, with no token and no network."""
