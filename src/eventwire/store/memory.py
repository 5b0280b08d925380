"""An in-memory :class:`Store`: the test double, shipped beside the real backend.

It follows the same contract as :class:`~eventwire.store.sqlite.SQLiteStore` (the
contract tests run against both), keeps everything in plain Python containers
owned by the instance, and forgets everything on ``close()``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError
from ..records import Article, DocumentError, Event, Quote, Rejection, Result
from ..text import fold_search
from .base import RunStats, Store, Summary, words

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Run:
    run_id: int
    version: str
    config: Mapping[str, Any]
    started: str
    finished: str | None = None
    stats: RunStats | None = None


class MemoryStore(Store):
    """Results kept in dictionaries, in insertion order."""

    def __init__(self) -> None:
        self._results: dict[str, Result] = {}          # article id -> result with an article
        self._hashes: dict[str, str] = {}               # content hash -> article id (safe across threads)
        self._failures: dict[tuple[str, str | None, str], DocumentError] = {}
        self._runs: dict[int, _Run] = {}

    def begin_run(self, config: Mapping[str, Any], version: str) -> int:
        run_id = len(self._runs) + 1
        self._runs[run_id] = _Run(run_id, version, dict(config), _now())
        return run_id

    def finish_run(self, run_id: int, stats: RunStats) -> None:
        run = self._runs[run_id]
        self._runs[run_id] = _Run(run.run_id, run.version, run.config, run.started, _now(), stats)

    def has_article(self, content_hash: str) -> bool:
        return content_hash in self._hashes

    def save_result(self, result: Result, run_id: int | None = None) -> None:
        if result.article is None:
            if result.error is not None:
                err = result.error
                self._failures[(err.article_id, err.source, err.code)] = err
            return
        article = result.article
        owner = self._hashes.get(article.content_hash)
        if owner is not None and owner != article.id:
            raise StoreError(f"cannot write to store: article {article.id} has the same content as "
                             f"stored article {owner}", code="E301")
        old = self._results.pop(article.id, None)
        if old is not None and old.article and old.article.content_hash != article.content_hash:
            log.warning("article %s: new content replaces the stored version", article.id)
            del self._hashes[old.article.content_hash]
        self._results[article.id] = _dedup(result)
        self._hashes[article.content_hash] = article.id

    def article(self, article_id: str) -> Article | None:
        result = self._results.get(article_id)
        return result.article if result else None

    def articles(self) -> Iterator[Article]:
        for result in self._results.values():
            if result.article is not None:
                yield result.article

    def events(self, *, article_id: str | None = None, type: str | None = None,
               since: str | None = None, country: str | None = None) -> Iterator[Event]:
        for result in self._select(article_id):
            yield from (e for e in result.events if _event_matches(e, type, since, country))

    def quotes(self, *, article_id: str | None = None, speaker: str | None = None,
               actor: str | None = None) -> Iterator[Quote]:
        for result in self._select(article_id):
            yield from (q for q in result.quotes if _quote_matches(q, speaker, actor))

    def rejections(self, article_id: str) -> Iterator[Rejection]:
        for result in self._select(article_id):
            yield from result.rejections

    def errors(self) -> Iterator[DocumentError]:
        yield from (r.error for r in self._results.values() if r.error is not None)
        yield from self._failures.values()

    def search(self, text: str) -> list[str]:
        wanted = set(words(text))
        if not wanted:
            return []
        return [aid for aid, r in self._results.items()
                if r.article and wanted <= set(words(f"{r.article.title or ''} {r.article.text}"))]

    def summary(self, top: int = 10) -> Summary:
        events = list(self.events())
        failed = [e.code for e in self.errors()]
        return Summary(
            articles_ok=sum(1 for r in self._results.values() if r.error is None),
            articles_failed=len(failed), events=len(events), quotes=sum(1 for _ in self.quotes()),
            events_by_type=_ranked(e.type for e in events),
            top_sources=_ranked((e.source.name for e in events if e.source), top),
            top_targets=_ranked((e.target.name for e in events if e.target), top),
            failures_by_code=_ranked(failed),
        )

    def close(self) -> None:
        self._results.clear()
        self._hashes.clear()
        self._failures.clear()

    def _select(self, article_id: str | None) -> list[Result]:
        if article_id is None:
            return list(self._results.values())
        return [self._results[article_id]] if article_id in self._results else []


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dedup(result: Result) -> Result:
    """Drop events/quotes whose id repeats inside one article (the SQLite keys forbid them too)."""
    events = _unique(result.events, lambda e: e.event_id)
    quotes = _unique(result.quotes, lambda q: q.quote_id)
    return Result(result.article, events, quotes, result.rejections, result.error)


def _unique(items: tuple[Any, ...], key: Callable[[Any], str]) -> tuple[Any, ...]:
    seen: set[str] = set()
    out = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return tuple(out)


def _event_matches(e: Event, type: str | None, since: str | None, country: str | None) -> bool:
    if type is not None and e.type != type:
        return False
    if since is not None and (e.date is None or e.date.value < since):
        return False
    countries = {x.country for x in (e.source, e.target, e.location) if x is not None}
    return country is None or country in countries


def _quote_matches(q: Quote, speaker: str | None, actor: str | None) -> bool:
    s = q.speaker
    said_by = f"{fold_search(s.name)}\n{fold_search(s.text)}" if s is not None else ""
    if speaker is not None and (s is None or fold_search(speaker) not in said_by):
        return False
    if actor is not None and (s is None or s.actor is None or fold_search(actor) not in fold_search(s.actor.name)):
        return False
    return True


def _ranked(values: Any, top: int | None = None) -> tuple[tuple[str, int], ...]:
    counts = Counter(values)
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
