"""Exports: JSONL is the SCHEMA.md record; CSV and Parquet carry the flat columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import replace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventwire.errors import EventwireError
from eventwire.export import EVENT_EXPORT_COLUMNS, date_range, export
from eventwire.records import Event, Result, When
from eventwire.store import FLAT_EVENT_COLUMNS, Store, open_store
from test_store_factories import TEXT_FR, failed_result, make_article, make_quote, make_threat, ok_result


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store("memory://") as s:
        s.save_result(ok_result("a1"))
        yield s


def test_export_jsonl_is_schema_record_with_article_and_date_range(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "jsonl", out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    threat = records[0]
    assert threat.pop("article") == {"published": "2020-11-05", "title": "Menacé à Beyrouth", "url": None,
                                     "outlet": None}
    assert (threat["date"].pop("from"), threat["date"].pop("to")) == ("2020-11-04", "2020-11-04")
    assert threat == make_threat("a1").to_dict()
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
    assert (threat["date_from"], threat["date_to"], threat["published"], threat["title"]) == (
        "2020-11-04", "2020-11-04", "2020-11-05", "Menacé à Beyrouth")
    assert accuse["target_name"] == "" and accuse["hypothetical"] == "true"


def test_export_parquet_typed(store: Store) -> None:
    out = io.BytesIO()
    assert export(store, "parquet", out) == 2
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert table.column_names == [name for name, _ in EVENT_EXPORT_COLUMNS]
    assert table.column_names[:len(FLAT_EVENT_COLUMNS)] == [name for name, _ in FLAT_EVENT_COLUMNS]
    assert table.schema.field("date_from").type == pa.date32()
    assert table.schema.field("confidence").type == pa.float64()
    assert table.schema.field("trigger_start").type == pa.int64()
    assert table.schema.field("negated").type == pa.bool_()
    rows = table.to_pylist()
    assert rows[0]["location_lat"] == 33.89 and rows[1]["target_name"] is None
    assert rows[0]["date_from"] == rows[0]["date_to"] == dt.date(2020, 11, 4)
    assert rows[0]["title"] == "Menacé à Beyrouth" and rows[0]["published"] == "2020-11-05"
    assert rows[1]["date_from"] is None


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
    with pytest.raises(EventwireError, match=r"\[E402\] invalid date for since"):
        export(store, "csv", io.StringIO(), since="notadate")
    with pytest.raises(EventwireError, match=r"\[E402\] invalid date for until"):
        export(store, "csv", io.StringIO(), until="2020-02-30")


@pytest.mark.parametrize("value,precision,first,last", [
    ("2016-06-14", "day", "2016-06-14", "2016-06-14"),
    ("2016-06-14", "week", "2016-06-11", "2016-06-17"),
    ("2016-02", "month", "2016-02-01", "2016-02-29"),
    ("2016", "year", "2016-01-01", "2016-12-31"),
])
def test_export_date_range_for_every_precision(value: str, precision: str, first: str, last: str) -> None:
    when = When(text="x", value=value, precision=precision, span=(0, 1))
    assert date_range(when) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def _dated(store: Store, article_id: str, value: str, precision: str) -> None:
    event = replace(make_threat(article_id), date=When(text="mercredi", value=value, precision=precision,
                                                       span=(0, 1)))
    store.save_result(Result(article=make_article(article_id, f"{TEXT_FR} ({article_id})"), events=(event,)))


def test_export_since_until_keep_months_and_years_that_overlap() -> None:
    with open_store("memory://") as s:
        _dated(s, "month", "2016-06", "month")
        _dated(s, "year", "2016", "year")
        _dated(s, "day", "2016-05-31", "day")

        def ids(**kw: str) -> list[str]:
            out = io.StringIO()
            export(s, "jsonl", out, **kw)
            return [json.loads(line)["article_id"] for line in out.getvalue().splitlines()]

        assert ids(since="2016-06-01") == ["month", "year"]
        assert ids(since="2016-06-30") == ["month", "year"]
        assert ids(since="2016-07-01") == ["year"]
        assert ids(until="2016-05-31") == ["year", "day"]
        assert ids(since="2016-06-15", until="2016-06-20") == ["month", "year"]
        assert ids(since="2016-06", until="2016-06") == ["month", "year"]
        assert ids(since="2017") == []


def test_export_articles(store: Store) -> None:
    store.save_result(failed_result("bad"))
    out = io.StringIO()
    assert export(store, "csv", out, what="articles") == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["article_id"] for r in rows] == ["a1", "bad"]
    assert (rows[0]["status"], rows[0]["events"], rows[0]["quotes"], rows[0]["title"]) == ("ok", "2", "1",
                                                                                           "Menacé à Beyrouth")
    assert (rows[1]["status"], rows[1]["error_code"], rows[1]["events"]) == ("error", "E130", "0")
    buf = io.BytesIO()
    assert export(store, "parquet", buf, what="articles") == 2
    assert pq.read_table(io.BytesIO(buf.getvalue())).schema.field("events").type == pa.int64()
    out = io.StringIO()
    export(store, "jsonl", out, what="articles")
    assert json.loads(out.getvalue().splitlines()[0])["text"] == TEXT_FR


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
    assert table.column_names[:len(EVENT_EXPORT_COLUMNS)] == [name for name, _ in EVENT_EXPORT_COLUMNS]
    assert set(table.column("title").to_pylist()) == {"Menacé à Beyrouth"}
    assert export_dataset(big_store, tmp_path / "by-country", partition_by="country", type="THREATEN") == 250
    assert sorted(p.name for p in (tmp_path / "by-country").iterdir()) == ["country=LBN"]
    with pytest.raises(EventwireError, match="new or empty directory"):
        export_dataset(big_store, tmp_path / "by-month", partition_by="month")
    with pytest.raises(EventwireError, match="cannot partition"):
        export_dataset(big_store, tmp_path / "other", partition_by="week")
