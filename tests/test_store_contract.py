"""The Store contract, run against every backend (SQLite, PostgreSQL and the in-memory double).

The PostgreSQL runs use a real server (tests/_postgres.py), each test in a schema of its own; they skip,
saying why, where none answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.records import Result
from eventwire.store import MemoryStore, RunStats, Store, open_store
from test_store_factories import (
    TEXT_FR,
    failed_result,
    make_accuse,
    make_article,
    make_quote,
    make_threat,
    ok_result,
    unread_result,
)


@pytest.fixture(params=["sqlite", "postgresql", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgresql":
        target = request.getfixturevalue("pg_url")
    else:
        target = str(tmp_path / "ew.db") if request.param == "sqlite" else "memory://"
    with open_store(target) as s:
        yield s


def test_store_saves_and_reads_article(store: Store) -> None:
    store.save_result(ok_result("a1"))
    art = store.article("a1")
    assert art == make_article("a1")
    assert store.article("nope") is None
    assert store.has_article(art.content_hash)
    assert not store.has_article("0" * 64)


def test_store_lists_every_article_in_storage_order(store: Store) -> None:
    store.save_result(ok_result("a1"))
    store.save_result(failed_result("bad"))
    store.save_result(unread_result(3))           # no article: not listed
    store.save_result(ok_result("a2", TEXT_FR + " (deux)"))
    assert [a.id for a in store.articles()] == ["a1", "bad", "a2"]
    assert next(iter(store.articles())) == make_article("a1")


def test_store_events_round_trip_in_order(store: Store) -> None:
    result = ok_result("a1")
    store.save_result(result)
    assert list(store.events()) == list(result.events)
    assert list(store.events(article_id="a1")) == list(result.events)
    assert list(store.events(article_id="zz")) == []


def test_store_event_filters(store: Store) -> None:
    store.save_result(ok_result("a1"))
    assert [e.type for e in store.events(type="ACCUSE")] == ["ACCUSE"]
    assert [e.type for e in store.events(country="ISR")] == ["THREATEN"]      # target country
    assert [e.type for e in store.events(country="USA")] == ["ACCUSE"]       # source country
    assert [e.type for e in store.events(since="2020-11-01")] == ["THREATEN"]  # undated left out
    assert list(store.events(since="2021-01-01")) == []
    assert list(store.events(type="THREATEN", country="USA")) == []


def test_store_quotes_and_filters(store: Store) -> None:
    store.save_result(ok_result("a1"))
    assert list(store.quotes()) == [make_quote("a1")]
    assert len(list(store.quotes(speaker="ali ahmad"))) == 1
    assert len(list(store.quotes(speaker="ahmad"))) == 1
    assert len(list(store.quotes(actor="hezbollah"))) == 1
    assert list(store.quotes(speaker="Nasrallah")) == []
    assert list(store.quotes(actor="Israel")) == []


def test_store_rejections_kept(store: Store) -> None:
    result = ok_result("a1")
    store.save_result(result)
    assert list(store.rejections("a1")) == list(result.rejections)
    assert list(store.rejections("other")) == []


def test_store_errors_of_both_kinds(store: Store) -> None:
    store.save_result(failed_result("bad"))
    store.save_result(unread_result(3))
    errors = list(store.errors())
    assert [(e.article_id, e.code) for e in errors] == [("bad", "E130"), ("in.jsonl:3", "E105")]
    assert store.article("bad") is not None  # the failed article's text is kept
    assert list(store.events(article_id="bad")) == []


def test_store_unread_inputs_not_duplicated(store: Store) -> None:
    store.save_result(unread_result(3))
    store.save_result(unread_result(3))
    assert len(list(store.errors())) == 1


def test_store_search_ignores_accents_and_case(store: Store) -> None:
    store.save_result(ok_result("a1"))
    other = make_article("a2", "Une autre dépêche sans rapport avec la région.", title="Brève")
    store.save_result(Result(article=other))
    assert store.search("menace") == ["a1"]       # "a menacé" in the text (and "Menacé" in the title)
    assert store.search("Etats") == ["a1"]        # "États-Unis"
    assert store.search("DEPECHE") == ["a2"]
    assert store.search("menace depeche") == []   # every word must occur
    assert store.search("  ") == []
    assert store.search('"; DROP') == []          # punctuation is not query syntax


def test_store_same_id_new_content_replaces(store: Store) -> None:
    store.save_result(ok_result("a1"))
    new_text = TEXT_FR + " Mise à jour."
    replacement = Result(article=make_article("a1", new_text), events=(make_accuse("a1"),))
    store.save_result(replacement)
    assert store.article("a1").text == new_text
    assert [e.type for e in store.events()] == ["ACCUSE"]
    assert list(store.quotes()) == []
    assert not store.has_article(make_article("a1").content_hash)
    assert store.search("jour") == ["a1"]


def test_store_same_content_other_id_refused(store: Store) -> None:
    store.save_result(ok_result("a1"))
    with pytest.raises(StoreError) as err:
        store.save_result(ok_result("copy"))
    assert err.value.code == "E301"
    assert store.article("copy") is None


def test_store_summary_counts(store: Store) -> None:
    store.save_result(ok_result("a1"))
    store.save_result(Result(article=make_article("a2", "Deuxième texte."), events=(make_threat("a2"),)))
    store.save_result(failed_result("bad"))
    store.save_result(unread_result(3))
    s = store.summary()
    assert (s.articles_ok, s.articles_failed, s.events, s.quotes) == (2, 2, 3, 1)
    assert s.events_by_type == (("THREATEN", 2), ("ACCUSE", 1))
    assert s.top_sources == (("Hezbollah", 2), ("United States", 1))
    assert s.top_targets == (("Israel", 2),)
    assert s.failures_by_code == (("E105", 1), ("E130", 1))
    assert store.summary(top=1).top_sources == (("Hezbollah", 2),)


def test_store_duplicate_event_ids_kept_once(store: Store) -> None:
    threat = make_threat("a1")
    store.save_result(Result(article=make_article("a1"), events=(threat, threat)))
    assert list(store.events()) == [threat]


def test_store_runs_recorded(store: Store) -> None:
    run_id = store.begin_run({"workers": 1, "stages": ["actors"]}, "0.1.0")
    store.save_result(ok_result("a1"), run_id)
    store.finish_run(run_id, RunStats(articles=1, ok=1, events=2, quotes=1))
    assert store.begin_run({}, "0.1.0") == run_id + 1


def test_open_store_refuses_unknown_schemes() -> None:
    with pytest.raises(StoreError, match="postgresql://") as err:
        open_store("mysql://localhost/events")
    assert err.value.code == "E303"


def test_open_store_postgresql_url(pg_url: str) -> None:
    from eventwire.store.postgres import PostgresStore

    with open_store(pg_url) as s:
        assert isinstance(s, PostgresStore)
        s.save_result(ok_result("a1"))
    with open_store(pg_url) as s:          # reopened: the same schema, already migrated
        assert s.article("a1") is not None


def test_open_store_postgresql_unreachable_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as err:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert err.value.code == "E310"
    assert "secret" not in str(err.value)


def test_open_store_memory_and_sqlite_url(tmp_path: Path) -> None:
    assert isinstance(open_store("memory://"), MemoryStore)
    with open_store(f"sqlite:///{tmp_path / 'u.db'}") as s:
        s.save_result(ok_result("a1"))
    assert (tmp_path / "u.db").exists()
    with open_store(tmp_path / "u.db") as s:
        assert s.article("a1") is not None
