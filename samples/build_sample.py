#!/usr/bin/env python3
"""Rebuild samples/demo.jsonl: the seed article plus 20 French Wikinews articles on conflict.

Usage: python samples/build_sample.py [../shared]   (the sample is committed; this documents its making)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

KEYWORDS = re.compile(r"attaque|attentat|armée|frappe|tué|rebelles|manifest|otage|explosion|combats|"
                      r"arrest|menace|militaires|missile|offensive|police", re.I)


def main() -> None:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
    seed = json.loads((shared / "eval/dev/seed-kh-2020.json").read_text(encoding="utf-8"))
    out = [{"id": seed["article_id"], "lang": "fr", "text": seed["text"],
            "outlet": "seed dispatch (eventwire eval)"}]
    for line in (shared / "corpus/wikinews-fr.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"].endswith("-urls") or not KEYWORDS.search(rec["title"] or ""):
            continue
        out.append({k: rec[k] for k in ("id", "lang", "published", "title", "outlet", "text", "license")})
        if len(out) == 21:
            break
    dest = Path(__file__).with_name("demo.jsonl")
    dest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    print(f"wrote {len(out)} articles to {dest}")


if __name__ == "__main__":
    main()
