"""The default store: one SQLite file (WAL, foreign keys, FTS5 search, migrations).

Tables are described in ``docs/store.md``. The schema is built by an ordered list of
:data:`MIGRATIONS`; opening a database applies the ones it has not seen yet, all in one
exclusive transaction (so processes opening one file at once never race), and records
them in ``schema_version``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import E_STORE_BUSY, E_STORE_FULL, StoreError
from ..records import (
    Article,
    DocumentError,
    Event,
    Quote,
    Rejection,
    Result,
    TextRef,
    quote_from_dict,
    stable_id,
)
from ..text import fold_search
from .base import (
    ADDED_EVENT_COLUMNS_3,
    ARTICLE_COLUMNS,
    FLAT_EVENT_COLUMNS,
    FLAT_QUOTE_COLUMNS,
    NAMES_SQL,
    Migration,
    RunStats,
    Store,
    Summary,
    Where,
    article_from_row,
    flatten_event,
    flatten_quote,
    words,
)

log = logging.getLogger(__name__)

_SQL_TYPES = {"string": "TEXT", "int64": "INTEGER", "float64": "REAL", "bool": "INTEGER"}


def _columns(flat: Sequence[tuple[str, str]], skip: Sequence[str]) -> str:
    return ", ".join(f'"{name}" {_SQL_TYPES[kind]}' for name, kind in flat if name not in skip)


_CORE = (
    """CREATE TABLE runs (run_id INTEGER PRIMARY KEY, version TEXT NOT NULL, config TEXT NOT NULL,
       started TEXT NOT NULL, finished TEXT, stats TEXT)""",
    """CREATE TABLE articles (pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
       content_hash TEXT NOT NULL UNIQUE, text TEXT NOT NULL, title TEXT, url TEXT, outlet TEXT,
       published TEXT, language TEXT, source TEXT, status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
       error_stage TEXT, error_code TEXT, error_message TEXT, warnings TEXT NOT NULL DEFAULT '[]',
       run_id INTEGER REFERENCES runs(run_id))""",
    f"""CREATE TABLE events (event_id TEXT PRIMARY KEY,
       article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE, seq INTEGER NOT NULL,
       {_columns(FLAT_EVENT_COLUMNS, ("event_id", *(n for n, _ in ADDED_EVENT_COLUMNS_3)))},
       explanation TEXT, record TEXT NOT NULL)""",
    "CREATE INDEX events_article ON events(article_pk, seq)",
    "CREATE INDEX events_type ON events(type)",
    "CREATE INDEX events_date ON events(date_value)",
    "CREATE INDEX events_source_country ON events(source_country)",
    "CREATE INDEX events_target_country ON events(target_country)",
    "CREATE INDEX events_location_country ON events(location_country)",
    f"""CREATE TABLE quotes (quote_id TEXT PRIMARY KEY,
       article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE, seq INTEGER NOT NULL,
       {_columns(FLAT_QUOTE_COLUMNS, ("quote_id",))}, record TEXT NOT NULL)""",
    "CREATE INDEX quotes_article ON quotes(article_pk, seq)",
    """CREATE TABLE rejections (article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
       seq INTEGER NOT NULL, article_id TEXT NOT NULL, type TEXT NOT NULL, reason TEXT NOT NULL,
       trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
       sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, PRIMARY KEY (article_pk, seq))""",
    """CREATE TABLE failures (pk INTEGER PRIMARY KEY, article_id TEXT NOT NULL, source TEXT NOT NULL,
       stage TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, run_id INTEGER REFERENCES runs(run_id),
       UNIQUE (article_id, source, code))""",
    """CREATE TABLE actors (actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, sector TEXT,
       kb_id TEXT)""",
    """CREATE TABLE actor_mentions (article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
       actor_id TEXT NOT NULL REFERENCES actors(actor_id), event_id TEXT NOT NULL, role TEXT NOT NULL,
       text TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL)""",
    "CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id)",
    """CREATE TABLE places (place_id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, admin1 TEXT,
       lat REAL, lon REAL, precision TEXT, gazetteer_id TEXT)""",
    """CREATE TABLE place_mentions (article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
       place_id TEXT NOT NULL REFERENCES places(place_id), event_id TEXT NOT NULL,
       text TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL)""",
    "CREATE INDEX place_mentions_place ON place_mentions(place_id)",
)

_SEARCH = (
    """CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk',
       tokenize = "unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
       INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
       INSERT INTO articles_fts(articles_fts, rowid, title, text)
       VALUES ('delete', old.pk, old.title, old.text);
       END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
       INSERT INTO articles_fts(articles_fts, rowid, title, text)
       VALUES ('delete', old.pk, old.title, old.text);
       INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)

_INFERRED = tuple(f'ALTER TABLE events ADD COLUMN "{name}" {_SQL_TYPES[kind]}' for name, kind in ADDED_EVENT_COLUMNS_3)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables", _CORE),
    Migration(2, "full-text search over articles", _SEARCH),
    Migration(3, "inferred source and target columns", _INFERRED),
)
LATEST = MIGRATIONS[-1].version


BUSY_TIMEOUT = 60.0  # seconds a connection waits for another one's write lock before E305


def schema_version(conn: sqlite3.Connection) -> int:
    """The recorded schema version (0 for a new file); creates the ``schema_version`` table if missing."""
    conn.execute("""CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL, applied TEXT NOT NULL)""")
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Apply the pending migrations up to ``target``; return the resulting version.

    The version is read and every pending migration applied inside **one** exclusive transaction:
    any number of processes may open a new or an old file at once; the first migrates, the others
    wait for its lock and then find the schema up to date. A failing migration rolls back whole.
    """
    with _transaction(conn, "EXCLUSIVE"):
        current = schema_version(conn)
        if current > LATEST:
            raise StoreError(f"database schema version {current} is newer than this eventwire "
                             f"(knows up to {LATEST}): upgrade eventwire", code="E302")
        for step in MIGRATIONS:
            if current < step.version <= target:
                for statement in step.statements:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (step.version, step.name, _now()))
                log.info("store migrated to schema version %d (%s)", step.version, step.name)
                current = step.version
    return current


class _transaction:
    """``BEGIN IMMEDIATE`` (or ``EXCLUSIVE``) ... ``COMMIT``, or ``ROLLBACK`` on any exception
    (Ctrl-C included)."""

    def __init__(self, conn: sqlite3.Connection, mode: str = "IMMEDIATE") -> None:
        self.conn, self.mode = conn, mode

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute(f"BEGIN {self.mode}")
        return self.conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        elif self.conn.in_transaction:  # SQLite may already have rolled back (disk full, I/O error)
            self.conn.execute("ROLLBACK")


def connect(path: str | Path, timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with the store's pragmas.

    Waits up to ``timeout`` seconds for a lock another process holds (opening, migrating, writing)."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=timeout)
        _retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"), timeout)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise store_error(f"cannot open store {path}", exc) from exc
    conn.create_function("fold", 1, fold_search, deterministic=True)
    return conn


def _retry_busy(run: Any, timeout: float) -> Any:
    """``run()``, retried while SQLite says the file is locked: switching to WAL takes a lock that
    SQLite does not wait for by itself while another process creates the file."""
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            return run()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


_FULL = frozenset({"SQLITE_FULL"})


def store_error(what: str, exc: sqlite3.Error) -> StoreError:
    """A coded :class:`StoreError` for a SQLite error: E304 when the disk (or the file-size limit) is
    full or a write failed, E305 when another process held the lock too long, E300 otherwise."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name in _FULL or name.startswith("SQLITE_IOERR") or "disk is full" in str(exc):
        return StoreError(f"{what}: {exc} (disk or file-size limit full, or write failed; "
                          "what was committed before is kept)", code=E_STORE_FULL)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc):
        return StoreError(f"{what}: {exc} (another process held the store's lock for more than "
                          f"{BUSY_TIMEOUT:.0f} s)", code=E_STORE_BUSY)
    return StoreError(f"{what}: {exc}")


class SQLiteStore(Store):
    """A store in one SQLite file (created if missing, migrated on open).

    Writes and ``has_article`` may come from different threads (``Pipeline.process`` with
    workers reads its input, and so calls ``has_article``, in a pool thread): they share
    one connection under a lock. Iterate ``events()``/``quotes()`` from one thread.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._conn = connect(self.path)
        try:
            migrate(self._conn)
        except sqlite3.Error as exc:
            self._conn.close()
            raise store_error(f"cannot open store {self.path}", exc) from exc
        except StoreError:
            self._conn.close()
            raise

    @property
    def version(self) -> int:
        return schema_version(self._conn)

    def begin_run(self, config: Mapping[str, Any], version: str) -> int:
        with self._write() as c:
            cur = c.execute("INSERT INTO runs (version, config, started) VALUES (?, ?, ?)",
                            (version, json.dumps(config, default=list, ensure_ascii=False), _now()))
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        with self._write() as c:
            c.execute("UPDATE runs SET finished = ?, stats = ? WHERE run_id = ?",
                      (_now(), json.dumps(stats.to_dict()), run_id))

    def has_article(self, content_hash: str) -> bool:
        with self._lock:
            sql = "SELECT 1 FROM articles WHERE content_hash = ?"
            return self._conn.execute(sql, (content_hash,)).fetchone() is not None

    def save_result(self, result: Result, run_id: int | None = None) -> None:
        with self._write() as c:
            if result.article is None:
                if result.error is not None:
                    _save_failure(c, result.error, run_id)
                return
            pk = _replace_article(c, result, run_id)
            _save_events(c, pk, result.events)
            _save_quotes(c, pk, result.quotes)
            _save_rejections(c, pk, result.article.id, result.rejections)

    def article(self, article_id: str) -> Article | None:
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?"
        row = self._conn.execute(sql, (article_id,)).fetchone()
        return None if row is None else article_from_row(row)

    def articles(self) -> Iterator[Article]:
        for row in self._conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY pk"):
            yield article_from_row(row)

    def events(self, *, article_id: str | None = None, type: str | None = None,
               since: str | None = None, country: str | None = None) -> Iterator[Event]:
        where, args = Where(), list[Any]()
        where.add("a.id = ?", article_id, args)
        where.add("e.type = ?", type, args)
        where.add("e.date_value >= ?", since, args)
        if country is not None:
            clause = "(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)"
            where.add(clause, country, args)
            args += [country, country]
        sql = (f"SELECT e.record FROM events e JOIN articles a ON a.pk = e.article_pk {where} "
               "ORDER BY e.article_pk, e.seq")
        for (record,) in self._conn.execute(sql, args):
            yield Event.from_dict(json.loads(record))

    def quotes(self, *, article_id: str | None = None, speaker: str | None = None,
               actor: str | None = None) -> Iterator[Quote]:
        where, args = Where(), list[Any]()
        where.add("a.id = ?", article_id, args)
        names = "fold(q.speaker_name) || char(10) || fold(q.speaker_text)"
        where.add(f"q.speaker_name IS NOT NULL AND instr({names}, fold(?)) > 0", speaker, args)
        where.add("q.speaker_actor IS NOT NULL AND instr(fold(q.speaker_actor), fold(?)) > 0", actor, args)
        sql = (f"SELECT q.record FROM quotes q JOIN articles a ON a.pk = q.article_pk {where} "
               "ORDER BY q.article_pk, q.seq")
        for (record,) in self._conn.execute(sql, args):
            yield quote_from_dict(json.loads(record))

    def rejections(self, article_id: str) -> Iterator[Rejection]:
        sql = ("SELECT sentence_start, sentence_end, trigger_text, trigger_start, trigger_end, type, reason "
               "FROM rejections WHERE article_id = ? ORDER BY article_pk, seq")
        for s0, s1, text, t0, t1, type_, reason in self._conn.execute(sql, (article_id,)):
            yield Rejection(sentence=(s0, s1), trigger=TextRef(text, (t0, t1)), type=type_, reason=reason)

    def errors(self) -> Iterator[DocumentError]:
        failed = ("SELECT id, error_stage, error_code, error_message, source FROM articles "
                  "WHERE status = 'error' ORDER BY pk")
        for aid, stage, code, message, source in self._conn.execute(failed):
            yield DocumentError(aid, stage or "process", code or "E100", message or "", source)
        for aid, stage, code, message, source in self._conn.execute(
                "SELECT article_id, stage, code, message, source FROM failures ORDER BY pk"):
            yield DocumentError(aid, stage, code, message, source or None)

    def search(self, text: str) -> list[str]:
        query = " ".join(f'"{w}"' for w in words(text))
        if not query:
            return []
        sql = ("SELECT a.id FROM articles_fts f JOIN articles a ON a.pk = f.rowid "
               "WHERE articles_fts MATCH ? ORDER BY a.pk")
        return [aid for (aid,) in self._conn.execute(sql, (query,))]

    def summary(self, top: int = 10) -> Summary:
        one = self._scalar
        return Summary(
            articles_ok=one("SELECT count(*) FROM articles WHERE status = 'ok'"),
            articles_failed=one("SELECT count(*) FROM articles WHERE status = 'error'")
            + one("SELECT count(*) FROM failures"),
            events=one("SELECT count(*) FROM events"), quotes=one("SELECT count(*) FROM quotes"),
            events_by_type=self._ranked("SELECT type AS k FROM events"),
            top_sources=self._ranked(NAMES_SQL.format(role="source"), top),
            top_targets=self._ranked(NAMES_SQL.format(role="target"), top),
            failures_by_code=self._ranked("SELECT error_code AS k FROM articles WHERE status = 'error' "
                                          "UNION ALL SELECT code AS k FROM failures"),
        )

    def close(self) -> None:
        self._conn.close()

    def _scalar(self, sql: str) -> int:
        return int(self._conn.execute(sql).fetchone()[0])

    def _ranked(self, sql: str, top: int = -1) -> tuple[tuple[str, int], ...]:
        ranked = f"SELECT k, count(*) AS n FROM ({sql}) GROUP BY k ORDER BY n DESC, k LIMIT ?"
        return tuple((str(k), int(n)) for k, n in self._conn.execute(ranked, (top,)))

    def _write(self) -> _WriteGuard:
        return _WriteGuard(self._conn, self.path, self._lock)


class _WriteGuard(_transaction):
    """A write transaction, under the store's lock, whose SQLite errors become :class:`StoreError`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, lock: threading.RLock) -> None:
        super().__init__(conn)
        self.path, self.lock = path, lock

    def __enter__(self) -> sqlite3.Connection:
        self.lock.acquire()
        try:
            return super().__enter__()
        except sqlite3.Error as exc:
            self.lock.release()
            raise store_error(f"cannot write to store {self.path}", exc) from exc
        except BaseException:
            self.lock.release()
            raise

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            super().__exit__(exc_type, exc, tb)
        except sqlite3.Error as failed:  # COMMIT itself failed (disk full): nothing of it is kept
            raise store_error(f"cannot write to store {self.path}", failed) from failed
        finally:
            self.lock.release()
        if isinstance(exc, sqlite3.IntegrityError):
            raise StoreError(f"cannot write to store {self.path}: {exc}", code="E301") from exc
        if isinstance(exc, sqlite3.Error):
            raise store_error(f"cannot write to store {self.path}", exc) from exc




def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _save_failure(c: sqlite3.Connection, err: DocumentError, run_id: int | None) -> None:
    c.execute("""INSERT INTO failures (article_id, source, stage, code, message, run_id)
                 VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, source, code)
                 DO UPDATE SET stage = excluded.stage, message = excluded.message,
                 run_id = excluded.run_id""",
              (err.article_id, err.source or "", err.stage, err.code, err.message, run_id))


def _replace_article(c: sqlite3.Connection, result: Result, run_id: int | None) -> int:
    a, err = result.article, result.error
    assert a is not None
    old = c.execute("SELECT content_hash FROM articles WHERE id = ?", (a.id,)).fetchone()
    if old is not None and old[0] != a.content_hash:
        log.warning("article %s: new content replaces the stored version", a.id)
    c.execute("DELETE FROM articles WHERE id = ?", (a.id,))
    cur = c.execute(
        """INSERT INTO articles (id, content_hash, text, title, url, outlet, published, language, source,
           status, error_stage, error_code, error_message, warnings, run_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (a.id, a.content_hash, a.text, a.title, a.url, a.outlet, a.published, a.language, a.source,
         "ok" if err is None else "error", err and err.stage, err and err.code, err and err.message,
         json.dumps(list(a.warnings), ensure_ascii=False), run_id))
    return int(cur.lastrowid or 0)


def _insert(c: sqlite3.Connection, table: str, row: Mapping[str, Any], *, ignore: bool = False) -> None:
    names = ", ".join(f'"{k}"' for k in row)
    marks = ", ".join("?" for _ in row)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    c.execute(f"{verb} INTO {table} ({names}) VALUES ({marks})", tuple(row.values()))


def _save_events(c: sqlite3.Connection, pk: int, events: Sequence[Event]) -> None:
    for seq, e in enumerate(events):
        record = json.dumps(e.to_dict(), ensure_ascii=False)
        row = {"article_pk": pk, "seq": seq, **flatten_event(e), "explanation": e.explanation,
               "record": record}
        _insert(c, "events", row, ignore=True)  # a repeated event_id in one article is the same event
        _save_entities(c, pk, e)


def _save_entities(c: sqlite3.Connection, pk: int, e: Event) -> None:
    for role, a in (("source", e.source), ("target", e.target)):
        if a is not None:
            actor_id = stable_id(a.name, a.country, a.sector, a.kb_id)
            _insert(c, "actors", {"actor_id": actor_id, "name": a.name, "country": a.country,
                                  "sector": a.sector, "kb_id": a.kb_id}, ignore=True)
            _insert(c, "actor_mentions", {"article_pk": pk, "actor_id": actor_id, "event_id": e.event_id,
                                          "role": role, "text": a.text, "start": a.span[0], "end": a.span[1]})
    p = e.location
    if p is not None:
        place_id = stable_id(p.name, p.country, p.admin1, p.lat, p.lon, p.precision, p.gazetteer_id)
        _insert(c, "places", {"place_id": place_id, "name": p.name, "country": p.country, "admin1": p.admin1,
                              "lat": p.lat, "lon": p.lon, "precision": p.precision,
                              "gazetteer_id": p.gazetteer_id}, ignore=True)
        _insert(c, "place_mentions", {"article_pk": pk, "place_id": place_id, "event_id": e.event_id,
                                      "text": p.text, "start": p.span[0], "end": p.span[1]})


def _save_quotes(c: sqlite3.Connection, pk: int, quotes: Sequence[Quote]) -> None:
    for seq, q in enumerate(quotes):
        record = json.dumps(q.to_dict(), ensure_ascii=False)
        row = {"article_pk": pk, "seq": seq, **flatten_quote(q), "record": record}
        _insert(c, "quotes", row, ignore=True)


def _save_rejections(c: sqlite3.Connection, pk: int, article_id: str,
                     rejections: Sequence[Rejection]) -> None:
    for seq, r in enumerate(rejections):
        (t0, t1), (s0, s1) = r.trigger.span, r.sentence
        _insert(c, "rejections", {
            "article_pk": pk, "seq": seq, "article_id": article_id, "type": r.type, "reason": r.reason,
            "trigger_text": r.trigger.text, "trigger_start": t0, "trigger_end": t1,
            "sentence_start": s0, "sentence_end": s1})
