"""Exports: JSONL is the SCHEMA.md record; CSV and Parquet carry the flat columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventwire.errors import EventwireError
from eventwire.export import export
from eventwire.records import Event
from eventwire.store import FLAT_EVENT_COLUMNS, Store, open_store
from test_store_factories import make_quote, make_threat, ok_result


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store("memory://") as s:
        s.save_result(ok_result("a1"))
        yield s


def test_export_jsonl_is_schema_record(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "jsonl", out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert records[0] == make_threat("a1").to_dict()
    assert Event.from_dict(records[0]) == make_threat("a1")
    assert "Israël" in out.getvalue()     # UTF-8 kept, not \\u escapes


def test_export_csv_flat_columns(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    wanted = {"event_id", "article_id", "type", "mode", "source_text", "source_name", "source_country",
              "source_sector", "target_name", "location_name", "location_country", "location_lat",
              "location_lon", "location_precision", "date_value", "date_precision", "attribution_kind",
              "attribution_speaker", "attribution_via", "trigger_text", "evidence_text", "trigger_start",
              "trigger_end", "evidence_start", "negated", "hypothetical", "confidence", "rule"}
    assert wanted <= set(rows[0])
    threat, accuse = rows
    assert (threat["type"], threat["source_name"], threat["target_country"]) == (
        "THREATEN", "Hezbollah", "ISR")
    assert (threat["location_lat"], threat["date_value"], threat["attribution_speaker"]) == (
        "33.89", "2020-11-04", "Ali Ahmad")
    assert threat["trigger_start"] == "13" and threat["negated"] == "false"
    assert accuse["target_name"] == "" and accuse["hypothetical"] == "true"


def test_export_parquet_typed(store: Store) -> None:
    out = io.BytesIO()
    assert export(store, "parquet", out) == 2
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert table.column_names == [name for name, _ in FLAT_EVENT_COLUMNS]
    assert table.schema.field("confidence").type == pa.float64()
    assert table.schema.field("trigger_start").type == pa.int64()
    assert table.schema.field("negated").type == pa.bool_()
    rows = table.to_pylist()
    assert rows[0]["location_lat"] == 33.89 and rows[1]["target_name"] is None


def test_export_filters(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "jsonl", out, type="ACCUSE") == 1
    assert json.loads(out.getvalue())["type"] == "ACCUSE"
    assert export(store, "jsonl", io.StringIO(), country="ISR") == 1
    assert export(store, "jsonl", io.StringIO(), since="2030-01-01") == 0


def test_export_quotes(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "jsonl", out, what="quotes") == 1
    assert json.loads(out.getvalue()) == make_quote("a1").to_dict()
    out = io.StringIO()
    export(store, "csv", out, what="quotes")
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["speaker_name"], row["speaker_actor"], row["text"]) == (
        "Ali Ahmad", "Hezbollah", "Nous répondrons")
    buf = io.BytesIO()
    assert export(store, "parquet", buf, what="quotes") == 1


def test_export_empty_store_writes_header_only() -> None:
    out = io.StringIO()
    with open_store("memory://") as empty:
        assert export(empty, "csv", out) == 0
    assert out.getvalue().startswith("event_id,article_id,")
    assert len(out.getvalue().splitlines()) == 1


def test_export_rejects_unknown_format_and_kind(store: Store) -> None:
    with pytest.raises(EventwireError, match="unknown export format"):
        export(store, "xml", io.StringIO())
    with pytest.raises(EventwireError, match="cannot export"):
        export(store, "csv", io.StringIO(), what="actors")
