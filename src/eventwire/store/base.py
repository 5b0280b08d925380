"""The store interface: where results of a run are kept and read back.

A backend implements :class:`Store`. The stages never import the store; only
:mod:`eventwire.batch`, :mod:`eventwire.ray_engine`, :mod:`eventwire.export` and the CLI do.
Three backends ship: :class:`~eventwire.store.sqlite.SQLiteStore` (the default),
:class:`~eventwire.store.postgres.PostgresStore` (shared by many workers) and
:class:`~eventwire.store.memory.MemoryStore` (a test double, same contract).

Identity rules shared by every backend (see ``docs/store.md``):

- an article is identified by ``Article.id``; ``content_hash`` is unique too;
- saving an article whose id is already stored with *different* content replaces the
  old version and everything derived from it (last write wins, logged as a warning);
- results without an article (a bad JSONL line) are kept as failures, one per
  ``(article_id, source, code)``, so re-running a batch does not duplicate them.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from ..records import Article, DocumentError, Event, Quote, Rejection, Result
from ..text import fold_search


@dataclass(frozen=True)
class RunStats:
    """Counts of one batch run. ``articles == ok + failed + skipped``."""

    articles: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    by_code: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "ok": self.ok, "failed": self.failed, "skipped": self.skipped,
                "events": self.events, "quotes": self.quotes, "by_code": dict(self.by_code)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RunStats:
        keys = ("articles", "ok", "failed", "skipped", "events", "quotes")
        return cls(**{k: int(d.get(k, 0)) for k in keys}, by_code=dict(d.get("by_code", {})))


@dataclass(frozen=True)
class Summary:
    """What a store holds: ``eventwire summary`` prints it."""

    articles_ok: int
    articles_failed: int
    events: int
    quotes: int
    events_by_type: tuple[tuple[str, int], ...]
    top_sources: tuple[tuple[str, int], ...]
    top_targets: tuple[tuple[str, int], ...]
    failures_by_code: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"articles_ok": self.articles_ok, "articles_failed": self.articles_failed,
                "events": self.events, "quotes": self.quotes,
                "events_by_type": dict(self.events_by_type), "top_sources": dict(self.top_sources),
                "top_targets": dict(self.top_targets), "failures_by_code": dict(self.failures_by_code)}


class Store(ABC):
    """Abstract store. Each ``save_result`` is atomic: all of an article or nothing."""

    @abstractmethod
    def begin_run(self, config: Mapping[str, Any], version: str) -> int:
        """Record the start of a run; return its id."""

    @abstractmethod
    def finish_run(self, run_id: int, stats: RunStats) -> None:
        """Record the end of a run and its counts."""

    @abstractmethod
    def has_article(self, content_hash: str) -> bool:
        """True if an article with this content (ok or failed) is stored."""

    @abstractmethod
    def save_result(self, result: Result, run_id: int | None = None) -> None:
        """Store one result atomically: article, status, error, events, quotes, rejections, entities."""

    def save_results(self, results: Sequence[Result], run_id: int | None = None) -> None:
        """Store a batch of results (the Ray runner writes in batches). Each result is atomic;
        a backend may make the whole batch one transaction (PostgreSQL does, with ``COPY``)."""
        for result in results:
            self.save_result(result, run_id)

    @abstractmethod
    def article(self, article_id: str) -> Article | None:
        """The stored article, or None."""

    def articles(self) -> Iterator[Article]:
        """Every stored article (ok or failed), in storage order. Backends override this; the default
        says the backend cannot list its articles (E303)."""
        from ..errors import StoreError

        raise StoreError(f"{type(self).__name__} cannot list its articles", code="E303")

    @abstractmethod
    def events(self, *, article_id: str | None = None, type: str | None = None,
               since: str | None = None, country: str | None = None) -> Iterator[Event]:
        """Events in storage order. ``since``: ISO date, events dated on or after it (undated ones
        are left out); ``country``: ISO3 of the source, target or location."""

    @abstractmethod
    def quotes(self, *, article_id: str | None = None, speaker: str | None = None,
               actor: str | None = None) -> Iterator[Quote]:
        """Quotes; ``speaker``/``actor`` match the speaker's name or text / the actor's name,
        case- and accent-insensitively, as a substring."""

    @abstractmethod
    def rejections(self, article_id: str) -> Iterator[Rejection]:
        """The candidates the coder rejected in one article."""

    @abstractmethod
    def errors(self) -> Iterator[DocumentError]:
        """Every stored document error: failed articles first, then inputs that never became articles."""

    @abstractmethod
    def search(self, text: str) -> list[str]:
        """Ids of articles whose title or text contains every word of ``text`` (accents ignored)."""

    @abstractmethod
    def summary(self, top: int = 10) -> Summary:
        """Counts over the whole store."""

    @abstractmethod
    def close(self) -> None:
        """Release the backend's resources."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def words(text: str) -> list[str]:
    """Search tokens, as SQLite's ``unicode61 remove_diacritics 2`` tokenizer makes them."""
    return re.findall(r"[^\W_]+", fold_search(text))


# -- the flat (tabular) view of an event, shared by the SQLite columns and the CSV/Parquet exports --

FLAT_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("article_id", "string"), ("language", "string"),
    ("type", "string"), ("mode", "string"),
    *((f"{role}_{k}", t) for role in ("source", "target") for k, t in (
        ("text", "string"), ("name", "string"), ("country", "string"), ("sector", "string"),
        ("kb_id", "string"), ("inferred", "string"), ("start", "int64"), ("end", "int64"))),
    ("location_text", "string"), ("location_name", "string"), ("location_country", "string"),
    ("location_admin1", "string"), ("location_lat", "float64"), ("location_lon", "float64"),
    ("location_precision", "string"), ("location_gazetteer_id", "string"),
    ("location_start", "int64"), ("location_end", "int64"),
    ("date_text", "string"), ("date_value", "string"), ("date_precision", "string"),
    ("date_start", "int64"), ("date_end", "int64"),
    ("attribution_kind", "string"), ("attribution_speaker", "string"), ("attribution_via", "string"),
    ("trigger_text", "string"), ("trigger_start", "int64"), ("trigger_end", "int64"),
    ("evidence_text", "string"), ("evidence_start", "int64"), ("evidence_end", "int64"),
    ("negated", "bool"), ("hypothetical", "bool"), ("confidence", "float64"),
    ("coder", "string"), ("rule", "string"),
)

# Added in store schema 3 (actors inferred from the article, docs/counterparts.md); the SQLite
# schema 1 table is built without them and migration 3 adds them.
ADDED_EVENT_COLUMNS_3: tuple[tuple[str, str], ...] = (("source_inferred", "string"), ("target_inferred", "string"))

FLAT_QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("quote_id", "string"), ("article_id", "string"), ("kind", "string"), ("direct", "bool"),
    ("speaker_text", "string"), ("speaker_name", "string"), ("speaker_role", "string"),
    ("speaker_actor", "string"), ("speaker_country", "string"), ("via", "string"),
    ("channel", "string"), ("cue", "string"), ("text", "string"), ("start", "int64"), ("end", "int64"),
)


def _spans(prefix: str, span: tuple[int, int] | None) -> dict[str, int | None]:
    return {f"{prefix}_start": span[0] if span else None, f"{prefix}_end": span[1] if span else None}


def _actor_cols(role: str, event: Event) -> dict[str, Any]:
    a = getattr(event, role)
    keys = ("text", "name", "country", "sector", "kb_id", "inferred")
    cols = {f"{role}_{k}": getattr(a, k) if a else None for k in keys}
    return cols | _spans(role, a.span if a else None)


def _location_cols(event: Event) -> dict[str, Any]:
    p = event.location
    keys = ("text", "name", "country", "admin1", "lat", "lon", "precision", "gazetteer_id")
    cols = {f"location_{k}": getattr(p, k) if p else None for k in keys}
    return cols | _spans("location", p.span if p else None)


def _date_cols(event: Event) -> dict[str, Any]:
    d = event.date
    cols = {f"date_{k}": getattr(d, k) if d else None for k in ("text", "value", "precision")}
    return cols | _spans("date", d.span if d else None)


def _attribution_cols(event: Event) -> dict[str, Any]:
    a = event.attribution
    return {"attribution_kind": a.kind if a else None,
            "attribution_speaker": a.speaker.name if a and a.speaker else None,
            "attribution_via": a.via.name if a and a.via else None}


def flatten_event(event: Event) -> dict[str, Any]:
    """One flat row, keys in :data:`FLAT_EVENT_COLUMNS` order."""
    row: dict[str, Any] = {"event_id": event.event_id, "article_id": event.article_id,
                           "language": event.language, "type": event.type, "mode": event.mode}
    row |= _actor_cols("source", event) | _actor_cols("target", event)
    row |= _location_cols(event) | _date_cols(event) | _attribution_cols(event)
    row |= {"trigger_text": event.trigger.text} | _spans("trigger", event.trigger.span)
    row |= {"evidence_text": event.evidence.text} | _spans("evidence", event.evidence.span)
    row |= {"negated": event.negated, "hypothetical": event.hypothetical, "confidence": event.confidence,
            "coder": event.coder, "rule": event.rule}
    return {name: row[name] for name, _ in FLAT_EVENT_COLUMNS}


def flatten_quote(quote: Quote) -> dict[str, Any]:
    """One flat row, keys in :data:`FLAT_QUOTE_COLUMNS` order."""
    s = quote.speaker
    actor = s.actor if s else None
    return {"quote_id": quote.quote_id, "article_id": quote.article_id, "kind": quote.kind,
            "direct": quote.direct, "speaker_text": s.text if s else None,
            "speaker_name": s.name if s else None,
            "speaker_role": s.role if s else None, "speaker_actor": actor.name if actor else None,
            "speaker_country": actor.country if actor else None,
            "via": quote.via.name if quote.via else None,
            "channel": quote.channel.text if quote.channel else None,
            "cue": quote.cue.text if quote.cue else None, "text": quote.text,
            "start": quote.span[0], "end": quote.span[1]}


# -- shared by the SQL backends (sqlite.py, postgres.py) ------------------------------------------------
@dataclass(frozen=True)
class Migration:
    """One step of the schema: ``statements`` run in one transaction, then ``version`` is recorded."""

    version: int
    name: str
    statements: tuple[str, ...]


class Where:
    """A ``WHERE`` clause built from optional filters (the placeholders are the backend's)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, clause: str, value: Any, args: list[Any]) -> None:
        if value is not None:
            self.parts.append(clause)
            args.append(value)

    def __str__(self) -> str:
        return f"WHERE {' AND '.join(self.parts)}" if self.parts else ""


NAMES_SQL = "SELECT {role}_name AS k FROM events WHERE {role}_name IS NOT NULL"
ARTICLE_COLUMNS = "id, text, language, published, title, url, outlet, source, content_hash, warnings"


def article_from_row(row: Sequence[Any]) -> Article:
    """An ``Article`` from a row of :data:`ARTICLE_COLUMNS`."""
    aid, text, language, published, title, url, outlet, source, content_hash, warnings = row
    return Article(id=aid, text=text, language=language, published=published, title=title, url=url,
                   outlet=outlet, source=source, content_hash=content_hash,
                   warnings=tuple(json.loads(warnings)))
