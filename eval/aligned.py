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

Usage: python eval/aligned.py GOLD_DIR PRED.jsonl [--shared ../shared] [--half tune|check] [--show --half tune]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.coding.train import half

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
    ap.add_argument("--half", choices=("tune", "check"), help="only the articles of one half (errors: tune only)")
    a = ap.parse_args()
    if a.show and a.half != "tune":
        ap.error("--show lists errors of the tune half only: add --half tune")
    sys.path.insert(0, str(Path(a.shared) / "eval"))
    import score as S  # the shared scorer: its names_match, place_ok and date_ok

    by: dict[str, list[dict]] = {}
    for line in Path(a.pred).read_text(encoding="utf-8").splitlines():
        if line.strip():
            p = json.loads(line)
            if not (p.get("negated") or p.get("hypothetical")):
                by.setdefault(str(p["article_id"]), []).append(p)
    # field: (label, the scorer's check, the key that names a value in a record)
    fields = {"location": ("place", S.place_ok, "name"), "date": ("date", S.date_ok, "value")}
    n = dict.fromkeys(fields, 0)
    ok = dict.fromkeys(fields, 0)
    n_pairs = 0
    for g in S.load_gold([a.gold]):
        if a.half and half(str(g["article_id"])) != a.half:
            continue
        for p, ge in align(S, g, by.get(str(g["article_id"]), [])):
            n_pairs += 1
            for field, (label, check, shown) in fields.items():
                if not ge.get(field):
                    continue
                n[field] += 1
                good = check(p.get(field), ge[field])
                ok[field] += good
                if a.show and not good:
                    print(f"{label.upper():5} {g['article_id']} {ge['type']} [{ge.get('trigger')}] "
                          f"gold={ge[field].get(shown)} pred={(p.get(field) or {}).get(shown)}")
    parts = [f"{label} {round(ok[f] / n[f], 3) if n[f] else None} (n={n[f]})" for f, (label, _, _) in fields.items()]
    print(f"aligned by trigger ({n_pairs} pairs): " + "  ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
