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


@pytest.fixture(params=["sqlite", "postgresql"])
def big_store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    """250 articles (500 events) in a real backend; the threats dated in two months, every fifth undated."""
    from dataclasses import replace

    from eventwire.records import Result
    from test_store_factories import TEXT_FR, make_accuse, make_article

    target = str(tmp_path / "big.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    results = []
    for i in range(250):
        aid = f"b{i:03d}"
        threat = make_threat(aid, date=f"2020-{10 + i % 2:02d}-04")
        if i % 5 == 0:
            threat = replace(threat, date=None)
        accuse = make_accuse(aid)
        results.append(Result(article=make_article(aid, f"{TEXT_FR} ({i})"), events=(threat, accuse)))
    with open_store(target) as s:
        s.save_results(results)
        yield s


def test_export_parquet_streams_one_row_group_at_a_time(big_store: Store) -> None:
    from eventwire.export import write_parquet
    from eventwire.store import flatten_event

    out = io.BytesIO()
    assert write_parquet((flatten_event(e) for e in big_store.events()), FLAT_EVENT_COLUMNS, out, chunk=100) == 500
    meta = pq.ParquetFile(io.BytesIO(out.getvalue())).metadata
    assert (meta.num_rows, meta.num_row_groups) == (500, 5)
    assert pq.read_table(io.BytesIO(out.getvalue())).column("event_id").to_pylist() == [
        e.event_id for e in big_store.events()]

    def failing() -> Iterator[dict]:
        for n, e in enumerate(big_store.events()):
            if n == 250:
                raise RuntimeError("stop")
            yield flatten_event(e)

    partial = io.BytesIO()
    with pytest.raises(RuntimeError):
        write_parquet(failing(), FLAT_EVENT_COLUMNS, partial, chunk=100)
    assert partial.tell() > 0       # two row groups were already written out when the rows stopped coming


def test_export_partitioned_dataset(big_store: Store, tmp_path) -> None:
    import pyarrow.dataset as ds

    from eventwire.export import export_dataset

    assert export_dataset(big_store, tmp_path / "by-month", partition_by="month", chunk=64) == 500
    assert sorted(p.name for p in (tmp_path / "by-month").iterdir()) == [
        "month=2020-10", "month=2020-11", "month=undated"]
    table = ds.dataset(tmp_path / "by-month", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 500
    months = {(r["type"], r["month"]) for r in table.select(["type", "month"]).to_pylist()}
    assert months == {("THREATEN", "2020-10"), ("THREATEN", "2020-11"), ("THREATEN", "undated"),
                      ("ACCUSE", "undated")}
    assert export_dataset(big_store, tmp_path / "by-country", partition_by="country", type="THREATEN") == 250
    assert sorted(p.name for p in (tmp_path / "by-country").iterdir()) == ["country=LBN"]
    with pytest.raises(EventwireError, match="new or empty directory"):
        export_dataset(big_store, tmp_path / "by-month", partition_by="month")
    with pytest.raises(EventwireError, match="cannot partition"):
        export_dataset(big_store, tmp_path / "other", partition_by="week")
