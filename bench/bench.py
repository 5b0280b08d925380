#!/usr/bin/env python3
"""Speed benchmark: eventwire extract vs bare spaCy ``nlp.pipe`` on the same articles, in the same run.

Usage: python bench/bench.py [--n 200] [--shared ../shared] [--lang fr]

Each mode runs in its own child process (so peak memory is its own), on the same N Wikinews articles,
after the models are loaded (load time is reported apart). Printed: seconds, articles/s, the ratio
eventwire / spaCy, peak RSS, and eventwire's time per stage as a share of the parse. Machines here are
noisy: read the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts(shared: Path, n: int) -> list[dict]:
    out = []
    for line in (shared / "corpus" / "wikinews-fr.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if not rec["id"].endswith("-urls"):
            out.append(rec)
    return (out * (n // len(out) + 1))[:n]


def _run_spacy(recs: list[dict]) -> dict:
    """Stock spaCy: the model as its package ships it (eventwire's loader adds a line-break sentence
    component and turns the lemmatizer's word index into sets; neither is counted here)."""
    import spacy

    from eventwire import Pipeline
    from eventwire.nlp import model_name
    from eventwire.pipeline import models_for

    t0 = time.perf_counter()
    nlp = spacy.load(model_name("fr", models_for(Pipeline().config, "fr")))
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(r["text"] for r in recs):
        pass
    return {"load_s": load, "run_s": time.perf_counter() - t0}


class _Timed:
    def __init__(self, stage, totals: dict) -> None:
        self.stage, self.totals = stage, totals
        self.name = stage.name

    def __call__(self, analysis):
        t0 = time.perf_counter()
        out = self.stage(analysis)
        self.totals[self.name] += time.perf_counter() - t0
        return out


def _run_eventwire(recs: list[dict]) -> dict:
    from eventwire import Pipeline
    from eventwire.records import Article

    t0 = time.perf_counter()
    pipe = Pipeline()
    pipe.nlp("fr")
    totals: dict[str, float] = defaultdict(float)
    pipe._stages = [_Timed(s, totals) for s in pipe.stages]
    pipe.process([Article(id="warm", text="Le président a menacé Moscou.", language="fr")]).__next__()
    load = time.perf_counter() - t0
    totals.clear()
    arts = [Article(id=r["id"], text=r["text"], published=r.get("published")) for r in recs]
    t0 = time.perf_counter()
    events = errors = 0
    for res in pipe.process(arts):
        events += len(res.events)
        errors += res.error is not None
    return {"load_s": load, "run_s": time.perf_counter() - t0, "stages_s": dict(totals),
            "events": events, "errors": errors}


def _child(mode: str, shared: Path, n: int) -> None:
    recs = _texts(shared, n)
    out = (_run_spacy if mode == "spacy" else _run_eventwire)(recs)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["chars"] = sum(len(r["text"]) for r in recs)
    print(json.dumps(out))


def _spawn(mode: str, shared: Path, n: int) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--shared", str(shared), "--n", str(n)]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--child", choices=["spacy", "eventwire"])
    a = ap.parse_args()
    shared = Path(a.shared)
    if a.child:
        _child(a.child, shared, a.n)
        return 0
    sp = _spawn("spacy", shared, a.n)
    ew = _spawn("eventwire", shared, a.n)
    print(f"{a.n} French Wikinews articles ({sp['chars']:,} characters), fr_core_news_md, 1 process")
    for name, r in (("stock spaCy nlp.pipe", sp), ("eventwire extract", ew)):
        print(f"  {name:20s} {r['run_s']:7.2f} s  {a.n / r['run_s']:6.1f} articles/s  "
              f"peak RSS {r['peak_rss_mb']:6.0f} MB  (load {r['load_s']:.1f} s)")
    print(f"  ratio eventwire / spaCy: {ew['run_s'] / sp['run_s']:.2f}x  "
          f"({ew['events']} events, {ew['errors']} errors)")
    parse = max(ew["run_s"] - sum(ew["stages_s"].values()), 1e-9)
    print(f"  eventwire's own parse (language id, its spaCy pipeline): {parse:.2f} s = "
          f"{parse / sp['run_s']:.2f}x stock spaCy; its stages add {ew['run_s'] - parse:.2f} s")
    print(f"  time per stage, as a share of the parse inside eventwire ({parse:.2f} s):")
    for stage, secs in ew["stages_s"].items():
        print(f"    {stage:12s} {secs:6.2f} s  {100 * secs / parse:5.1f}%")
    geo = ew["stages_s"].get("places", 0) + ew["stages_s"].get("dates", 0)
    print(f"  coder: {100 * ew['stages_s'].get('coder', 0) / parse:.1f}% of the parse (target < 25%); "
          f"places+dates: {100 * geo / parse:.1f}% (target < 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
