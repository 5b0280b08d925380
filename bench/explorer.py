#!/usr/bin/env python3
"""Explorer benchmark: how fast `eventwire serve` answers, and how the map copes with 10,000 events.

Usage: python bench/explorer.py [--shared ../shared] [--db out/bench-explorer.db] [--events 10000]

1. A store of the Wikinews corpus (ingested once into ``--db``, reused afterwards). Every page is
   requested 5 times through a real ``eventwire serve`` process; printed: median and worst time per
   page, against the target of 300 ms.
2. A synthetic store of ``--events`` located, dated events (seeded, so the same every run): the time to
   read them all through the table JSON the map uses, and, when /usr/bin/chromium is there, the time
   the map page takes to draw them all and to redraw after a timeline selection.
Machines here are shared and noisy: read the order of magnitude.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
TARGET_MS = 300.0


def corpus_store(db: Path, shared: Path) -> Path:
    if db.exists():
        return db
    from eventwire import Pipeline
    from eventwire.batch import ingest
    from eventwire.ingest import read_inputs
    from eventwire.store import open_store

    db.parent.mkdir(parents=True, exist_ok=True)
    pipe = Pipeline()
    t0 = time.perf_counter()
    with open_store(db) as store:
        stats = ingest(read_inputs([str(shared / "corpus" / "wikinews-fr.jsonl")], config=pipe.config), store,
                       pipe, workers=pipe.config.workers)
    print(f"ingested {stats.ok} articles, {stats.events} events in {time.perf_counter() - t0:.0f} s")
    return db


def pages(db: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        articles = [r[0] for r in conn.execute(
            "SELECT a.id FROM articles a JOIN events e ON e.article_pk = a.pk GROUP BY a.pk "
            "ORDER BY count(*) DESC, a.pk LIMIT 3")]
        longest = conn.execute("SELECT id FROM articles ORDER BY length(text) DESC LIMIT 1").fetchone()[0]
        actors = [r[0] for r in conn.execute(
            "SELECT source_name FROM events WHERE source_name IS NOT NULL GROUP BY source_name "
            "ORDER BY count(*) DESC LIMIT 3")]
    name = db.stem
    out = ["/", f"/{name}/events", f"/{name}/events?type=ASSAULT", f"/{name}/events?_search=police",
           f"/{name}/events.json?_shape=objects", f"/{name}/events.csv?_size=max", f"/{name}/events.parquet",
           f"/{name}/articles", "/-/eventwire/map", "/-/eventwire/openapi.json", "/-/eventwire/api/summary",
           f"/{name}/events.json?_col=type&_col=location_lat&_col=location_lon&_col=date_value&_shape=objects"
           "&_size=max&_nofacet=1&_nocount=1"]
    out += [f"/-/eventwire/article/{quote(a, safe='')}" for a in [*articles, longest]]
    out += [f"/-/eventwire/api/article/{quote(articles[0], safe='')}"]
    out += [f"/-/eventwire/actor/{quote(a, safe='')}" for a in actors]
    return out


def time_pages(base: str, paths: list[str], runs: int = 5) -> list[tuple[str, float, float, int]]:
    rows = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for path in paths:
            client.get(path)  # warm
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                r = client.get(path)
                times.append((time.perf_counter() - t0) * 1000)
            rows.append((path, statistics.median(times), max(times), r.status_code))
    return rows


def synthetic_store(path: Path, n: int) -> Path:
    from eventwire.records import PLACE_PRECISIONS, PLOVER_TYPES, Article, Event, Place, Result, TextRef, When
    from eventwire.store.sqlite import SQLiteStore

    if path.exists():
        return path
    rng = random.Random(12)
    per = 100
    text = " ".join(f"mot{i}" for i in range(per * 2))
    with SQLiteStore(path) as store:
        for a in range(n // per):
            aid = f"synthetic-{a:04d}"
            events = []
            for i in range(per):
                start = text.index(f"mot{i} ")
                precision = rng.choice(PLACE_PRECISIONS)
                lat, lon = rng.uniform(-50, 60), rng.uniform(-120, 140)
                day = f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                events.append(Event(
                    article_id=aid, language="fr", type=rng.choice(PLOVER_TYPES),
                    trigger=TextRef(f"mot{i}", (start, start + len(f"mot{i}"))), evidence=TextRef(text, (0, len(text))),
                    location=Place(text=f"mot{i}", name=f"Place {i}", span=(start, start + 4), country="FRA",
                                   lat=round(lat, 3), lon=round(lon, 3), precision=precision),
                    date=When(text="", value=day, precision="day", span=(0, 0)), rule="synthetic"))
            article = Article(id=aid, text=text, language="fr", published="2016-12-31", title=aid,
                              content_hash=f"h{a}")
            store.save_result(Result(article=article, events=tuple(events)))
    return path


def map_in_browser(base: str) -> dict[str, float] | None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    from _serve import CHROMIUM_FLAGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        t0 = time.perf_counter()
        page.goto(base + "/-/eventwire/map")
        page.wait_for_selector("#ew-map[data-ready='1']", timeout=120_000)
        drawn = time.perf_counter() - t0
        points = int(page.get_attribute("#ew-map", "data-points") or 0)
        box: Any = page.locator("#ew-chart .u-over").bounding_box()
        before = page.text_content("#ew-status")
        t1 = time.perf_counter()
        page.mouse.move(box["x"] + 5, box["y"] + 20)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] / 3, box["y"] + 20, steps=4)
        page.mouse.up()
        page.wait_for_function("s => document.querySelector('#ew-status').textContent !== s", arg=before)
        brushed = time.perf_counter() - t1
        t2 = time.perf_counter()
        page.click("#ew-map .leaflet-control-zoom-in")
        page.wait_for_timeout(50)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        zoomed = time.perf_counter() - t2
        browser.close()
    return {"points": points, "load_s": drawn, "brush_s": brushed, "zoom_s": zoomed}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "bench-explorer.db")
    ap.add_argument("--events", type=int, default=10_000)
    args = ap.parse_args()
    from _serve import serving

    db = corpus_store(args.db, args.shared)
    with serving(db) as base:
        rows = time_pages(base, pages(db))
    print(f"\nexplorer pages over {db.name} (median / worst of 5, ms; target {TARGET_MS:.0f} ms)")
    for path, median, worst, status in rows:
        flag = "" if worst < TARGET_MS else "  <-- over target"
        print(f"  {median:7.1f} {worst:7.1f}  {status}  {path[:100]}{flag}")
    over = [r for r in rows if r[2] >= TARGET_MS]
    print(f"pages over {TARGET_MS:.0f} ms (worst run): {len(over)} of {len(rows)}")

    synth = synthetic_store(args.db.with_name(f"bench-map-{args.events}.db"), args.events)
    with serving(synth) as base:
        t0 = time.perf_counter()
        path = (f"/{synth.stem}/events.json?_col=type&_col=location_lat&_col=location_lon&_col=date_value"
                "&_shape=objects&_size=max&_nofacet=1&_nocount=1")
        n, next_token = 0, None
        with httpx.Client(base_url=base, timeout=60) as client:
            while True:
                body = client.get(path + (f"&_next={quote(next_token)}" if next_token else "")).json()
                n += len(body["rows"])
                next_token = body.get("next")
                if not next_token:
                    break
        print(f"\nmap data: {n} events read through the table JSON in {time.perf_counter() - t0:.2f} s")
        browser = map_in_browser(base)
    if browser is None:
        print("map in the browser: skipped (no /usr/bin/chromium)")
    else:
        print(f"map in Chromium: {browser['points']:.0f} points drawn {browser['load_s']:.2f} s after the request; "
              f"timeline selection redrawn in {browser['brush_s']:.2f} s; zoom in {browser['zoom_s']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
