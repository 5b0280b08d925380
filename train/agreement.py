#!/usr/bin/env python3
"""Inter-annotator agreement on the doubly coded articles, by the shared scorer's own figures.

    python train/agreement.py FIRST_DIR SECOND_DIR [--shared ../shared]

The second annotator's files are the gold; the first annotator's events become predictions (each
actor's first name as its name, the others kept as aliases through the text field), and
``score.py`` scores them: type F1 and type+source F1 are the agreement figures the issue asks for
(F1 is symmetric in the two annotators up to the scorer's greedy pairing).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def as_prediction(article_id: str, ev: dict) -> dict:
    def actor(a: dict | None) -> dict | None:
        if not a:
            return None
        names = a.get("names") or [""]
        return {"name": names[0], "text": names[-1], "country": a.get("country")}

    return {"article_id": article_id, "type": ev["type"], "source": actor(ev.get("source")),
            "target": actor(ev.get("target")), "location": ev.get("location"), "date": ev.get("date"),
            "attribution": ev.get("attribution"), "trigger": {"text": ev.get("trigger")}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("first")
    ap.add_argument("second")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    second = {f.name: f for f in Path(a.second).glob("*.json")}
    common = sorted(f for f in Path(a.first).glob("*.json") if f.name in second)
    if not common:
        sys.exit("no article coded by both annotators")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "first.jsonl"
        with pred.open("w", encoding="utf-8") as fh:
            for f in common:
                g = json.loads(f.read_text(encoding="utf-8"))
                for ev in g["events"]:
                    if not ev.get("optional"):
                        fh.write(json.dumps(as_prediction(g["article_id"], ev), ensure_ascii=False) + "\n")
        score = Path(a.shared) / "eval" / "score.py"
        print(f"{len(common)} articles coded by both annotators")
        return subprocess.run([sys.executable, str(score), "--gold", *(str(second[f.name]) for f in common),
                               "--pred", str(pred)]).returncode


if __name__ == "__main__":
    sys.exit(main())
