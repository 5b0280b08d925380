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

Every format streams from the store (Parquet one row group at a time), so an export's memory does not
grow with the store; :func:`export_dataset` writes a Parquet dataset partitioned by month or country.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import islice
from pathlib import Path
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
    return write_parquet(rows, columns, out)


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


PARQUET_CHUNK = 10_000
"""Rows per Parquet row group: an export holds one chunk in memory, whatever the store's size."""
PARTITIONS: tuple[str, ...] = ("month", "country")


def _arrow_schema(columns: Sequence[tuple[str, str]], extra: Sequence[str] = ()) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}
    return pa.schema([(name, types[kind]) for name, kind in columns] + [(name, pa.string()) for name in extra])


def _record_batches(rows: Iterable[dict[str, Any]], schema: Any, chunk: int) -> Iterator[Any]:
    import pyarrow as pa

    dates = [f.name for f in schema if f.type == pa.date32()]
    it = iter(rows)
    while part := list(islice(it, chunk)):
        yield pa.RecordBatch.from_pylist([_typed_dates(r, dates) for r in part] if dates else part, schema=schema)


def write_parquet(rows: Iterable[dict[str, Any]], columns: Sequence[tuple[str, str]], out: IO[bytes], *,
                  chunk: int = PARQUET_CHUNK) -> int:
    """One Parquet file with typed columns (string, int64, float64, bool, date32; nulls kept), streamed:
    ``chunk`` rows per row group, one row group in memory at a time."""
    import pyarrow.parquet as pq

    schema = _arrow_schema(columns)
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in _record_batches(rows, schema, chunk):
            writer.write_batch(batch, row_group_size=chunk)
            n += batch.num_rows
    return n


def partition_key(row: dict[str, Any], by: str) -> str:
    """``month``: the event's date as ``YYYY-MM`` (``undated`` without one); ``country``: the location's
    ISO3, else the source's (``unknown`` without either)."""
    if by == "month":
        value = row.get("date_value")
        return value[:7] if isinstance(value, str) and len(value) >= 7 else "undated"
    return row.get("location_country") or row.get("source_country") or "unknown"


def export_dataset(store: Store, directory: str | Path, *, partition_by: str, type: str | None = None,
                   since: str | None = None, until: str | None = None, country: str | None = None,
                   chunk: int = PARQUET_CHUNK) -> int:
    """Write the events as a Hive-partitioned Parquet dataset (``DIR/month=2020-11/part-0.parquet``),
    streamed in chunks, for Spark, DuckDB or ``pyarrow.dataset``; return the count. ``directory``
    must be new or empty. Columns and filters as :func:`export`'s Parquet events."""
    import pyarrow.dataset as ds

    if partition_by not in PARTITIONS:
        raise ExportError(f"cannot partition by {partition_by!r} (choose from {', '.join(PARTITIONS)})")
    base = Path(directory)
    if base.exists() and (not base.is_dir() or any(base.iterdir())):
        raise ExportError(f"{base} must be a new or empty directory for a partitioned export")
    lo, hi = bound(since, "since", first=True), bound(until, "until", first=False)
    schema = _arrow_schema(EVENT_EXPORT_COLUMNS, (partition_by,))
    meta = _ArticleMeta(store)
    counted = [0]

    def rows() -> Iterator[dict[str, Any]]:
        for event in store.events(type=type, country=country):
            if not overlaps(event.date, lo, hi):
                continue
            row = event_row(event, meta(event.article_id))
            row[partition_by] = partition_key(row, partition_by)
            counted[0] += 1
            yield row

    partitioning = ds.partitioning(_arrow_schema((), (partition_by,)), flavor="hive")
    ds.write_dataset(_record_batches(rows(), schema, chunk), base, schema=schema, format="parquet",
                     partitioning=partitioning, basename_template="part-{i}.parquet",
                     max_rows_per_group=chunk, min_rows_per_group=0, existing_data_behavior="overwrite_or_ignore")
    return counted[0]


def _typed_dates(row: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    return row | {n: date.fromisoformat(row[n]) if isinstance(row.get(n), str) else row.get(n) for n in names}

