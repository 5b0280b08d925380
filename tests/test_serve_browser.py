"""The explorer in a real browser: Debian's Chromium driven by Playwright (no browser download), against
``eventwire serve`` started on a free localhost port over a store the real pipeline built from
``tests/data/explorer/articles.jsonl`` (short texts written for these tests; one of them carries
``<script>``, ``onerror=``, ``javascript:`` and ``</textarea>``).

Screenshots go to ``out/screenshots/``. Skipped, with the reason, only when /usr/bin/chromium is missing
(``make test`` installs it with apt).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _serve import CHROMIUM_FLAGS, serving

CHROMIUM = Path("/usr/bin/chromium")
ARTICLES = Path(__file__).resolve().parent / "data" / "explorer" / "articles.jsonl"
SHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"
ROLES = ("trigger", "source", "target", "location", "date")

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    from eventwire.batch import ingest
    from eventwire.ingest import read_inputs
    from eventwire.store import open_store

    path = tmp_path_factory.mktemp("browser") / "store.db"
    with open_store(path) as store:
        stats = ingest(read_inputs([str(ARTICLES)], config=pipeline.config), store, pipeline, workers=1)
    assert stats.ok == 5 and stats.events > 0
    return path


@pytest.fixture(scope="module")
def base(db: Path) -> Iterator[str]:
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: `make test` installs it (apt-get install -y chromium)")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, base: str) -> Iterator[Any]:
    """A page that records every request, every script error and console error (a Content-Security-Policy
    violation is one), and refuses every dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    p = context.new_page()
    p.requests, p.errors, p.dialogs = [], [], []
    p.on("request", lambda r: p.requests.append(r.url))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)  # CSP violations too
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    yield p
    assert p.errors == [], p.errors
    assert [u for u in p.requests if not u.startswith(base + "/")] == [], "a request left 127.0.0.1"
    context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def events_of(db: Path, article_id: str) -> list[dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        sql = ("SELECT e.record FROM events e JOIN articles a ON a.pk = e.article_pk WHERE a.id = ? "
               "ORDER BY e.seq")
        return [json.loads(r) for (r,) in conn.execute(sql, (article_id,))]


def test_browser_click_an_event_highlights_each_of_its_values(page: Any, base: str, db: Path) -> None:
    events = events_of(db, "ew-border")
    page.goto(f"{base}/-/eventwire/article/ew-border")
    assert page.locator(".ew-event").count() == len(events)
    for i, event in enumerate(events):
        page.click(f'.ew-event[data-ev="{i}"]')
        for role in ROLES:
            shown = "".join(page.locator(f"#ew-text .sel-{role}").all_text_contents())
            value = event.get(role)
            assert shown == (value["text"] if value else ""), (i, role)
        detail = page.text_content("#ew-detail")
        assert event["rule"] in detail and f"{event['confidence']:.2f}" in detail
    shot(page, "article")


def test_browser_quotes_and_rejected_candidates(page: Any, base: str, db: Path) -> None:
    page.goto(f"{base}/-/eventwire/article/ew-port")
    with sqlite3.connect(db) as conn:
        quotes = [r[0] for r in conn.execute("SELECT q.text FROM quotes q JOIN articles a ON a.pk = q.article_pk "
                                             "WHERE a.id = 'ew-port' ORDER BY q.seq")]
        rejected = conn.execute("SELECT count(*) FROM rejections WHERE article_id = 'ew-port'").fetchone()[0]
    assert quotes, "the fixture article has quotes"
    page.click('#ew-quotes li[data-q="0"]')
    assert "".join(page.locator("#ew-text .sel-quote").all_text_contents()) == quotes[0]
    assert page.locator("#ew-rejections tbody tr").count() == rejected
    assert not page.locator("#ew-rejections table").is_visible()
    page.click("#ew-why-not")
    assert page.locator("#ew-rejections table").is_visible()


def test_browser_search_facet_article_span_actor(page: Any, base: str, db: Path) -> None:
    page.goto(base + "/")
    page.click('.ew-links a:text-is("Events")')
    page.fill("#_search", "Kharkiv")
    page.press("#_search", "Enter")
    page.wait_for_load_state()
    ids = set(page.locator("td.col-article_pk a").all_text_contents())
    assert ids == {"ew-border"}
    page.click('#facet-type a:text-is("ASSAULT")')
    page.wait_for_load_state()
    assert set(page.locator("td.col-type").all_text_contents()) == {"ASSAULT"}
    page.click("td.col-article_pk a >> nth=0")
    page.wait_for_load_state()
    assert page.url.startswith(f"{base}/-/eventwire/article/ew-border#ev-")
    event = next(e for e in events_of(db, "ew-border") if e["event_id"] == page.url.split("#ev-")[1])
    assert "".join(page.locator("#ew-text .sel-trigger").all_text_contents()) == event["trigger"]["text"]
    page.goto(f"{base}/-/eventwire/actor/{event['source']['name']}")
    assert page.text_content("#ew-actor") == event["source"]["name"]
    assert page.locator("table.ew-list").first.locator("tbody tr").count() >= 1


def test_browser_map_draws_every_located_event_offline(page: Any, base: str, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        located, country = conn.execute("SELECT count(*), sum(location_precision = 'country') FROM events "
                                        "WHERE location_lat IS NOT NULL").fetchone()
    assert country > 0 and located > country, "the fixture has precise and country-level events"
    page.goto(f"{base}/-/eventwire/map")
    page.wait_for_selector("#ew-map[data-ready='1']")
    page.wait_for_selector("#ew-map[data-basemap]")
    assert int(page.get_attribute("#ew-map", "data-points")) == located
    assert int(page.get_attribute("#ew-map", "data-country")) == country
    assert int(page.get_attribute("#ew-map", "data-basemap")) > 150          # Natural Earth countries
    assert page.locator("#ew-map .leaflet-marker-icon").count() > 0
    page.click("#ew-map .leaflet-control-zoom-in")
    page.wait_for_timeout(400)
    assert page.locator("#ew-map path.leaflet-interactive, #ew-map svg path").count() > 150
    shot(page, "map")


def test_browser_timeline_brush_filters_map_and_table(page: Any, base: str) -> None:
    page.goto(f"{base}/-/eventwire/map")
    page.wait_for_selector("#ew-map[data-ready='1']")
    total = int(page.get_attribute("#ew-map", "data-points"))
    over = page.locator("#ew-chart .u-over").bounding_box()
    y = over["y"] + over["height"] / 2
    page.mouse.move(over["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(over["x"] + over["width"] * 0.45, y, steps=8)
    page.mouse.up()
    status = page.text_content("#ew-status")
    assert " from " in status
    link = page.get_attribute("#ew-table-link", "href")
    assert "date_value__gte=" in link and "date_value__lte=" in link
    selected = int(status.split(" events")[0])
    assert int(page.get_attribute("#ew-map", "data-points")) < total
    page.goto(base + link.replace("?", "?_nofacet=1&", 1))
    shown = page.text_content("h3").split(" row")[0].replace(",", "").strip()
    assert int(shown) == selected


def test_browser_stored_html_stays_inert_on_every_page(page: Any, base: str) -> None:
    paths = ["/", "/-/eventwire/article/ew-xss", "/store/events?_search=Lyon", "/store/articles",
             "/store/articles?_search=Lyon", "/-/eventwire/actor/police", "/-/eventwire/map?_search=Lyon",
             "/store/quotes"]
    for path in paths:
        page.goto(base + path)
        if "map" in path:
            page.wait_for_selector("#ew-map[data-ready='1']")
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert page.locator("[onerror], a[href^='javascript:']").count() == 0, path
    page.goto(base + "/-/eventwire/article/ew-xss")
    assert "<script>window.__xss='text'" in page.text_content("#ew-text")   # shown as text
    page.click('.ew-event[data-ev="0"]')
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
