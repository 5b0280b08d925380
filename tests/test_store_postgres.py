"""PostgreSQL backend specifics, on a real server (tests/_postgres.py): migrations under the advisory lock,
concurrent openers and writers, COPY batches, full-text search with unaccent (and its fallback)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from eventwire.errors import StoreError
from eventwire.records import Result
from eventwire.store import postgres as pg_store
from eventwire.store.postgres import LATEST, PostgresStore, connect, migrate, split_url
from test_store_factories import TEXT_FR, make_article, make_threat, ok_result


@pytest.fixture
def conn(pg_url: str) -> Iterator[object]:
    """A raw connection whose search_path is the test's (still empty) schema."""
    url, schema = split_url(pg_url)
    c = connect(url)
    c.execute(f'CREATE SCHEMA "{schema}"')
    c.execute("SELECT set_config('search_path', %s, false)", (f'"{schema}"',))
    yield c
    c.close()


def _article_ids(pg_url: str) -> list[str]:
    with PostgresStore(pg_url) as s:
        return [r[0] for r in s._conn.execute("SELECT id FROM articles ORDER BY id")]


def test_store_postgres_version_and_search_folding(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        assert store.version == LATEST == 3
        assert store.search_folding == "unaccent"
        rows = store._conn.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
        assert [v for v, _ in rows] == [1, 2, 3]


def test_store_postgres_migrates_older_database(pg_url: str, conn) -> None:
    assert migrate(conn, target=1) == 1
    art = make_article("old", "Un article écrit avant la recherche plein texte, menacé.")
    conn.execute("INSERT INTO articles (id, content_hash, text, status) VALUES (%s, %s, %s, 'ok')",
                 (art.id, art.content_hash, art.text))
    with PostgresStore(pg_url) as store:
        assert store.version == 3
        assert store.search("menace") == ["old"]        # the tsvector column was computed over existing rows
        assert store.article("old").text == art.text


def test_store_postgres_schema_2_gains_the_inferred_columns(pg_url: str, conn) -> None:
    from eventwire.records import Actor, Event, TextRef
    assert migrate(conn, target=2) == 2
    cols = {r[0] for r in conn.execute("SELECT column_name FROM information_schema.columns "
                                       "WHERE table_schema = current_schema() AND table_name = 'events'")}
    assert "target_inferred" not in cols and "target_kb_id" in cols
    art = make_article("a", "L'armée syrienne combat Daech. Daech a lancé une offensive.")
    ev = Event(article_id="a", language="fr", type="ASSAULT", trigger=TextRef("offensive", (46, 55)),
               evidence=TextRef("Daech a lancé une offensive.", (31, 59)),
               source=Actor("Daech", "Islamic State", (31, 36), None, "REB", "islamic-state"),
               target=Actor("armée syrienne", "Syria", (2, 16), "SYR", "MIL", "state:SYR", inferred="counterpart"))
    with PostgresStore(pg_url) as store:
        assert store.version == 3
        store.save_result(Result(article=art, events=(ev,)))
        row = store._conn.execute("SELECT source_inferred, target_inferred FROM events").fetchone()
        assert tuple(row) == (None, "counterpart")
        assert list(store.events()) == [ev]


def test_store_postgres_refuses_newer_schema(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store._conn.execute("INSERT INTO schema_version (version, name) VALUES (99, 'future')")
    with pytest.raises(StoreError, match="newer") as err:
        PostgresStore(pg_url)
    assert err.value.code == "E302"


def test_store_postgres_concurrent_openers_migrate_once(pg_url: str) -> None:
    opened: list[int] = []
    failed: list[BaseException] = []

    def open_one() -> None:
        try:
            with PostgresStore(pg_url) as s:
                opened.append(s.version)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failed.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failed == []
    assert opened == [3] * 6
    with PostgresStore(pg_url) as s:
        assert s._conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 3


def test_store_postgres_batch_is_copied_in_one_transaction(pg_url: str) -> None:
    batch = [ok_result(f"a{i}", f"{TEXT_FR} Dépêche numéro {i}.") for i in range(250)]
    with PostgresStore(pg_url) as store:
        store.save_results(batch)
        s = store.summary()
        assert (s.articles_ok, s.events, s.quotes) == (250, 500, 250)
        c = store._conn
        assert c.execute("SELECT count(*) FROM actors").fetchone()[0] == 3        # distinct entities
        assert c.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == 750
        assert c.execute("SELECT count(*) FROM place_mentions").fetchone()[0] == 250
        assert c.execute("SELECT count(*) FROM rejections").fetchone()[0] == 250
        assert [e.event_id for e in store.events(article_id="a7")] == [e.event_id for e in batch[7].events]
        # one conflicting article (same content as a stored one, another id) refuses its whole batch
        clash = [ok_result("new1", "Un texte neuf."), ok_result("copy", f"{TEXT_FR} Dépêche numéro 3.")]
        with pytest.raises(StoreError) as err:
            store.save_results(clash)
        assert err.value.code == "E301"
        assert store.article("new1") is None and store.article("copy") is None


def test_store_postgres_save_is_all_or_nothing(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pg_store._copy

    def broken(conn, table, columns, rows):  # fails after the article and its events went in
        if table == "quotes":
            raise KeyboardInterrupt
        return real(conn, table, columns, rows)

    with PostgresStore(pg_url) as store:
        monkeypatch.setattr(pg_store, "_copy", broken)
        with pytest.raises(KeyboardInterrupt):
            store.save_result(ok_result("a1"))
        assert store.article("a1") is None
        assert list(store.events()) == []
        assert store._conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        monkeypatch.undo()
        store.save_result(ok_result("a1"))
        assert len(list(store.events())) == 2


def test_store_postgres_concurrent_writers_lose_and_duplicate_nothing(pg_url: str) -> None:
    """Two writers save the same 60 articles in opposite orders, in batches of 7: every article once."""
    results = [ok_result(f"c{i:02d}", f"{TEXT_FR} Écrit par deux ({i}).") for i in range(60)]
    PostgresStore(pg_url).close()
    failed: list[BaseException] = []

    def writer(order: list[Result]) -> None:
        try:
            with PostgresStore(pg_url) as s:
                for i in range(0, len(order), 7):
                    s.save_results(order[i:i + 7])
        except BaseException as exc:  # noqa: BLE001 - reported below
            failed.append(exc)

    threads = [threading.Thread(target=writer, args=(o,)) for o in (results, results[::-1])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failed == []
    assert _article_ids(pg_url) == [f"c{i:02d}" for i in range(60)]
    with PostgresStore(pg_url) as s:
        ids = [e.event_id for e in s.events()]
        assert len(ids) == len(set(ids)) == 120
        assert s._conn.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == 180


def test_store_postgres_search_without_unaccent_falls_back(pg_url: str, caplog) -> None:
    with caplog.at_level("WARNING"), PostgresStore(pg_url, unaccent=False) as store:
        assert store.search_folding == "translate"
        store.save_result(ok_result("a1"))
        store.save_result(Result(article=make_article("a2", "Une dépêche : œuvre, Ærø, Łódź.", title="Brève")))
        assert store.search("menace") == ["a1"]
        assert store.search("ETATS") == ["a1"]
        assert store.search("depeche oeuvre") == ["a2"]
        assert store.search("breve") == ["a2"]
        assert len(list(store.quotes(speaker="ALI AHMAD"))) == 1
    assert "[E311]" in caplog.text


def test_store_postgres_nul_characters(pg_url: str) -> None:
    text = "Le Hezbollah\x00 a menacé Israël."
    art = make_article("nul", text)
    ev = make_threat("nul")
    with PostgresStore(pg_url) as store:
        store.save_result(Result(article=art, events=(ev,)))
        stored = store.article("nul")
        assert stored.text == text.replace("\x00", "\ufffd") and len(stored.text) == len(text)
        assert list(store.events()) == [ev]                 # the JSON record keeps everything


def test_store_postgres_streams_while_other_calls_are_made(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.save_results([ok_result(f"s{i}", f"{TEXT_FR} ({i})") for i in range(30)])
        seen = []
        for event in store.events(type="THREATEN"):
            seen.append(store.article(event.article_id).id)    # another query while the cursor is open
        assert seen == [f"s{i}" for i in range(30)]
        first = next(store.quotes())                           # an abandoned stream frees its connection
        assert first.article_id == "s0"
        assert store.summary().events == 60


def test_store_postgres_schema_name_is_quoted(pg_url: str) -> None:
    url, _ = split_url(pg_url)
    odd = f'{pg_url.rsplit("=", 1)[1]}"; Drop'
    from _postgres import drop_schema
    try:
        with PostgresStore(f"{url}?schema={odd}") as store:
            store.save_result(ok_result("a1"))
            assert store._conn.execute("SELECT current_schema()").fetchone()[0] == odd
    finally:
        drop_schema(url, odd.replace('"', '""'))


def _ingest_process(url: str, order: str, out: object) -> None:
    from eventwire.batch import ingest
    from eventwire.records import Article
    from test_store_factories import FakePipeline

    items: list = [make_article(f"p{i:02d}", f"Le Hezbollah a menacé Israël, dépêche {i}.") for i in range(80)]
    if order == "reversed":
        items.reverse()
    with PostgresStore(url) as store:
        stats = ingest(items, store, FakePipeline())
    assert all(isinstance(i, Article) for i in items)
    out.put((stats.ok, stats.skipped))  # type: ignore[attr-defined]


def test_store_postgres_two_concurrent_ingest_processes(pg_url: str) -> None:
    """Two processes ingest the same 80 articles (opposite orders) into one store at once."""
    import multiprocessing

    PostgresStore(pg_url).close()
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_ingest_process, args=(pg_url, order, out)) for order in ("forward", "reversed")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    counts = [out.get(timeout=5) for _ in procs]
    assert sum(ok + skipped for ok, skipped in counts) == 160      # each saw every article
    assert _article_ids(pg_url) == [f"p{i:02d}" for i in range(80)]
    with PostgresStore(pg_url) as s:
        ids = [e.event_id for e in s.events()]
        assert len(ids) == len(set(ids)) == 80                       # 0 lost, 0 duplicated
        assert s._conn.execute("SELECT count(*) FROM runs WHERE finished IS NOT NULL").fetchone()[0] == 2
