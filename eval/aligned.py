#!/usr/bin/env python3
"""Diagnostic: location and date accuracy with each prediction paired to the gold event it codes.

The shared scorer pairs greedily: gold events in file order, each with the first free prediction
of the same type and source. When an article has several events of one type and source (an
offensive, a breakthrough, a retreat: all "Islamic State ASSAULT"), a right date is often
compared with another event's gold date, and a missed event shifts every pair after it. This
script pairs a prediction with the gold event of the same type and source whose trigger words
cover its trigger in the text (the nearest occurrence), so the figures say how well places and
dates are resolved, apart from how events are paired. It does not replace the official score:
``make eval`` prints both.

Usage: python eval/aligned.py GOLD_DIR PRED.jsonl [--shared ../shared] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def trigger_spans(text: str, trigger: str) -> list[tuple[int, int]]:
    """Every occurrence of the gold trigger words in the text."""
    out, start = [], 0
    while trigger:
        i = text.find(trigger, start)
        if i < 0:
            break
        out.append((i, i + len(trigger)))
        start = i + 1
    return out


def align(S, gold: dict, preds: list[dict]) -> list[tuple[dict, dict]]:
    """(prediction, gold event) pairs: same type and source, gold trigger covering the prediction's."""
    text = gold.get("text", "")
    pairs, used = [], set()
    for p in preds:
        t = (p.get("trigger") or {}).get("span") or [0, 0]
        best = None
        for gi, g in enumerate(gold["events"]):
            if gi in used or g.get("type") != p.get("type"):
                continue
            if not S.names_match(p.get("source"), g.get("source"), False):
                continue
            for lo, hi in trigger_spans(text, g.get("trigger") or ""):
                if lo <= t[0] < hi or lo < t[1] <= hi:
                    best = gi
                    break
            if best is not None:
                break
        if best is not None:
            used.add(best)
            pairs.append((p, gold["events"][best]))
    return pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--show", action="store_true", help="list the aligned pairs whose date or place is wrong")
    a = ap.parse_args()
    sys.path.insert(0, str(Path(a.shared) / "eval"))
    import score as S  # the shared scorer: its names_match, place_ok and date_ok

    by: dict[str, list[dict]] = {}
    for line in Path(a.pred).read_text(encoding="utf-8").splitlines():
        if line.strip():
            p = json.loads(line)
            if not (p.get("negated") or p.get("hypothetical")):
                by.setdefault(str(p["article_id"]), []).append(p)
    n_loc = ok_loc = n_date = ok_date = n_pairs = 0
    for g in S.load_gold([a.gold]):
        for p, ge in align(S, g, by.get(str(g["article_id"]), [])):
            n_pairs += 1
            if ge.get("location"):
                n_loc += 1
                good = S.place_ok(p.get("location"), ge["location"])
                ok_loc += good
                if a.show and not good:
                    print(f"PLACE {g['article_id']} {ge['type']} [{ge.get('trigger')}] "
                          f"gold={ge['location'].get('name')} pred={(p.get('location') or {}).get('name')}")
            if ge.get("date"):
                n_date += 1
                good = S.date_ok(p.get("date"), ge["date"])
                ok_date += good
                if a.show and not good:
                    print(f"DATE  {g['article_id']} {ge['type']} [{ge.get('trigger')}] gold={ge['date'].get('value')}"
                          f" pred={(p.get('date') or {}).get('value')}")
    place = ok_loc / n_loc if n_loc else None
    date = ok_date / n_date if n_date else None
    print(f"aligned by trigger ({n_pairs} pairs): place {place if place is None else round(place, 3)} (n={n_loc})"
          f"  date {date if date is None else round(date, 3)} (n={n_date})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
