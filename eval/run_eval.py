#!/usr/bin/env python3
"""Gold evaluation: extract events from the dev sets and print the shared scorer's figures.

Usage: python eval/run_eval.py [--sets dev,dev-en,plover-gsr-en] [--shared ../shared] [--out out/eval]
                               [--show-errors] [--cli]

For each set: ``score.py --make-input`` builds the input, ``eventwire extract`` (``--cli``) or the
same pipeline through the Python API writes predictions, ``score.py`` scores them; then
``eval/aligned.py`` prints a diagnostic (place and date accuracy with each prediction paired to the
gold event whose trigger covers it, not the scorer's greedy pairing). It reports; it never fails on
a low score (exit 0 unless something crashed).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared(arg: str | None) -> Path:
    for cand in ([Path(arg)] if arg else []) + [ROOT.parent / "shared", ROOT / "../shared"]:
        if (cand / "eval" / "score.py").exists():
            return cand.resolve()
    sys.exit("cannot find the shared folder (../shared); pass --shared")


def _make_input(score: Path, gold: Path, dest: Path) -> None:
    with dest.open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, str(score), "--make-input", str(gold)], stdout=fh, check=True)


def _extract_api(inp: Path, pred: Path) -> None:
    from eventwire import Pipeline
    from eventwire.records import Article

    pipe = Pipeline()
    items = []
    for line in inp.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        items.append(Article(id=r["id"], text=r["text"], language=r.get("lang"), published=r.get("published"),
                             title=r.get("title")))
    with pred.open("w", encoding="utf-8") as fh:
        for res in pipe.process(items):
            if res.error:
                print(f"  error {res.error.article_id}: [{res.error.code}] {res.error.message}", file=sys.stderr)
            for ev in res.events:
                fh.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")


def _extract_cli(inp: Path, pred: Path) -> None:
    exe = Path(sys.executable).with_name("eventwire")
    subprocess.run([str(exe), "extract", str(inp), "-o", str(pred)], check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="dev,dev-en,plover-gsr-en")
    ap.add_argument("--shared")
    ap.add_argument("--out", default=str(ROOT / "out" / "eval"))
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--cli", action="store_true", help="run the `eventwire extract` command (as `make eval` does)")
    a = ap.parse_args()
    shared = _shared(a.shared)
    score = shared / "eval" / "score.py"
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in a.sets.split(","):
        gold = shared / "eval" / name
        inp, pred = out / f"{name}.input.jsonl", out / f"{name}.pred.jsonl"
        _make_input(score, gold, inp)
        t0 = time.perf_counter()
        (_extract_cli if a.cli else _extract_api)(inp, pred)
        secs = time.perf_counter() - t0
        print(f"\n== {name} ({secs:.1f}s): python {score} --gold {gold} --pred {pred}", flush=True)
        cmd = [sys.executable, str(score), "--gold", str(gold), "--pred", str(pred)]
        subprocess.run(cmd + (["--show-errors"] if a.show_errors else []), check=True)
        # diagnostic only: places and dates with each prediction paired to the gold event it codes
        subprocess.run([sys.executable, str(ROOT / "eval" / "aligned.py"), str(gold), str(pred),
                        "--shared", str(shared)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
