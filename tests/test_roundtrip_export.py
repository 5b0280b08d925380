"""Store round trip, end to end: what ``extract`` prints equals what the store exports, in every format.

Hypothesis composes articles from sentences of our own (actors, places, dates, quotes, speakers); each
is run through ``extract`` and through ``ingest``. The events ``eventwire extract`` writes
(``batch.extract_to_jsonl``) are compared with the same articles ingested into a SQLite file and
exported back: JSONL record for record, CSV and Parquet column for column, for every field of the SCHEMA.md
record (the flat formats carry each field that has a column; the few that have none are listed, and
checked in the JSONL); what the export adds (the article's fields, the date's calendar range) is checked
apart. Quotes likewise against the results'.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _shared import SHARED
from eventwire.batch import extract_to_jsonl, ingest, json_line
from eventwire.export import export
from eventwire.pipeline import Pipeline
from eventwire.records import Article, Event, Result
from eventwire.store import FLAT_EVENT_COLUMNS, FLAT_QUOTE_COLUMNS, flatten_event, flatten_quote
from eventwire.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow

FR = [
    "Le gouvernement français a menacé la Russie de nouvelles sanctions mardi 2 mars 2021 à Paris.",
    "« Nous ne céderons pas », a déclaré le ministre des Affaires étrangères devant les députés.",
    "Des manifestants ont protesté mercredi à Marseille contre la réforme des retraites.",
    "La police a arrêté douze personnes près de la préfecture, selon le maire de la ville.",
    "L'armée malienne a attaqué jeudi un camp de rebelles près de Gao, a indiqué un porte-parole.",
    "Le président du Mali a condamné les violences et appelé au dialogue avec les groupes armés.",
    "Les deux pays ont signé un accord de coopération sur l'énergie à Berlin le 6 mars.",
    "Le Hamas a menacé Israël de représailles, selon un communiqué cité par l'AFP.",
]
EN = [
    "The United Nations accused the government of Myanmar of killing protesters on Friday.",
    "Germany said it would suspend aid to the country, according to its foreign minister.",
    "\"We will not give in,\" the prime minister told reporters in London on March 3, 2021.",
    "Troops attacked rebel positions near the border on Saturday, officials said.",
]

articles = st.lists(
    st.one_of(st.tuples(st.just("fr"), st.lists(st.sampled_from(FR), min_size=1, max_size=4)),
              st.tuples(st.just("en"), st.lists(st.sampled_from(EN), min_size=1, max_size=3))),
    min_size=1, max_size=3, unique_by=lambda drawn: " ".join(drawn[1]))  # same text twice is stored once


def _items(drawn: list[tuple[str, list[str]]], published: str) -> list[Article]:
    return [Article(id=f"rt{i}", text=" ".join(sents), language=lang, published=published)
            for i, (lang, sents) in enumerate(drawn)]


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Dotted paths of the leaves of a JSON value (a span is one leaf)."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out |= _leaves(v, f"{path}.{k}" if path else k)
        return out
    return {path: value}


def _schema_fields() -> list[str]:
    """Every field of the SCHEMA.md record (its JSON example), as dotted paths."""
    text = (SHARED / "SCHEMA.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    assert block is not None
    return sorted(_leaves(json.loads(block.group(1))))


# SCHEMA.md fields the flat view (CSV, Parquet, SQLite columns) has no column for: JSONL carries them.
NOT_FLAT = {"schema", "attribution.speaker.text", "attribution.speaker.span", "attribution.quote.text",
            "attribution.quote.span"}


def _flat_columns(path: str) -> list[str]:
    """The flat columns holding one SCHEMA.md field."""
    if path in NOT_FLAT:
        return []
    if path == "attribution.speaker.name":
        return ["attribution_speaker"]
    name = path.replace(".", "_")
    if name.endswith("_span"):
        return [name[:-5] + "_start", name[:-5] + "_end"]
    return [name]


def _at(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for key in path.split("."):
        if value is None:
            return None
        value = value.get(key) if isinstance(value, dict) else None
    return value


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    return pipeline


def test_roundtrip_every_schema_field_has_a_place_in_every_export() -> None:
    if not (SHARED / "SCHEMA.md").exists():
        pytest.skip("shared SCHEMA.md not available")
    columns = {name for name, _ in FLAT_EVENT_COLUMNS}
    for path in _schema_fields():
        assert all(c in columns for c in _flat_columns(path)), path
        if path == "attribution.via":  # a speaker object or null: its name is the column
            continue
        assert _flat_columns(path) or path in NOT_FLAT, path


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(drawn=articles, published=st.sampled_from(["2021-03-02", "2020-11-05"]))
def test_roundtrip_extract_equals_store_exports(pipe: Pipeline, tmp_path_factory: pytest.TempPathFactory,
                                                drawn: list[tuple[str, list[str]]], published: str) -> None:
    items = _items(drawn, published)
    results: list[Result] = []
    printed = io.StringIO()
    extract_to_jsonl(items, pipe, printed, on_result=results.append)
    lines = printed.getvalue().splitlines(keepends=True)
    records = [json.loads(line) for line in lines]
    if any(FR[0] in sents or EN[0] in sents for _, sents in drawn):
        assert records                               # these sentences always give an event: nothing is vacuous

    db = tmp_path_factory.mktemp("rt") / "rt.db"
    with SQLiteStore(db) as store:
        stats = ingest(items, store, pipe)              # the same articles, through the real ingest
        assert stats.events == len(records)
        out = {fmt: io.StringIO() for fmt in ("jsonl", "csv")}
        for fmt, buf in out.items():
            assert export(store, fmt, buf) == len(records)
        parquet = io.BytesIO()
        export(store, "parquet", parquet)
        quotes_jsonl, quotes_csv, quotes_parquet = io.StringIO(), io.StringIO(), io.BytesIO()
        export(store, "jsonl", quotes_jsonl, what="quotes")
        export(store, "csv", quotes_csv, what="quotes")
        export(store, "parquet", quotes_parquet, what="quotes")

    # JSONL: what extract printed, plus the export's additions (the article's fields, the date's range)
    exported = [json.loads(line) for line in out["jsonl"].getvalue().splitlines()]
    by_article = {a.id: a for a in items}
    for record, got in zip(records, exported, strict=True):
        article = got.pop("article")
        assert article == {"published": by_article[record["article_id"]].published, "title": None, "url": None,
                           "outlet": None}
        if got.get("date") and record["date"]["precision"] == "day":
            assert (got["date"].pop("from"), got["date"].pop("to")) == (record["date"]["value"],) * 2
        elif got.get("date"):
            got["date"].pop("from", None), got["date"].pop("to", None)
        assert got == record
        assert list(got) == list(record)                     # and in the same key order
    # CSV and Parquet: each flat column of each event (the export adds date_from/date_to and the article's)
    flat = [flatten_event(Event.from_dict(r)) for r in records]
    rows = list(csv.DictReader(io.StringIO(out["csv"].getvalue())))
    assert [{k: row[k] for k in f} for row, f in zip(rows, flat, strict=True)] == [
        {k: _csv_cell(v) for k, v in f.items()} for f in flat]
    assert all(row["published"] == by_article[row["article_id"]].published for row in rows)
    parquet.seek(0)
    prows = pq.read_table(parquet).to_pylist()
    assert [{k: row[k] for k in f} for row, f in zip(prows, flat, strict=True)] == flat
    # every SCHEMA.md field of every printed event, in the flat exports
    fields = _schema_fields() if (SHARED / "SCHEMA.md").exists() else []
    for record, row, prow in zip(records, rows, prows, strict=True):
        for path in fields:
            value, cols = _at(record, path), _flat_columns(path)
            if path == "attribution.via":
                cols, value = ["attribution_via"], (value or {}).get("name")
            if not cols:
                assert path.split(".")[0] in record, path  # in the JSONL record (checked above), no column
                continue
            parts = [value] if len(cols) == 1 else value if value is not None else [None, None]
            for col, part in zip(cols, parts, strict=True):
                assert prow[col] == part, (path, col)
                assert row[col] == _csv_cell(part), (path, col)

    # quotes: the results' quotes, in every format
    quotes = [q for r in results for q in r.quotes]
    assert quotes_jsonl.getvalue() == "".join(json_line(q.to_dict()) for q in quotes)
    qflat = [flatten_quote(q) for q in quotes]
    assert list(csv.DictReader(io.StringIO(quotes_csv.getvalue()))) == [
        {k: _csv_cell(v) for k, v in row.items()} for row in qflat]
    quotes_parquet.seek(0)
    assert pq.read_table(quotes_parquet).to_pylist() == qflat
    assert [name for name, _ in FLAT_QUOTE_COLUMNS] == list(qflat[0]) if qflat else True
