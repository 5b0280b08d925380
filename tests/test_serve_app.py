"""The explorer over a real SQLite store, through a real ``eventwire serve`` process: pages, JSON API,
downloads, read-only guarantees, escaping, and a property test of the OpenAPI description."""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from _serve import serving
from eventwire.export import EVENT_EXPORT_COLUMNS
from eventwire.records import Article, Result, TextRef
from eventwire.serve import FACETS
from eventwire.serve.app import SETTINGS
from eventwire.store.sqlite import SQLiteStore
from test_store_factories import make_accuse, make_article, make_threat, ok_result

XSS_TEXT = ("La police a arrêté mercredi trois manifestants à Lyon. <script>window.__xss=1</script> "
            '<img src=x onerror="window.__xss=2"> <a href="javascript:window.__xss=3">lien</a> </textarea>')
XSS_TITLE = "<script>window.__xss='title'</script> Lyon"


def _xss_result() -> Result:
    article = Article(id="x<1>", text=XSS_TEXT, language="fr", published="2021-04-05", title=XSS_TITLE,
                      url="javascript:window.__xss='url'", outlet="<b>outlet</b>", source="x.txt",
                      content_hash="xss")
    i = XSS_TEXT.index("a arrêté")
    event = replace(make_threat("x<1>"), type="COERCE", trigger=TextRef("a arrêté", (i, i + 8)),
                    evidence=TextRef(XSS_TEXT, (0, len(XSS_TEXT))), source=None, target=None, location=None,
                    date=None, attribution=None, rule="<script>rule</script>")
    return Result(article=article, events=(event,))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store.db"
    with SQLiteStore(path) as store:
        store.save_result(ok_result("a1"))
        second = make_article("a2", "Autre texte : le Hezbollah a menacé Israël mercredi à Beyrouth.",
                              title="Deuxième")
        store.save_result(Result(article=replace(second, content_hash="h2"),
                                 events=(replace(make_accuse("a2"), evidence=TextRef("Autre", (0, 5))),)))
        store.save_result(_xss_result())
    return path


@pytest.fixture(scope="module")
def base(db: Path) -> Iterator[str]:
    with serving(db) as url:
        yield url


def get(base: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(base + path, params=params or None, timeout=10, follow_redirects=False)


def test_serve_home_links_every_page(base: str) -> None:
    html = get(base, "/").text
    for link in ("/-/eventwire/map", "/store/events?", "/store/articles", "/store/actors", "/store/quotes",
                 "/-/eventwire/openapi.json"):
        assert link in html, link
    assert "3 articles, 4 events" in html


def test_serve_article_page_marks_every_span(base: str) -> None:
    html = get(base, "/-/eventwire/article/a1").text
    threat = make_threat("a1")
    assert threat.source and threat.location and threat.date
    for tag, value in (("e0-trigger", threat.trigger.text), ("e0-source", threat.source.text),
                       ("e0-location", threat.location.text), ("e0-date", threat.date.text)):
        spans = re.findall(rf'data-m="[^"]*\b{tag}\b[^"]*">([^<]*)</span>', html)
        assert "".join(spans) == value, tag
    assert 'id="ev-' + threat.event_id + '"' in html
    assert "no physical act: threat verb" in html        # the rejected candidate, in its <details>
    data = json.loads(re.search(r'<script type="application/json" id="ew-data">(.*?)</script>', html, re.S)[1])
    assert data["events"][0]["rule"] == threat.rule


def test_serve_article_page_escapes_stored_html(base: str) -> None:
    html = get(base, "/-/eventwire/article/" + urllib.parse.quote("x<1>", safe="")).text
    assert "<script>window.__xss" not in html and "onerror=\"window" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and "&lt;/textarea&gt;" in html
    assert "<b>outlet</b>" not in html and "<script>rule</script>" not in html


def test_serve_events_table_has_facets_search_and_article_links(base: str) -> None:
    body = get(base, "/store/events.json", _search="Beyrouth", _shape="objects").json()
    assert {r["article_pk"] for r in body["rows"]} == {1, 2}
    assert set(FACETS) <= set(body["facet_results"])
    assert {f["value"] for f in body["facet_results"]["type"]["results"]} == {"THREATEN", "ACCUSE"}
    assert get(base, "/store/events.json", type="ACCUSE", _shape="array").json()[0]["type"] == "ACCUSE"
    html = get(base, "/store/events", type="THREATEN").text
    link = f'<a href="/-/eventwire/event/{make_threat("a1").event_id}" title="the article, this event highlighted">'
    assert link + "a1</a>" in html
    assert '<a href="/-/eventwire/actor/Hezbollah">Hezbollah</a>' in html
    redirect = get(base, f"/-/eventwire/event/{make_threat('a1').event_id}")
    assert redirect.status_code == 302
    assert redirect.headers["location"] == f"/-/eventwire/article/a1#ev-{make_threat('a1').event_id}"


def test_serve_downloads_csv_json_and_parquet_of_the_filter(base: str) -> None:
    csv_text = get(base, "/store/events.csv", type="ACCUSE", _size="max").text
    assert csv_text.count("\n") == 3 and "ACCUSE" in csv_text      # header + 2 ACCUSE rows
    table = pq.read_table(io.BytesIO(get(base, "/store/events.parquet", type="ACCUSE").content))
    assert table.column_names == [name for name, _ in EVENT_EXPORT_COLUMNS]
    assert table.column("type").to_pylist() == ["ACCUSE", "ACCUSE"]
    assert table.column("title").to_pylist() == ["Menacé à Beyrouth", "Deuxième"]


def test_serve_actor_page_and_api(base: str) -> None:
    page = get(base, "/-/eventwire/actor/Hezbollah")
    assert page.status_code == 200 and "What it did (as source): 1" in page.text
    body = get(base, "/-/eventwire/api/actor/Hezbollah").json()
    assert [r["type"] for r in body["as_source"]] == ["THREATEN"] and body["quotes"][0]["speaker_name"] == "Ali Ahmad"
    assert body["by_month"][0] == {"month": "2020-11", "as_source": 1, "as_target": 0, "quotes": 1}
    assert get(base, "/-/eventwire/api/actor/Nobody").status_code == 404
    assert get(base, "/-/eventwire/actor/Nobody").status_code == 404


def test_serve_timeline_is_the_map_page_with_the_same_filters(base: str) -> None:
    response = get(base, "/-/eventwire/timeline", type="ASSAULT")
    assert response.status_code == 302
    assert response.headers["location"] == "/-/eventwire/map?type=ASSAULT#ew-timeline"


def test_serve_pages_forbid_other_origins(base: str) -> None:
    page = get(base, "/-/eventwire/article/a1")
    assert "script-src 'self';" in page.headers["content-security-policy"] + ";"
    assert "unsafe-inline" not in page.headers["content-security-policy"].split("script-src")[1]
    table = get(base, "/store/events", type="ACCUSE")
    assert "connect-src 'self'" in table.headers["content-security-policy"]
    assert '/-/eventwire/map?type=ACCUSE">Map and timeline of these events' in table.text


def test_serve_unknown_paths_and_bad_arguments_are_4xx(base: str) -> None:
    assert get(base, "/no/such/page").status_code == 404
    assert get(base, "/-/eventwire/api/actor/.").status_code == 404
    assert get(base, "/store/events.json", _sort="nosuchcolumn").status_code == 400
    assert get(base, "/store/events.json", _col="nosuchcolumn").json()["status"] == 400
    assert get(base, "/store/events.json", date_value__gte=str(2**63)).status_code == 400


def test_serve_is_read_only(base: str, db: Path) -> None:
    assert get(base, "/store", sql="delete from events").status_code in (400, 403)
    assert get(base, "/store", sql="select 1").status_code == 403
    for path in ("/store/events", "/-/eventwire/api/summary", "/store/-/create"):
        assert httpx.post(base + path, data={"x": "1"}, timeout=10).status_code == 405
    assert get(base, "/store.db").status_code in (403, 404)       # no download of the database file
    assert SETTINGS["default_allow_sql"] is False
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_serve_a_store_is_never_written(db: Path) -> None:
    """Datasette's own connections to the store refuse writes (PRAGMA query_only)."""
    import asyncio

    from eventwire.serve.app import build

    async def attempt() -> str:
        ds = build(db)
        await ds.invoke_startup()
        try:
            await ds.get_database("store").execute_write("DELETE FROM events")
        except sqlite3.OperationalError as exc:
            return str(exc)
        return "written"

    assert "readonly" in asyncio.run(attempt())


# -- the JSON API, from its OpenAPI description -----------------------------------------------------------


@pytest.fixture(scope="module")
def spec(base: str) -> dict[str, Any]:
    return get(base, "/-/eventwire/openapi.json").json()


def test_serve_openapi_describes_every_json_endpoint(spec: dict[str, Any], base: str) -> None:
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/store/events.json", "/-/eventwire/api/article/{article_id}",
                                  "/-/eventwire/api/actor/{name}", "/-/eventwire/api/summary"}
    assert get(base, "/-/eventwire/api/article/a1").json()["events"][0]["type"] == "THREATEN"
    assert get(base, "/-/eventwire/api/summary").json()["events"] == 4


def _value(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "oneOf" in schema:
        return st.one_of([_value(s) for s in schema["oneOf"]])
    if schema.get("type") == "integer":
        return st.integers(min_value=schema.get("minimum", -10), max_value=schema.get("maximum", 10**6))
    if schema.get("type") == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    return st.text(min_size=schema.get("minLength", 0), max_size=30)


@st.composite
def _requests(draw: st.DrawFn, spec: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    path = draw(st.sampled_from(sorted(spec["paths"])))
    params = spec["paths"][path]["get"].get("parameters", [])
    query: dict[str, Any] = {}
    for p in params:
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", urllib.parse.quote(draw(_value(p["schema"])), safe=""))
        elif draw(st.booleans()):
            query[p["name"]] = draw(_value(p["schema"]))
    return path, query


def test_serve_api_never_answers_5xx(spec: dict[str, Any], base: str) -> None:
    client = httpx.Client(base_url=base, timeout=10)

    @settings(max_examples=int(os.environ.get("EVENTWIRE_FUZZ_EXAMPLES", 150)), deadline=None,
              derandomize="EVENTWIRE_FUZZ_EXAMPLES" not in os.environ, suppress_health_check=list(HealthCheck))
    @given(_requests(spec))
    @example(("/store/events.json", {"date_value__lte": "\u00b2"}))  # isdigit() but not int(): was a 500
    @example(("/store/events.json", {"_ttl": "\u0663"}))  # an Arabic-Indic digit, the same path in Datasette
    def check(request: tuple[str, dict[str, Any]]) -> None:
        path, query = request
        response = client.get(path, params=query)
        assert response.status_code < 500, (path, query, response.text[:300])

    with client:
        check()
