"""Exports from a store: JSONL (the SCHEMA.md records), CSV and Parquet (flat columns).

>>> import io
>>> from eventwire.store import open_store
>>> with open_store("memory://") as store:
...     export(store, "csv", io.StringIO())
0

The flat columns are :data:`eventwire.store.FLAT_EVENT_COLUMNS` (and
``FLAT_QUOTE_COLUMNS`` for ``what="quotes"``); Parquet columns are typed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
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
    return write_parquet([_flat(r) for r in records], columns, out)


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


def write_parquet(rows: list[dict[str, Any]], columns: Sequence[tuple[str, str]], out: IO[bytes]) -> int:
    """One Parquet table with typed columns (string, int64, float64, bool; nulls kept)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)
