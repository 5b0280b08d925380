#!/usr/bin/env python3
"""Byte-identity check for refactors: the pipeline's output on every dev set and the corpus.

Usage: python eval/snapshot.py save DIR     [--shared ../shared] [--sets ...]
       python eval/snapshot.py compare DIR  [--shared ../shared] [--sets ...]

``save`` runs ``eventwire extract`` (the CLI, default config) over the inputs of dev, dev-en,
dev-en-muc4, plover-gsr-en and the French corpus and writes one JSONL file per set in DIR;
``compare`` runs it again into a temporary folder and compares each file byte for byte with DIR
(``cmp``), printing the first differing event of any set that moved. Exit 1 when one differs.
A move of code must keep every file identical; a bug fix that changes output says so in its commit.
"""

from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_eval import _make_input, _shared  # noqa: E402

SETS = ("dev", "dev-en", "dev-en-muc4", "plover-gsr-en", "corpus")


def _run(shared: Path, sets: list[str], dest: Path) -> None:
    exe = Path(sys.executable).with_name("eventwire")
    dest.mkdir(parents=True, exist_ok=True)
    score = shared / "eval" / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            if name == "corpus":
                inp = shared / "corpus" / "wikinews-fr.jsonl"
            else:
                inp = Path(tmp) / f"{name}.input.jsonl"
                _make_input(score, shared / "eval" / name, inp)
            subprocess.run([str(exe), "extract", str(inp), "-o", str(dest / f"{name}.jsonl")], check=True,
                           stderr=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("save", "compare"))
    ap.add_argument("dir")
    ap.add_argument("--shared")
    ap.add_argument("--sets", default=",".join(SETS))
    a = ap.parse_args(argv)
    shared, sets, base = _shared(a.shared), a.sets.split(","), Path(a.dir)
    if a.action == "save":
        _run(shared, sets, base)
        print(f"saved {len(sets)} sets in {base}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        now = Path(tmp)
        _run(shared, sets, now)
        moved = 0
        for name in sets:
            old, new = base / f"{name}.jsonl", now / f"{name}.jsonl"
            if filecmp.cmp(old, new, shallow=False):
                print(f"{name}: identical")
                continue
            moved += 1
            a_lines, b_lines = old.read_text().splitlines(), new.read_text().splitlines()
            pairs = enumerate(zip(a_lines, b_lines, strict=False))
            i = next((k for k, (x, y) in pairs if x != y), min(len(a_lines), len(b_lines)))
            print(f"{name}: DIFFERS ({len(a_lines)} -> {len(b_lines)} events; first at line {i + 1})")
            print("  was: " + (a_lines[i][:300] if i < len(a_lines) else "-"))
            print("  now: " + (b_lines[i][:300] if i < len(b_lines) else "-"))
    return 1 if moved else 0


if __name__ == "__main__":
    raise SystemExit(main())
