#!/usr/bin/env python3
"""Speed benchmark: eventwire extract vs bare spaCy ``nlp.pipe`` on the same articles, in the same run.

Usage: python bench/bench.py [--n 200] [--shared ../shared] [--lang fr]
       python bench/bench.py --long 1000,20000 [--shared ../shared]     (make bench-long, make soak)
       python bench/bench.py --scale [--n 200] [--pg postgresql://root@127.0.0.1:5432/test]   (make bench-scale)
       python bench/bench.py --scale --modes workers2,ray2 --repeat 3       (some modes only, timed the same way)

Each mode runs in its own child process (so peak memory is its own), on the same N Wikinews articles,
after the models are loaded (load time is reported apart). Printed: seconds, articles/s, the ratio
eventwire / spaCy, peak RSS, and eventwire's time per stage as a share of the parse. Machines here are
noisy: read the ratios, not the absolute times.

``--long N1,N2``: one ``eventwire.batch.ingest`` run (the ``eventwire ingest`` path: JSONL file read as a
stream, SQLite store) over max(N) articles synthesised from the corpus, each copy with a new id and a
one-line suffix (so that no copy is skipped as already-stored content), printing the current and peak RSS
at each N and at 100 (after warm-up): memory stays flat when RSS at the last N is close to RSS at the first.

``--scale`` (docs/scale.md) measures instead, on the same N articles in the same run: bare spaCy on 1 and
on 2 processes, eventwire ``--workers 1`` and ``--workers 2`` (multiprocessing), ``--engine ray`` with 2
actors on a local 2-CPU Ray (models loaded before the clock starts in every mode; the load times are
printed apart), the whole ``eventwire ingest FILE --workers 1`` and ``--workers 2`` commands into a new
SQLite store (timed from outside: start-up and loading included), then the store write rate: SQLite vs
PostgreSQL, events/s, per article and in COPY batches of several sizes.
"""

from __future__ import annotations

import argparse
import json
import os
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


def _child(mode: str, shared: Path, n: int, pg: str) -> None:
    recs = _texts(shared, n)
    runs = {"spacy": _run_spacy, "eventwire": _run_eventwire, "spacy2": _run_spacy2, "ray2": _run_ray2,
            "workers1": lambda r: _run_workers(r, 1), "workers2": lambda r: _run_workers(r, 2),
            "spacy1": _run_spacy1, "cli1": lambda r: _run_cli(r, 1), "cli2": lambda r: _run_cli(r, 2),
            "store": lambda r: _run_store(r, pg)}
    out = runs[mode](recs)
    out.setdefault("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["chars"] = sum(len(r["text"]) for r in recs)
    print(json.dumps(out))


def _articles(recs: list[dict]) -> list:
    from eventwire.records import Article

    return [Article(id=f"{i:04d}-{r['id']}", text=r["text"], published=r.get("published"), language="fr")
            for i, r in enumerate(recs)]


def _half_pipe(texts: list[str]) -> int:
    from eventwire import Pipeline

    return sum(1 for _ in Pipeline().nlp("fr").pipe(texts))


def _run_spacy2(recs: list[dict]) -> dict:
    """Bare spaCy on 2 processes (fork after the model is loaded), each parsing half the texts."""
    import multiprocessing

    from eventwire import Pipeline

    t0 = time.perf_counter()
    Pipeline().nlp("fr")
    load = time.perf_counter() - t0
    texts = [r["text"] for r in recs]
    t0 = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        assert sum(pool.map(_half_pipe, [texts[0::2], texts[1::2]])) == len(texts)
    return {"load_s": load, "run_s": time.perf_counter() - t0}


def _cpu_s() -> float:
    """CPU seconds (user + system) of this process and of its ended, waited-for children so far."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _run_spacy1(recs: list[dict]) -> dict:
    """Bare spaCy in 1 process, with the same loader as ``spacy2`` (the reference of its 2-process gain)."""
    from eventwire import Pipeline

    t0 = time.perf_counter()
    nlp = Pipeline().nlp("fr")
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    assert sum(1 for _ in nlp.pipe(r["text"] for r in recs)) == len(recs)
    return {"load_s": load, "run_s": time.perf_counter() - t0}


def _run_cli(recs: list[dict], n: int) -> dict:
    """The whole ``eventwire ingest FILE --workers N`` process into a new SQLite store: start-up, model,
    gazetteer and lexicon loading, reading, the pool, the writes; timed from outside."""
    import sqlite3
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "in.jsonl", Path(tmp) / "out.db"
        with src.open("w", encoding="utf-8") as out:
            for art in _articles(recs):
                out.write(json.dumps({"id": art.id, "text": art.text, "published": art.published,
                                      "language": art.language}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", "ingest", str(src), "--db", str(db),
               "--workers", str(n)]
        t0, c0 = time.perf_counter(), _cpu_s()
        subprocess.run(cmd, check=True, capture_output=True)
        run, cpu = time.perf_counter() - t0, _cpu_s() - c0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest process of it
        conn = sqlite3.connect(db)
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        conn.close()
    return {"load_s": 0.0, "run_s": run, "events": events, "peak_rss_mb": peak, "cpu_s": cpu}


def _run_workers(recs: list[dict], n: int) -> dict:
    """eventwire's --workers N (a fork pool; models loaded in the parent first)."""
    from eventwire import Pipeline

    t0 = time.perf_counter()
    pipe = Pipeline()
    pipe.nlp("fr")
    pipe.process([_articles(recs[:1])[0]]).__next__()
    load = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu_s()
    events = sum(len(r.events) for r in pipe.process(_articles(recs), workers=n))
    return {"load_s": load, "run_s": time.perf_counter() - t0, "events": events, "cpu_s": _cpu_s() - c0}


def _run_ray2(recs: list[dict]) -> dict:
    """--engine ray: 2 actors on a local 2-CPU Ray, started and warmed before the clock."""
    from eventwire.config import load_config
    from eventwire.ray_engine import RayRunner

    t0 = time.perf_counter()
    with RayRunner(load_config(), actors=2) as runner:
        runner.pids()  # both actors built their pipeline
        load = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), _tree_cpu_s()
        events = sum(len(r.events) for batch in runner.results(_articles(recs)) for r in batch)
        run, cpu = time.perf_counter() - t0, _tree_cpu_s() - c0
        actor_rss = [_rss_mb(pid) for pid in runner.pids()]
    return {"load_s": load, "run_s": run, "events": events, "actor_rss_mb": actor_rss, "cpu_s": cpu}


def _tree_cpu_s() -> float:
    """CPU seconds (user + system) so far of this process and of all its live descendants (Linux /proc):
    with a local Ray, its daemons (GCS, raylet and the rest) and the actors, which the raylet starts."""
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parent[pid], ticks[pid] = int(fields[1]), int(fields[11]) + int(fields[12])
    tree, grew = {os.getpid()}, True
    while grew:
        new = {pid for pid, ppid in parent.items() if ppid in tree} - tree
        tree |= new
        grew = bool(new)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _run_store(recs: list[dict], pg: str) -> dict:
    """Write the same results into SQLite and PostgreSQL: events/s per article and per COPY batch size."""
    import tempfile
    import uuid

    from eventwire import Pipeline
    from eventwire.store import open_store

    results = list(Pipeline().process(_articles(recs)))
    events = sum(len(r.events) for r in results)
    out: dict = {"events": events, "articles": len(results), "rates": {}}

    def timed(label: str, target: str, batch: int) -> None:
        with open_store(target) as store:
            t0 = time.perf_counter()
            for i in range(0, len(results), batch):
                if batch == 1:
                    store.save_result(results[i])
                else:
                    store.save_results(results[i:i + batch])
            out["rates"][label] = time.perf_counter() - t0
            if batch == 200 and target.startswith("postgresql"):
                size = "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r' " \
                       "AND c.relnamespace = current_schema()::regnamespace"
                out["pg_bytes"] = int(store._conn.execute(size).fetchone()[0])  # type: ignore[attr-defined]

    with tempfile.TemporaryDirectory() as tmp:
        timed("SQLite, one transaction per article (local ingest)", f"{tmp}/a.db", 1)
        timed("SQLite, save_results in batches of 200", f"{tmp}/b.db", 200)
    try:
        import psycopg

        with psycopg.connect(pg, connect_timeout=3):
            pass
    except Exception as exc:  # noqa: BLE001 - reported, the rest of the bench stands
        out["pg_error"] = " ".join(str(exc).split())
        return out
    for batch in (1, 50, 200, 1000):
        schema = f"ew_bench_{uuid.uuid4().hex[:8]}"
        label = ("PostgreSQL, one transaction per article" if batch == 1
                 else f"PostgreSQL, COPY batches of {batch}")
        try:
            timed(label, f"{pg}?schema={schema}", batch)
        finally:
            with psycopg.connect(pg, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    return out


def _spawn(mode: str, shared: Path, n: int, *extra: str) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--shared", str(shared), "--n", str(n), *extra]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def _self_rss_mb() -> float:
    """Current resident set size (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _synthesise(shared: Path, n: int, path: Path) -> None:
    base = [json.loads(line) for line in (shared / "corpus" / "wikinews-fr.jsonl").read_text(encoding="utf-8")
            .splitlines() if not json.loads(line)["id"].endswith("-urls")]
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            r = dict(base[k % len(base)])
            copy = k // len(base)
            r["id"] = f"{r['id']}~{copy}"
            r["text"] = f"{r['text']}\n\nCopie {copy}."
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


def _long(shared: Path, marks: list[int]) -> int:
    import tempfile

    from eventwire import Pipeline
    from eventwire.batch import ingest
    from eventwire.ingest import read_inputs
    from eventwire.store import open_store

    total = max(marks)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "long.jsonl"
        _synthesise(shared, total, src)
        pipe = Pipeline()
        rows: list[tuple[int, float, float, float]] = []
        seen = [0]
        t0 = time.perf_counter()
        checkpoints = sorted({100, *marks, *range(1000, total + 1, 1000)})

        def progress(_result: object) -> None:
            seen[0] += 1
            if seen[0] in checkpoints:
                rows.append((seen[0], time.perf_counter() - t0, _self_rss_mb(), _peak_mb()))
                print(f"  {seen[0]:>6} articles  {rows[-1][1]:8.1f} s  RSS {rows[-1][2]:6.0f} MB  "
                      f"peak {rows[-1][3]:6.0f} MB", flush=True)

        print(f"ingest of {total:,} synthesised corpus articles into SQLite, 1 process:", flush=True)
        with open_store(Path(tmp) / "long.db") as store:
            stats = ingest(read_inputs([src], config=pipe.config), store, pipe, progress=progress)
            size = (Path(tmp) / "long.db").stat().st_size / 2**20
        print(f"  {stats.articles:,} articles, {stats.ok:,} ok, {stats.failed} failed, {stats.events:,} events; "
              f"store {size:.0f} MB")
        first, last = rows[0], rows[-1]
        print("  peak RSS: " + ", ".join(f"{n:,} articles {peak:.0f} MB" for n, _, _, peak in rows
                                            if n in marks)
              + f"; RSS growth from {first[0]:,} to {last[0]:,} articles: {last[2] - first[2]:+.0f} MB")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--child", choices=["spacy", "eventwire", "spacy1", "spacy2", "workers1", "workers2", "ray2",
                                          "cli1", "cli2", "store"])
    ap.add_argument("--scale", action="store_true", help="the scale measurements (docs/scale.md)")
    ap.add_argument("--pg", default="postgresql://root@127.0.0.1:5432/test",
                    help="with --scale: the PostgreSQL server for the store rates")
    ap.add_argument("--repeat", type=int, default=1, help="with --scale: runs per mode (the fastest is kept)")
    ap.add_argument("--modes", help="with --scale: only these modes, comma-separated (of "
                    + ", ".join(m for _, m in SCALE_MODES) + ", store), e.g. workers2,ray2")
    ap.add_argument("--long", metavar="N1,N2", help="peak RSS of one long ingest at these article counts")
    a = ap.parse_args()
    shared = Path(a.shared)
    if a.long:
        return _long(shared, [int(x) for x in a.long.split(",")])
    if a.child:
        _child(a.child, shared, a.n, a.pg)
        return 0
    if a.scale:
        only = a.modes.split(",") if a.modes else None
        unknown = set(only or ()) - {m for _, m in SCALE_MODES} - {"store"}
        if unknown:
            ap.error(f"--modes: unknown {', '.join(sorted(unknown))}")
        return _scale(shared, a.n, a.pg, a.repeat, only)
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


SCALE_MODES = [("bare spaCy, 1 process", "spacy1"), ("bare spaCy, 2 processes", "spacy2"),
               ("eventwire --workers 1", "workers1"), ("eventwire --workers 2", "workers2"),
               ("eventwire --engine ray, 2 actors", "ray2"),
               ("eventwire ingest --workers 1 (whole)", "cli1"), ("eventwire ingest --workers 2 (whole)", "cli2")]


def _scale(shared: Path, n: int, pg: str, repeat: int, only: list[str] | None = None) -> int:
    """The scale measurements; ``only``: these modes alone (``--modes workers2,ray2``; ``store`` for the
    store rates), each timed exactly as in the whole run."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    modes = [(name, mode) for name, mode in SCALE_MODES if only is None or mode in only]
    runs: dict[str, dict] = {}
    every: dict[str, list[float]] = {}
    for _ in range(repeat):   # modes alternated, the fastest run of each kept: the machine is shared
        for _, mode in modes:
            r = _spawn(mode, shared, n)
            every.setdefault(mode, []).append(round(r["run_s"], 2))
            if mode not in runs or r["run_s"] < runs[mode]["run_s"]:
                runs[mode] = r
    if modes:
        chars = runs[modes[0][1]]["chars"]
        print(f"{n} French Wikinews articles ({chars:,} characters), fr_core_news_md, 2 CPUs, same run")
    for name, mode in modes:
        r = runs[mode]
        load = "load timed" if mode.startswith("cli") else f"load {r['load_s']:.1f} s, not timed"
        print(f"  {name:37s} {r['run_s']:7.2f} s  {n / r['run_s']:6.1f} articles/s  "
              f"({n / r['run_s'] / (1 if mode.endswith('1') else 2):5.1f} per core)  "
              f"peak RSS {r['peak_rss_mb']:5.0f} MB  ({load})" + (f"  runs: {every[mode]}" if repeat > 1 else ""))
    t = {m: runs[m]["run_s"] for _, m in modes}
    ratios = []
    if {"workers1", "workers2"} <= t.keys():
        ratios.append(f"--workers 2 / --workers 1: {t['workers1'] / t['workers2']:.2f}x")
    if {"spacy1", "spacy2"} <= t.keys():
        ratios.append(f"bare spaCy 2 processes / 1 process: {t['spacy1'] / t['spacy2']:.2f}x")
    if {"cli1", "cli2"} <= t.keys():
        ratios.append(f"whole eventwire ingest --workers 2 / 1: {t['cli1'] / t['cli2']:.2f}x")
    if {"workers1", "ray2"} <= t.keys():
        ratios.append(f"ray 2 actors / --workers 1: {t['workers1'] / t['ray2']:.2f}x")
    if ratios:
        print("  " + "   ".join(ratios))
    cpu = {m: runs[m]["cpu_s"] for m in ("workers1", "workers2", "ray2", "cli1", "cli2") if m in t}
    if cpu:
        print("  CPU seconds (user + system, all processes): "
              + ", ".join(f"{m} {c:.1f}" for m, c in cpu.items()) + " (equal when no work is done twice)")
    if {"workers2", "ray2"} <= t.keys():
        print(f"  overhead of Ray over --workers 2: {100 * (t['ray2'] / t['workers2'] - 1):+.1f}%")
    if {"workers2", "spacy2"} <= t.keys():
        print(f"  eventwire --workers 2 / bare spaCy on 2 processes: {t['workers2'] / t['spacy2']:.2f}x")
    counted = {m: runs[m]["events"] for m in ("workers1", "workers2", "ray2", "cli1", "cli2") if m in t}
    if counted:
        print("  events: " + ", ".join(f"{m} {e}" for m, e in counted.items()) + " (must be equal)")
    if "ray2" in t:
        rss = runs["ray2"]["actor_rss_mb"]
        print(f"  memory per Ray actor (RSS after the run): {', '.join(f'{m:.0f} MB' for m in rss)}")
    if only is not None and "store" not in only:
        return 0
    st = _spawn("store", shared, n, "--pg", pg)
    print(f"store writes: {st['articles']} articles, {st['events']} events (results computed before the clock)")
    for label, secs in st["rates"].items():
        print(f"  {label:52s} {secs:6.2f} s  {st['events'] / secs:8.0f} events/s")
    if "pg_bytes" in st:
        print(f"  PostgreSQL size: {st['pg_bytes'] / st['articles'] / 1024:.1f} KiB per article "
              f"(tables and indexes, text included)")
    if "pg_error" in st:
        print(f"  PostgreSQL not measured: {st['pg_error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
