"""Storage: the `Store` protocol, its records and `StorageError` (`protocol.py`), and the SQLite backend
(`sqlite.py`, with its handover tickets in `sqlite_handover.py`).

The core, the channels and the admin views import `bot.storage.protocol` only; `bot/app.py` is the one
module that opens the SQLite backend. The package re-exports nothing, so importing the protocol does
not load aiosqlite and cryptography.
"""
