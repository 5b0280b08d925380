#!/usr/bin/env python3
"""List the events matched by type+source whose location, date or attribution the scorer counts wrong.

Usage: python eval/field_errors.py GOLD_DIR PRED.jsonl [--field location|date|attribution]
(PRED from ``eval/run_eval.py``, e.g. out/eval/dev.pred.jsonl). Uses the shared scorer's own matching.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--field", choices=["location", "date", "attribution"])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    sys.path.insert(0, str(Path(a.shared) / "eval"))
    import score as S  # the shared scorer

    preds = [json.loads(line) for line in Path(a.pred).read_text(encoding="utf-8").splitlines() if line.strip()]
    by: dict[str, list[dict]] = {}
    for p in preds:
        if not (p.get("negated") or p.get("hypothetical")):
            by.setdefault(str(p["article_id"]), []).append(p)
    for g in S.load_gold([a.gold]):
        mine = by.get(str(g["article_id"]), [])
        for pi, gi in S.pair(mine, g["events"], "source", False)[3]:
            _report(S, g["article_id"], g["events"][gi], mine[pi], a.field)
    return 0


def _report(S, aid: str, ge: dict, pe: dict, only: str | None) -> None:
    gl, pl = ge.get("location"), pe.get("location") or {}
    trig = (pe.get("trigger") or {}).get("text")
    if only in (None, "location") and gl and gl.get("country") and not S.place_ok(pe.get("location"), gl):
        print(f"LOCATION {aid} {ge['type']} [{trig}] gold={gl.get('name')}/{gl.get('country')}/{gl.get('precision')}"
              f" pred={pl.get('text')!r}->{pl.get('name')}/{pl.get('country')}/{pl.get('precision')}")
    if only in (None, "date") and ge.get("date") and not S.date_ok(pe.get("date"), ge["date"]):
        pd = pe.get("date") or {}
        print(f"DATE     {aid} {ge['type']} [{trig}] gold={ge['date']} pred={pd.get('text')!r}->{pd.get('value')}"
              f"/{pd.get('precision')} {pd.get('flags')}")
    ga, pa = ge.get("attribution"), pe.get("attribution") or {}
    if only in (None, "attribution") and ga and pa.get("kind") != ga.get("kind"):
        sp = (pa.get("speaker") or {}).get("text")
        print(f"ATTRIB   {aid} {ge['type']} [{trig}] gold={ga.get('kind')}:{ga.get('speaker')} "
              f"pred={pa.get('kind')}:{sp!r}")


if __name__ == "__main__":
    sys.exit(main())
