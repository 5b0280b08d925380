"""Batch ingest: idempotent, resumable after an interruption, counts what it did."""

from __future__ import annotations

import io
import json
import queue
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from eventwire.batch import extract_to_jsonl, ingest
from eventwire.config import load_config
from eventwire.records import Article, DocumentError, Result
from eventwire.store import RunStats, Store, open_store
from test_store_factories import FakePipeline, make_article, make_threat


def articles(n: int) -> list[Article | DocumentError]:
    return [make_article(f"art{i}", f"Le Hezbollah a menacé Israël, dépêche numéro {i}.") for i in range(n)]


def interrupted(items: list[Article | DocumentError], after: int) -> Iterator[Article | DocumentError]:
    for i, item in enumerate(items):
        if i == after:
            raise KeyboardInterrupt
        yield item


@pytest.fixture(params=["sqlite", "postgresql", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    target = {"sqlite": str(tmp_path / "b.db"), "memory": "memory://"}.get(request.param)
    with open_store(target or request.getfixturevalue("pg_url")) as s:
        yield s


def test_batch_ingest_counts_and_stores(store: Store) -> None:
    bad_line = DocumentError("in.jsonl:4", "read", "E105", "not JSON", "in.jsonl:4")
    failing = make_article("boom", "Un texte qui provoque un échec dans une étape.")
    seen: list[Result] = []
    stats = ingest([*articles(2), bad_line, failing], store, FakePipeline(), progress=seen.append)
    assert stats == RunStats(articles=4, ok=2, failed=2, skipped=0, events=2, quotes=0,
                             by_code={"E105": 1, "E130": 1})
    assert len(seen) == 4
    assert [e.article_id for e in store.events()] == ["art0", "art1"]
    assert {e.code for e in store.errors()} == {"E105", "E130"}


def test_batch_ingest_is_idempotent(store: Store) -> None:
    ingest(articles(3), store, FakePipeline())
    again = FakePipeline()
    stats = ingest(articles(3), store, again)
    assert (stats.articles, stats.ok, stats.skipped, stats.events) == (3, 0, 3, 0)
    assert again.parsed == []                   # skipped before parsing
    assert len(list(store.events())) == 3


def test_batch_ingest_skips_repeated_content_within_a_run(store: Store) -> None:
    items = articles(2)
    stats = ingest([*items, items[0]], store, FakePipeline())
    assert (stats.ok, stats.skipped) == (2, 1)


def test_batch_ingest_resumes_after_interruption(store: Store) -> None:
    items = articles(5)
    with pytest.raises(KeyboardInterrupt):
        ingest(interrupted(items, after=2), store, FakePipeline())
    assert [e.article_id for e in store.events()] == ["art0", "art1"]   # what was saved survives
    rerun = FakePipeline()
    stats = ingest(items, store, rerun)
    assert (stats.skipped, stats.ok) == (2, 3)
    assert rerun.parsed == ["art2", "art3", "art4"]
    assert [e.article_id for e in store.events()] == [f"art{i}" for i in range(5)]   # no duplicates


def test_batch_extract_to_jsonl_writes_schema_records() -> None:
    out = io.StringIO()
    bad_line = DocumentError("in.jsonl:4", "read", "E105", "not JSON", "in.jsonl:4")
    seen: list[Result] = []
    stats = extract_to_jsonl([*articles(2), bad_line], FakePipeline(), out, on_result=seen.append)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [d["article_id"] for d in lines] == ["art0", "art1"]
    assert lines[0] == make_threat("art0").to_dict()
    assert lines[0]["schema"] == "eventwire.event/1"
    assert (stats.articles, stats.ok, stats.failed, stats.events) == (3, 2, 1, 2)
    assert [r.ok for r in seen] == [True, True, False]


@pytest.mark.slow
def test_batch_ingest_with_real_pipeline_resumes(tmp_path: Path) -> None:
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(load_config(overrides={"batch_size": 1}))
    texts = ["Le président a rencontré le ministre à Paris mercredi.",
             "The minister met the president in London on Tuesday.",
             "Le gouvernement a condamné l'attaque contre la base."]
    items: list[Article | DocumentError] = [
        Article(id=f"r{i}", text=t, language=("en" if i == 1 else "fr")) for i, t in enumerate(texts)]
    with open_store(tmp_path / "real.db") as store:
        with pytest.raises(KeyboardInterrupt):
            ingest(interrupted(items, after=2), store, pipe)
        assert store.article("r0") is not None and store.article("r1") is not None
        assert store.article("r2") is None
        stats = ingest(items, store, pipe)
        assert (stats.skipped, stats.ok) == (2, 1)
        assert store.summary().articles_ok == 3


class ThreadedPipeline(FakePipeline):
    """Reads its input in another thread, as any Processor may (``Pipeline.process`` did with Pool.imap)."""

    def process(self, items: Iterable[Article | DocumentError], *,
                workers: int | None = None) -> Iterator[Result]:
        pulled: queue.Queue[object] = queue.Queue()

        def feed() -> None:
            try:
                for item in items:
                    pulled.put(item)
                pulled.put(None)
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer
                pulled.put(exc)

        threading.Thread(target=feed, daemon=True).start()
        while (item := pulled.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield from super().process([item])  # type: ignore[list-item]


def test_batch_ingest_input_read_in_another_thread(store: Store) -> None:
    ingest(articles(2), store, ThreadedPipeline())
    stats = ingest(articles(4), store, ThreadedPipeline())
    assert (stats.skipped, stats.ok) == (2, 2)
    assert len(list(store.events())) == 4


@pytest.mark.slow
def test_batch_ingest_with_workers_into_sqlite(tmp_path: Path) -> None:
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(load_config(overrides={"batch_size": 1}))
    items: list[Article | DocumentError] = [
        Article(id=f"w{i}", text=f"Le ministre a rencontré le président à Paris, réunion {i}.", language="fr")
        for i in range(3)]
    with open_store(tmp_path / "w.db") as store:
        stats = ingest(items, store, pipe, workers=2)
        assert (stats.ok, stats.failed) == (3, 0)
        assert ingest(items, store, pipe, workers=2).skipped == 3
