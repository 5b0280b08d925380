"""Where results live: the :class:`Store` interface, its backends and :func:`open_store`.

>>> with open_store("memory://") as store:
...     store.summary().events
0
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .base import (
    FLAT_EVENT_COLUMNS,
    FLAT_QUOTE_COLUMNS,
    RunStats,
    Store,
    Summary,
    flatten_event,
    flatten_quote,
)
from .memory import MemoryStore

__all__ = ["FLAT_EVENT_COLUMNS", "FLAT_QUOTE_COLUMNS", "MemoryStore", "RunStats", "Store", "Summary",
           "flatten_event", "flatten_quote", "open_store"]


def open_store(url_or_path: str | Path) -> Store:
    """Open (creating if needed) the store named by a path or URL.

    ``PATH`` or ``sqlite:///PATH`` -> SQLite; ``postgresql://user@host/db[?schema=NAME]`` ->
    PostgreSQL (:mod:`eventwire.store.postgres`); ``memory://`` -> in-memory (tests).
    """
    target = str(url_or_path)
    if target == "memory://":
        return MemoryStore()
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(target)
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    elif "://" in target:
        raise StoreError(f"unknown store URL scheme in {target!r} "
                         "(use a path, sqlite:///PATH or postgresql://USER@HOST/DB)", code="E303")
    from .sqlite import SQLiteStore

    return SQLiteStore(target)
