"""Build and run the explorer: a read-only Datasette over one SQLite store, with the eventwire plugin.

>>> ds = build("tests/data/missing.db")  # doctest: +SKIP
"""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import EventwireError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

# Datasette settings: no SQL from the URL, no database download, bounded queries.
SETTINGS: dict[str, Any] = {
    "default_allow_sql": False,
    "allow_download": False,
    "suggest_facets": False,
    "sql_time_limit_ms": 2000,
    "facet_time_limit_ms": 500,
    "max_returned_rows": 5000,
    "default_page_size": 50,
    "facet_suggest_time_limit_ms": 50,
}


class ServeError(EventwireError):
    """The store cannot be served (E601 not an eventwire SQLite store, E602 cannot listen,
    E603 not a SQLite path, E604 schema older than this eventwire: migrate it first)."""

    code = "E601"


def store_path(db: str) -> Path:
    """The SQLite file behind ``--db`` (a path or ``sqlite:///PATH``); other URLs raise E603."""
    if db.startswith("sqlite:///"):
        db = db[len("sqlite:///"):]
    elif "://" in db:
        raise ServeError(f"the explorer reads SQLite stores only, not {db.split('://')[0]}:// URLs", code="E603")
    path = Path(db)
    if not path.is_file():
        raise ServeError(f"no store at {path}")
    return path


def check_store(path: Path) -> int:
    """Open read-only and check this is an eventwire store at the current schema; return its version."""
    from ..store.sqlite import LATEST

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"schema_version", "articles", "events"} <= tables:
                raise ServeError(f"{path} is not an eventwire store (no events table)")
            version = int(conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise ServeError(f"cannot read store {path}: {exc}") from exc
    if version > LATEST:
        raise ServeError(f"{path} has schema {version}, newer than this eventwire ({LATEST})", code="E604")
    if version < LATEST:
        raise ServeError(f"{path} has schema {version}; run `eventwire summary --db {path}` once to migrate it "
                         f"to {LATEST} (serve never writes)", code="E604")
    return version


def build(db: str | Path) -> Any:
    """A Datasette instance over the store, with the eventwire plugin registered."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from .. import serve as plugin

    path = store_path(str(db))
    check_store(path)
    if pm.get_plugin("eventwire") is None:
        pm.register(plugin, name="eventwire")
    # the plugin's handle_exception replaces Datasette's, whose rich traceback printer turns 404s into 500s
    default_handler = pm.get_plugin("datasette.handle_exception")
    if default_handler is not None:
        pm.unregister(default_handler)
    return Datasette([str(path)], metadata=plugin.metadata(path.stem), settings=SETTINGS)


def listen(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket (E602 when the address is taken or not ours)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", code="E602") from exc
    sock.listen(128)
    return sock


def run(db: str, *, host: str = "127.0.0.1", port: int = 8001, warn: Callable[[str], None] = print,
        say: Callable[[str], None] = print) -> None:
    """Serve until interrupted. Bound to 127.0.0.1 unless ``host`` says otherwise (with a warning)."""
    import uvicorn

    ds = build(db)
    if host not in LOCAL_HOSTS:
        warn(f"warning: listening on {host}: anyone who can reach this machine can read the store "
             "(use the default 127.0.0.1 to keep it local)")
    sock = listen(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    say(f"eventwire explorer on http://{shown}:{bound}/ (read-only; Ctrl-C to stop)")
    config = uvicorn.Config(ds.app(), log_level="warning", lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
