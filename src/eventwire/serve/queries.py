"""What the explorer's pages read from the store: plain SQL over the store's tables, records back as
:class:`~eventwire.records.Event` / :class:`~eventwire.records.Quote` (the JSON ``record`` column).

Every function takes a Datasette :class:`~datasette.database.Database` (read-only connections, the
time limit of the ``sql_time_limit_ms`` setting) and returns plain data for a template or the JSON API.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..records import Event, Quote, Rejection, TextRef, quote_from_dict
from .spans import Segment, article_segments

ARTICLE_COLS = ("pk", "id", "title", "url", "outlet", "published", "language", "status", "error_stage",
                "error_code", "error_message", "text")


@dataclass
class ArticlePage:
    """An article with its events, quotes and rejected candidates, and its text cut into segments."""

    article: dict[str, Any]
    events: list[Event]
    quotes: list[Quote]
    rejections: list[Rejection]
    segments: list[Segment] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "events": [event_json(e) for e in self.events],
                "quotes": [q.to_dict() for q in self.quotes],
                "rejections": [r.to_dict() for r in self.rejections]}


def event_json(e: Event) -> dict[str, Any]:
    """The SCHEMA.md record (with ``event_id``) plus the explanation the page shows."""
    return e.to_dict()


async def article_page(db: Any, article_id: str) -> ArticlePage | None:
    cols = ", ".join(f'"{c}"' for c in ARTICLE_COLS)
    row = (await db.execute(f"SELECT {cols} FROM articles WHERE id = ?", [article_id])).first()
    if row is None:
        return None
    article = dict(zip(ARTICLE_COLS, row, strict=True))
    pk = article["pk"]
    events = [Event.from_dict(json.loads(r[0])) for r in
              await db.execute("SELECT record FROM events WHERE article_pk = ? ORDER BY seq", [pk])]
    quotes = [quote_from_dict(json.loads(r[0])) for r in
              await db.execute("SELECT record FROM quotes WHERE article_pk = ? ORDER BY seq", [pk])]
    sql = ("SELECT sentence_start, sentence_end, trigger_text, trigger_start, trigger_end, type, reason "
           "FROM rejections WHERE article_pk = ? ORDER BY seq")
    rejections = [Rejection(sentence=(s0, s1), trigger=TextRef(text, (t0, t1)), type=type_, reason=reason)
                  for s0, s1, text, t0, t1, type_, reason in await db.execute(sql, [pk])]
    page = ArticlePage(article, events, quotes, rejections)
    page.segments = article_segments(article["text"], events, quotes)
    return page


async def article_id_of_event(db: Any, event_id: str) -> str | None:
    sql = "SELECT a.id FROM events e JOIN articles a ON a.pk = e.article_pk WHERE e.event_id = ?"
    row = (await db.execute(sql, [event_id])).first()
    return None if row is None else str(row[0])


async def article_id_of_pk(db: Any, pk: int) -> str | None:
    row = (await db.execute("SELECT id FROM articles WHERE pk = ?", [pk])).first()
    return None if row is None else str(row[0])


@dataclass
class ActorPage:
    """What an actor (by resolved name) did, what was done to it, what it said, month by month."""

    name: str
    identities: list[dict[str, Any]]
    as_source: list[dict[str, Any]]
    as_target: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    by_month: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "identities": self.identities, "as_source": self.as_source,
                "as_target": self.as_target, "quotes": self.quotes, "by_month": self.by_month}


_EVENT_ROWS = ("SELECT e.event_id, e.type, e.mode, e.source_name, e.target_name, e.location_name, e.date_value, "
               "e.date_precision, e.trigger_text, e.negated, e.hypothetical, a.id AS article_id, a.title, "
               "a.published FROM events e JOIN articles a ON a.pk = e.article_pk WHERE e.{role}_name = ? "
               "ORDER BY coalesce(e.date_value, a.published), e.article_pk, e.seq LIMIT ?")


async def actor_page(db: Any, name: str, limit: int = 500) -> ActorPage | None:
    ids = await db.execute("SELECT actor_id, name, country, sector, kb_id FROM actors WHERE name = ? "
                           "ORDER BY actor_id", [name])
    identities = [dict(r) for r in ids]
    quote_sql = ("SELECT q.quote_id, q.speaker_name, q.speaker_actor, q.kind, q.text, a.id AS article_id, "
                 "a.title, a.published FROM quotes q JOIN articles a ON a.pk = q.article_pk "
                 "WHERE q.speaker_actor = ? OR q.speaker_name = ? ORDER BY a.published, q.article_pk, q.seq "
                 "LIMIT ?")
    quotes = [dict(r) for r in await db.execute(quote_sql, [name, name, limit])]
    if not identities and not quotes:
        return None
    sides = {}
    for role in ("source", "target"):
        rows = await db.execute(_EVENT_ROWS.format(role=role), [name, limit])
        sides[role] = [dict(r) for r in rows]
    return ActorPage(name, identities, sides["source"], sides["target"], quotes,
                     _by_month(sides["source"], sides["target"], quotes))


def _by_month(source: list[dict[str, Any]], target: list[dict[str, Any]],
              quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Counts per month (``YYYY-MM`` of the event's date, else of the article's publication):
    events as source, events as target, quotes."""
    counts: Counter[tuple[str, str]] = Counter()
    sides = {"as_source": (source, "date_value"), "as_target": (target, "date_value"), "quotes": (quotes, "")}
    for side, (rows, key) in sides.items():
        for r in rows:
            month = ((r.get(key) if key else None) or r.get("published") or "")[:7] or "undated"
            counts[(month, side)] += 1
    months = sorted({m for m, _ in counts})
    return [{"month": m, **{side: counts[(m, side)] for side in sides}} for m in months]


async def home_counts(db: Any) -> dict[str, Any]:
    one = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM quotes), " \
          "(SELECT count(*) FROM events WHERE location_lat IS NOT NULL), (SELECT count(*) FROM actors), " \
          "(SELECT min(date_value) FROM events), (SELECT max(date_value) FROM events)"
    row = (await db.execute(one)).first()
    keys = ("articles", "events", "quotes", "located", "actors", "first_date", "last_date")
    types = await db.execute("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
    return dict(zip(keys, row, strict=True)) | {"types": [dict(r) for r in types]}


def export_rows(conn: Any, event_ids: list[str]) -> list[dict[str, Any]]:
    """The ``eventwire export`` rows of these events (in this order), read on a sqlite3 connection."""
    from ..export import ARTICLE_FIELDS, event_row

    sql = ("SELECT e.event_id, e.record, a.published, a.title, a.url, a.outlet FROM events e "
           "JOIN articles a ON a.pk = e.article_pk WHERE e.event_id IN ({})")
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        for event_id, record, *article in conn.execute(sql.format(", ".join("?" * len(chunk))), chunk):
            found[event_id] = event_row(Event.from_dict(json.loads(record)),
                                        dict(zip(ARTICLE_FIELDS, article, strict=True)))
    return [found[i] for i in event_ids if i in found]
