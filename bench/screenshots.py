#!/usr/bin/env python3
"""The two screenshots of docs/img/ (README, docs/explorer.md): the map and timeline of a store, and one
article with one event selected. Needs /usr/bin/chromium.

Usage: python bench/screenshots.py --db out/bench-explorer.db --article ID [--event N] [--out docs/img]
(the committed ones: the store of the 266 Wikinews corpus articles that `make bench` builds, article
wikinews-fr-2018_09_22-001, event 1: an article outside the evaluation sets).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    from playwright.sync_api import sync_playwright

    from _serve import CHROMIUM_FLAGS, serving

    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--article", required=True)
    ap.add_argument("--event", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with serving(args.db) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(base + "/-/eventwire/map")
        page.wait_for_selector("#ew-map[data-ready='1']")
        page.wait_for_selector("#ew-map[data-basemap]")
        page.wait_for_timeout(500)
        page.screenshot(path=str(args.out / "explorer-map.png"))
        page.goto(f"{base}/-/eventwire/article/{quote(args.article, safe='')}")
        page.click(f'.ew-event[data-ev="{args.event}"]')
        page.screenshot(path=str(args.out / "explorer-article.png"))
        browser.close()
    print(f"wrote {args.out}/explorer-map.png and explorer-article.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
