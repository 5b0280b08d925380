"""Batch runs: many documents through the pipeline, into a store or a JSONL stream.

>>> from eventwire.store import open_store
>>> with open_store("memory://") as store:  # doctest: +SKIP
...     stats = ingest(read_inputs(["news/"], config=pipe.config), store, pipe)

:func:`ingest` is idempotent and resumable: an article whose content is already stored
is skipped before parsing, and each result is committed on its own (with ``workers > 1``,
up to :data:`WRITE_BATCH` results per :meth:`Store.save_results` call, at least every
:data:`WRITE_EVERY` seconds), so an interrupted run loses only the results in flight and
a re-run continues where it stopped.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, Protocol

from ._version import __version__
from .config import Config
from .errors import EventwireError
from .records import Article, DocumentError, Result
from .store.base import RunStats, Store

__all__ = ["Processor", "RunStats", "extract_to_jsonl", "ingest"]

log = logging.getLogger(__name__)

OnResult = Callable[[Result], None]

#: with ``workers > 1``: results per store write (one transaction, ``COPY`` on PostgreSQL) at most ...
WRITE_BATCH = 200
#: ... and seconds a computed result may wait for its write at most
WRITE_EVERY = 1.0


class Processor(Protocol):
    """What batch runs need of a :class:`eventwire.Pipeline`."""

    config: Config

    def process(self, items: Iterable[Article | DocumentError], *,
                workers: int | None = None) -> Iterator[Result]: ...


class _Tally:
    """Counts kept while a run goes; frozen into :class:`RunStats` at the end."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()

    def skip(self) -> None:
        self.counts.update(articles=1, skipped=1)

    def add(self, result: Result) -> None:
        self.counts.update(articles=1, events=len(result.events), quotes=len(result.quotes))
        if result.error is None:
            self.counts.update(ok=1)
        else:
            self.counts.update(failed=1)
            self.codes.update([result.error.code])

    def freeze(self) -> RunStats:
        c = self.counts
        return RunStats(articles=c["articles"], ok=c["ok"], failed=c["failed"], skipped=c["skipped"],
                        events=c["events"], quotes=c["quotes"], by_code=dict(sorted(self.codes.items())))


def ingest(items: Iterable[Article | DocumentError], store: Store, pipeline: Processor, *,
           workers: int = 1, progress: OnResult | None = None) -> RunStats:
    """Process ``items`` into ``store``; return the run's counts (also saved with the run).

    ``progress`` is called with every result saved. A ``KeyboardInterrupt`` (or any error)
    ends the run: what was saved stays saved, the run is closed with its counts, and the
    exception propagates.
    """
    run_id = store.begin_run(pipeline.config.to_dict(), __version__)
    tally = _Tally()
    writer = _Writer(store, run_id, tally, progress)
    batch = WRITE_BATCH if workers > 1 else 1   # the workers compute while this process writes
    last = time.monotonic()
    flush = writer.flush

    try:
        for result in pipeline.process(_unseen(items, store, tally), workers=workers):
            writer.pending.append(result)
            if len(writer.pending) >= batch or time.monotonic() - last >= WRITE_EVERY:
                flush()
                last = time.monotonic()
        flush()
    except KeyboardInterrupt:
        try:                      # what was computed is complete: keep it
            flush()
        finally:
            _close_run(store, run_id, tally)
        raise
    except BaseException:
        _close_run(store, run_id, tally)
        raise
    store.finish_run(run_id, tally.freeze())
    return tally.freeze()


class _Writer:
    """Results waiting to be written in one batch (:func:`save_batch`), counted and reported once written;
    shared by the local and the Ray engines."""

    def __init__(self, store: Store, run_id: int, tally: _Tally,
                 progress: Callable[[Result], None] | None) -> None:
        self.store, self.run_id, self.tally, self.progress = store, run_id, tally, progress
        self.pending: list[Result] = []

    def flush(self) -> None:
        save_batch(self.store, self.pending, self.run_id)
        for result in self.pending:
            self.tally.add(result)
            if self.progress is not None:
                self.progress(result)
        self.pending.clear()


def _close_run(store: Store, run_id: int, tally: _Tally) -> None:
    try:
        store.finish_run(run_id, tally.freeze())
    except EventwireError as exc:  # the store failed (disk full): the first error is the one to tell
        log.warning("run %d not closed: %s", run_id, exc)


def save_batch(store: Store, results: Sequence[Result], run_id: int | None) -> None:
    """One batch write (:meth:`Store.save_results`); a conflict (E301) is retried article by article so
    the others are kept, and then raised as a single write raises it."""
    if not results:
        return
    if len(results) == 1:
        store.save_result(results[0], run_id)
        return
    try:
        store.save_results(results, run_id)
    except EventwireError as exc:
        if exc.code != "E301":
            raise
        for result in results:
            store.save_result(result, run_id)


def _unseen(items: Iterable[Article | DocumentError], store: Store,
            tally: _Tally) -> Iterator[Article | DocumentError]:
    """The items whose content is not stored yet (nor met earlier in this run)."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Article):
            if item.content_hash in seen or store.has_article(item.content_hash):
                tally.skip()
                continue
            seen.add(item.content_hash)
        yield item


def extract_to_jsonl(items: Iterable[Article | DocumentError], pipeline: Processor, out: IO[str], *,
                     workers: int = 1, on_result: OnResult | None = None) -> RunStats:
    """Write every event as one SCHEMA.md JSON line to ``out``; no store involved.

    ``on_result`` sees every result (the CLI reports errors and explanations through it).
    """
    tally = _Tally()
    for result in pipeline.process(items, workers=workers):
        for event in result.events:
            out.write(json_line(event.to_dict()))
        tally.add(result)
        if on_result is not None:
            on_result(result)
    return tally.freeze()


def json_line(record: dict[str, Any]) -> str:
    """One compact JSON object and a newline (UTF-8 characters kept as they are)."""
    return json.dumps(record, ensure_ascii=False) + "\n"
