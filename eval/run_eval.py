#!/usr/bin/env python3
"""Gold evaluation: extract events from the dev sets and print the shared scorer's figures.

Usage: python eval/run_eval.py [--sets dev,dev-en,dev-en-muc4,plover-gsr-en] [--shared ../shared]
                               [--out out/eval] [--show-errors] [--aligned] [--no-floor] [--cli]

Every set is printed in its two fixed halves (``eval/split.py``: tune, where errors are read, and
check, which judges) and whole, each beside the keyword floor (``eval/floor.py``) scored the same way.
``dev-en-muc4`` is scored with ``--types ASSAULT`` (its keys annotate attacks only). ``fresh-fr`` is
ours (``eval/fresh-fr/``, see its README): 40 French articles in the Wikinews style written and coded by
an independent annotator after the code of the eleventh session was written, read by no one who writes
rules and used by no training; both its halves are check halves (never read its errors).

For each set: ``score.py --make-input`` builds the input, ``eventwire extract`` (``--cli``) or the
same pipeline through the Python API writes predictions, ``score.py`` scores them; then
with ``--aligned``, ``eval/aligned.py`` prints a diagnostic (place and date accuracy with each
prediction paired to the gold event whose trigger covers it, not the scorer's greedy pairing).
It reports; it never fails on a low score (exit 0 unless something crashed).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split import gold_files  # noqa: E402

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


SETS = {"dev": None, "dev-en": None, "dev-en-muc4": "ASSAULT", "plover-gsr-en": None, "fresh-fr": None}
LOCAL = ROOT / "eval"  # a set found here (eval/fresh-fr) is ours, not the shared folder's


def _score(score: Path, files: list[Path], pred: Path, types: str | None, errors: bool = False) -> dict:
    cmd = [sys.executable, str(score), "--gold", *map(str, files), "--pred", str(pred)]
    cmd += ["--types", types] if types else []
    res = json.loads(subprocess.run(cmd + ["--json"], check=True, capture_output=True, text=True).stdout)
    if errors:  # the misses and extras, on stderr
        subprocess.run(cmd + ["--show-errors"], check=True, stdout=subprocess.DEVNULL)
    return res


def _row(name: str, res: dict, floor: dict | None) -> str:
    t, s, f = res["type"], res["source"], res["full"]
    fields = " ".join(f"{k} {res[v] if res[v] is not None else '-'}" for k, v in (
        ("country", "location_country_acc"), ("place", "location_place_acc"), ("date", "date_acc"),
        ("attr", "attribution_acc")))
    fl = f"{floor['type']['f1']:.3f}" if floor else "  -  "
    return (f"  {name:6s} {res['articles']:4d} {res['gold_events']:5d} {res['predicted_events']:5d} | "
            f"{t['precision']:.3f} {t['recall']:.3f} {t['f1']:.3f} | {s['precision']:.3f} {s['recall']:.3f} "
            f"{s['f1']:.3f} | {f['f1']:.3f} | {fl} | {fields}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--shared")
    ap.add_argument("--out", default=str(ROOT / "out" / "eval"))
    ap.add_argument("--show-errors", action="store_true",
                    help="list the tune half's misses and extras (never the check half's)")
    ap.add_argument("--aligned", action="store_true", help="also print the aligned place/date diagnostic")
    ap.add_argument("--no-floor", action="store_true", help="skip the keyword floor")
    ap.add_argument("--cli", action="store_true", help="run the `eventwire extract` command (as `make eval` does)")
    a = ap.parse_args()
    shared = _shared(a.shared)
    score = shared / "eval" / "score.py"
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in a.sets.split(","):
        gold, types = (LOCAL / name if (LOCAL / name).is_dir() else shared / "eval" / name), SETS.get(name)
        inp, pred, floor = out / f"{name}.input.jsonl", out / f"{name}.pred.jsonl", out / f"{name}.floor.jsonl"
        _make_input(score, gold, inp)
        t0 = time.perf_counter()
        (_extract_cli if a.cli else _extract_api)(inp, pred)
        secs = time.perf_counter() - t0
        if not a.no_floor and (not floor.exists() or floor.stat().st_mtime < inp.stat().st_mtime - 5):
            subprocess.run([sys.executable, str(ROOT / "eval" / "floor.py"), str(inp), str(floor)], check=True)
        print(f"\n== {name} ({secs:.1f}s){' --types ' + types if types else ''}: python {score} --gold {gold} "
              f"--pred {pred}", flush=True)
        print("  half   arts  gold  pred |  type P   R     F1   | type+source P R F1 |  full | floor |"
              " on matched events")
        for which in ("tune", "check", None):
            files = gold_files(gold, which)
            res = _score(score, files, pred, types, errors=a.show_errors and which == "tune" and gold.parent != LOCAL)
            fl = _score(score, files, floor, types) if floor.exists() and not a.no_floor else None
            print(_row(which or "all", res, fl), flush=True)
        if a.aligned:
            subprocess.run([sys.executable, str(ROOT / "eval" / "aligned.py"), str(gold), str(pred),
                            "--shared", str(shared)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
