"""Exports from a store: JSONL (the SCHEMA.md records), CSV and Parquet (flat columns).

>>> import io
>>> from eventwire.store import open_store
>>> with open_store("memory://") as store:
...     export(store, "csv", io.StringIO())
0

The flat columns are :data:`eventwire.store.FLAT_EVENT_COLUMNS` (and
``FLAT_QUOTE_COLUMNS`` for ``what="quotes"``); Parquet columns are typed. Every format streams
from the store (Parquet one row group at a time), so an export's memory does not grow with the
store; :func:`export_dataset` writes a Parquet dataset partitioned by month or country.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import IO, Any

from .batch import json_line
from .errors import EventwireError
from .records import Event, Quote
from .store.base import FLAT_EVENT_COLUMNS, FLAT_QUOTE_COLUMNS, Store, flatten_event, flatten_quote

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
WHAT: tuple[str, ...] = ("events", "quotes")


class ExportError(EventwireError):
    """A bad export request (unknown format or kind)."""

    code = "E401"


def export(store: Store, fmt: str, out: IO[Any], *, what: str = "events", type: str | None = None,
           since: str | None = None, country: str | None = None) -> int:
    """Write the selected records to ``out`` (text for jsonl/csv, binary for parquet); return the count."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if what not in WHAT:
        raise ExportError(f"cannot export {what!r} (choose from {', '.join(WHAT)})")
    if what == "quotes":
        records: Iterator[Event] | Iterator[Quote] = store.quotes()
    else:
        records = store.events(type=type, since=since, country=country)
    columns = FLAT_EVENT_COLUMNS if what == "events" else FLAT_QUOTE_COLUMNS
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "csv":
        return write_csv((_flat(r) for r in records), columns, out)
    return write_parquet((_flat(r) for r in records), columns, out)


def _flat(record: Event | Quote) -> dict[str, Any]:
    return flatten_event(record) if isinstance(record, Event) else flatten_quote(record)


def write_jsonl(records: Iterator[Event] | Iterator[Quote], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json_line(record.to_dict()))
        n += 1
    return n


def write_csv(rows: Iterator[dict[str, Any]], columns: Sequence[tuple[str, str]], out: IO[str]) -> int:
    """CSV with a header; empty cells for None; booleans as ``true``/``false``."""
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

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in columns] + [(name, pa.string()) for name in extra])


def _record_batches(rows: Iterable[dict[str, Any]], schema: Any, chunk: int) -> Iterator[Any]:
    import pyarrow as pa

    it = iter(rows)
    while part := list(islice(it, chunk)):
        yield pa.RecordBatch.from_pylist(part, schema=schema)


def write_parquet(rows: Iterable[dict[str, Any]], columns: Sequence[tuple[str, str]], out: IO[bytes], *,
                  chunk: int = PARQUET_CHUNK) -> int:
    """One Parquet file with typed columns (string, int64, float64, bool; nulls kept), streamed:
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
                   since: str | None = None, country: str | None = None, chunk: int = PARQUET_CHUNK) -> int:
    """Write the events as a Hive-partitioned Parquet dataset (``DIR/month=2020-11/part-0.parquet``),
    streamed in chunks, for Spark, DuckDB or ``pyarrow.dataset``; return the count. ``directory``
    must be new or empty."""
    import pyarrow.dataset as ds

    if partition_by not in PARTITIONS:
        raise ExportError(f"cannot partition by {partition_by!r} (choose from {', '.join(PARTITIONS)})")
    base = Path(directory)
    if base.exists() and (not base.is_dir() or any(base.iterdir())):
        raise ExportError(f"{base} must be a new or empty directory for a partitioned export")
    schema = _arrow_schema(FLAT_EVENT_COLUMNS, (partition_by,))
    counted = [0]

    def rows() -> Iterator[dict[str, Any]]:
        for event in store.events(type=type, since=since, country=country):
            row = flatten_event(event)
            row[partition_by] = partition_key(row, partition_by)
            counted[0] += 1
            yield row

    partitioning = ds.partitioning(_arrow_schema((), (partition_by,)), flavor="hive")
    ds.write_dataset(_record_batches(rows(), schema, chunk), base, schema=schema, format="parquet",
                     partitioning=partitioning, basename_template="part-{i}.parquet",
                     max_rows_per_group=chunk, min_rows_per_group=0, existing_data_behavior="overwrite_or_ignore")
    return counted[0]
