"""Exports from a store: JSONL (the SCHEMA.md records), CSV and Parquet (flat columns).

>>> import io
>>> from eventwire.store import open_store
>>> with open_store("memory://") as store:
...     export(store, "csv", io.StringIO())
0

Event rows carry :data:`eventwire.store.FLAT_EVENT_COLUMNS`, then the calendar range of the date
(``date_from``/``date_to``, real dates for every precision) and the article's ``published``,
``title``, ``url`` and ``outlet`` (:data:`EVENT_EXPORT_COLUMNS`). JSONL events are the SCHEMA.md
records plus an ``article`` object and ``date.from``/``date.to``. ``what="quotes"`` writes
``FLAT_QUOTE_COLUMNS``, ``what="articles"`` :data:`ARTICLE_EXPORT_COLUMNS`. Parquet columns are typed.

``since``/``until`` keep an event whose date range overlaps the bound: ``since="2016-06-01"``
keeps an event dated ``2016-06`` (the month overlaps it), ``until="2016-05-31"`` drops it.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import IO, Any

from .batch import json_line
from .errors import EventwireError
from .records import Event, Quote, When
from .store.base import FLAT_EVENT_COLUMNS, FLAT_QUOTE_COLUMNS, Store, flatten_event, flatten_quote

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
WHAT: tuple[str, ...] = ("events", "quotes", "articles")

ARTICLE_FIELDS: tuple[str, ...] = ("published", "title", "url", "outlet")
EVENT_EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    *FLAT_EVENT_COLUMNS, ("date_from", "date"), ("date_to", "date"),
    *((name, "string") for name in ARTICLE_FIELDS),
)
ARTICLE_EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"), ("status", "string"), ("published", "string"), ("title", "string"),
    ("url", "string"), ("outlet", "string"), ("language", "string"), ("source", "string"),
    ("error_code", "string"), ("error_message", "string"), ("events", "int64"), ("quotes", "int64"),
    ("text", "string"),
)
WEEK_HALF = 3  # a week-precision date's representative day +- 3 days (docs/dates.md)


class ExportError(EventwireError):
    """A bad export request (unknown format or kind)."""

    code = "E401"


class DateBoundError(ExportError):
    """A ``since``/``until`` bound that is not a date."""

    code = "E402"


def export(store: Store, fmt: str, out: IO[Any], *, what: str = "events", type: str | None = None,
           since: str | None = None, until: str | None = None, country: str | None = None) -> int:
    """Write the selected records to ``out`` (text for jsonl/csv, binary for parquet); return the count."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if what not in WHAT:
        raise ExportError(f"cannot export {what!r} (choose from {', '.join(WHAT)})")
    if what == "quotes":
        return _write(fmt, store.quotes(), (flatten_quote(q) for q in store.quotes()), FLAT_QUOTE_COLUMNS, out)
    if what == "articles":
        rows = list(article_rows(store))
        return _write(fmt, iter(rows), iter(rows), ARTICLE_EXPORT_COLUMNS, out)
    lo, hi = bound(since, "since", first=True), bound(until, "until", first=False)
    events = (e for e in store.events(type=type, country=country) if overlaps(e.date, lo, hi))
    meta = _ArticleMeta(store)
    if fmt == "jsonl":
        return write_jsonl((event_record(e, meta(e.article_id)) for e in events), out)
    return _write(fmt, iter(()), (event_row(e, meta(e.article_id)) for e in events), EVENT_EXPORT_COLUMNS, out)


def _write(fmt: str, records: Iterator[Any], rows: Iterator[dict[str, Any]], columns: Sequence[tuple[str, str]],
           out: IO[Any]) -> int:
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "csv":
        return write_csv(rows, columns, out)
    return write_parquet(list(rows), columns, out)


# -- dates -------------------------------------------------------------------------------------------


def date_range(when: When | None) -> tuple[date, date] | None:
    """The calendar days a date may mean: one day, a week around the representative day, a whole month
    or year. None when undated or when the value is not a calendar date."""
    if when is None:
        return None
    try:
        return _range(when.value, when.precision)
    except ValueError:
        return None


def _range(value: str, precision: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(*parts)
    if precision == "week":
        return day - timedelta(days=WEEK_HALF), day + timedelta(days=WEEK_HALF)
    return day, day


def bound(value: str | None, name: str, *, first: bool) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as a day: the first day of the period for ``since``
    (``first=True``), the last for ``until``. Anything else raises :class:`DateBoundError` (E402)."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        raise DateBoundError(f"invalid date for {name}: {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    try:
        lo, hi = _range(value.strip(), "day")
    except ValueError as exc:
        raise DateBoundError(f"invalid date for {name}: {value!r} ({exc})") from None
    return lo if first else hi


def overlaps(when: When | None, since: date | None, until: date | None) -> bool:
    """True when no bound is set, or the date's range meets ``[since, until]`` (undated events fail)."""
    if since is None and until is None:
        return True
    span = date_range(when)
    if span is None:
        return False
    return (since is None or span[1] >= since) and (until is None or span[0] <= until)


# -- rows ----------------------------------------------------------------------------------------------


class _ArticleMeta:
    """The article fields exported beside each event, read once per article."""

    def __init__(self, store: Store) -> None:
        self.store, self.cache = store, dict[str, dict[str, Any]]()

    def __call__(self, article_id: str) -> dict[str, Any]:
        if article_id not in self.cache:
            a = self.store.article(article_id)
            self.cache[article_id] = {k: getattr(a, k) if a else None for k in ARTICLE_FIELDS}
        return self.cache[article_id]


def event_row(event: Event, article: dict[str, Any]) -> dict[str, Any]:
    """The flat row of an event: its columns, its date range, its article's fields."""
    span = date_range(event.date)
    return flatten_event(event) | {"date_from": span[0].isoformat() if span else None,
                                   "date_to": span[1].isoformat() if span else None} | {
        k: article.get(k) for k in ARTICLE_FIELDS}


def event_record(event: Event, article: dict[str, Any]) -> dict[str, Any]:
    """The SCHEMA.md record plus ``article`` (its published/title/url/outlet) and ``date.from``/``date.to``."""
    record = event.to_dict()
    span = date_range(event.date)
    if span is not None and record.get("date"):
        record["date"] = record["date"] | {"from": span[0].isoformat(), "to": span[1].isoformat()}
    record["article"] = {k: article.get(k) for k in ARTICLE_FIELDS}
    return record


def article_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per stored article (ok or failed), with its event and quote counts."""
    events = Counter(e.article_id for e in store.events())
    quotes = Counter(q.article_id for q in store.quotes())
    failed = {e.article_id: e for e in store.errors()}
    for a in store.articles():
        err = failed.get(a.id)
        yield {"article_id": a.id, "status": "error" if err else "ok", "published": a.published, "title": a.title,
               "url": a.url, "outlet": a.outlet, "language": a.language, "source": a.source,
               "error_code": err.code if err else None, "error_message": err.message if err else None,
               "events": events[a.id], "quotes": quotes[a.id], "text": a.text}


def write_jsonl(records: Iterable[Event | Quote | dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json_line(record if isinstance(record, dict) else record.to_dict()))
        n += 1
    return n


def write_csv(rows: Iterator[dict[str, Any]], columns: Sequence[tuple[str, str]], out: IO[str]) -> int:
    """CSV with a header; empty cells for None; booleans as ``true``/``false``; dates as ISO."""
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in columns], lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
        n += 1
    return n


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_parquet(rows: list[dict[str, Any]], columns: Sequence[tuple[str, str]], out: IO[bytes]) -> int:
    """One Parquet table with typed columns (string, int64, float64, bool, date32; nulls kept)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    dates = [name for name, kind in columns if kind == "date"]
    converted = [_typed_dates(row, dates) for row in rows] if dates else rows
    pq.write_table(pa.Table.from_pylist(converted, schema=schema), out)
    return len(rows)


def _typed_dates(row: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    return row | {n: date.fromisoformat(row[n]) if isinstance(row.get(n), str) else row.get(n) for n in names}

