"""SQLite backend specifics: pragmas, migrations, atomic writes, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.store import sqlite as sqlite_store
from eventwire.store.sqlite import LATEST, SQLiteStore, connect, migrate, schema_version
from test_store_factories import make_article, ok_result


def test_store_sqlite_pragmas_and_version(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "ew.db") as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.version == LATEST == 3


def test_store_sqlite_migrates_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path)
    assert migrate(conn, target=1) == 1
    art = make_article("old", "Un article écrit avant la recherche plein texte, menacé.")
    conn.execute("INSERT INTO articles (id, content_hash, text, status) VALUES (?, ?, ?, 'ok')",
                 (art.id, art.content_hash, art.text))
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0] == 0
    conn.close()
    with SQLiteStore(path) as store:
        assert store.version == 3
        assert store.search("menace") == ["old"]      # the index was rebuilt over existing rows
        assert store.article("old").text == art.text


def test_store_sqlite_schema_2_gains_the_inferred_columns_and_keeps_its_events(tmp_path: Path) -> None:
    from eventwire.records import Actor, Event, Result, TextRef
    path = tmp_path / "v2.db"
    conn = connect(path)
    assert migrate(conn, target=2) == 2
    cols = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    assert "target_inferred" not in cols and "target_kb_id" in cols
    conn.close()
    art = make_article("a", "L'armée syrienne combat Daech. Daech a lancé une offensive.")
    ev = Event(article_id="a", language="fr", type="ASSAULT", trigger=TextRef("offensive", (46, 55)),
               evidence=TextRef("Daech a lancé une offensive.", (31, 59)),
               source=Actor("Daech", "Islamic State", (31, 36), None, "REB", "islamic-state"),
               target=Actor("armée syrienne", "Syria", (2, 16), "SYR", "MIL", "state:SYR", inferred="counterpart"))
    with SQLiteStore(path) as store:
        assert store.version == 3
        store.save_result(Result(article=art, events=(ev,)))
        row = store._conn.execute("SELECT source_inferred, target_inferred FROM events").fetchone()
        assert tuple(row) == (None, "counterpart")
        assert list(store.events()) == [ev]


def test_store_sqlite_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (99, 'future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer") as err:
        SQLiteStore(path)
    assert err.value.code == "E302"


def test_store_sqlite_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all, just some bytes\n" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        SQLiteStore(path)


def test_store_sqlite_save_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise KeyboardInterrupt

    with SQLiteStore(tmp_path / "ew.db") as store:
        monkeypatch.setattr(sqlite_store, "_save_quotes", broken)   # fails after article and events
        with pytest.raises(KeyboardInterrupt):
            store.save_result(ok_result("a1"))
        assert store.article("a1") is None
        assert list(store.events()) == []
        assert store._conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == 0
        monkeypatch.undo()
        store.save_result(ok_result("a1"))
        assert len(list(store.events())) == 2


def test_store_sqlite_tables_hold_flat_columns_and_entities(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "ew.db") as store:
        store.save_result(ok_result("a1"))
        store.save_result(ok_result("a2", "Autre texte du Hezbollah, qui a menacé Israël à Beyrouth."))
        c = store._conn
        row = c.execute("SELECT type, source_name, target_country, location_lat, trigger_start, negated "
                        "FROM events WHERE type = 'THREATEN' AND article_id = 'a1'").fetchone()
        assert row == ("THREATEN", "Hezbollah", "ISR", 33.89, 13, 0)
        actors = c.execute("SELECT name FROM actors ORDER BY name").fetchall()
        assert actors == [("Hezbollah",), ("Israel",), ("United States",)]   # distinct entities
        assert c.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == 6
        assert c.execute("SELECT count(*) FROM place_mentions").fetchone()[0] == 2
        assert c.execute("SELECT count(*) FROM places").fetchone()[0] == 1


def test_store_sqlite_persists_across_connections(tmp_path: Path) -> None:
    path = tmp_path / "ew.db"
    with SQLiteStore(path) as store:
        run = store.begin_run({"a": 1}, "0.1.0")
        store.save_result(ok_result("a1"), run)
    with SQLiteStore(path) as store:
        assert [e.type for e in store.events()] == ["THREATEN", "ACCUSE"]
        assert schema_version(store._conn) == LATEST
