#!/usr/bin/env python3
"""The French judge scored out of fold: how it codes the `dev` tune half (and, with ``--wikinews``, the
training Wikinews articles) when it has not seen them.

Usage: python eval/judge_oof.py [--shared ../shared] [--folds 4] [--wikinews] [--weights 1,2]

The French judge trains on ``train/fr`` and on the `dev` tune half (``make train``), so the tune half's
figure in ``make eval`` is in-sample. Here the candidates of the training set are collected once (as
``make train`` does); then, for each fold of the held articles (by article id), the judge and the
context-source model are refitted without that fold, at the shipped judge's strength (C) and thresholds,
and the pipeline codes the fold's articles with the judge that did not see them; the shared scorer scores
all the folds' predictions together. ``--weights``: count the tune half's other articles that many times
in each fold's training (what a heavier weight on the outlet's own style would give, measured where it
should be: out of fold). Reports; never fails on a low score.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    from eventwire.coding import train as T
    from eventwire.coding.judge import Judge, load_judge, model_path
    from eventwire.config import load_config
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--train", default=str(ROOT / "train"))
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--wikinews", action="store_true", help="hold out the training Wikinews articles too")
    ap.add_argument("--weights", default="1", help="comma-separated counts of the tune half in training")
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"cannot find {shared}/eval/score.py; pass --shared")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)

    shipped = json.loads(model_path("fr").read_text(encoding="utf-8"))
    c = float(shipped["meta"]["C"])
    bars = load_judge(model_path("fr"))
    docs = T.training_docs(Path(a.train), shared, "fr")
    records = T.collect(docs, "fr")
    rows, _ = T.label(records, docs)
    contexts = T.context_rows(records, rows)
    crow = [x for xs in contexts.values() for x in xs]
    tune = [d.gold for d in docs if not d.origin.startswith("train/")]
    wiki = [d.gold for d in docs if d.origin.startswith("train/") and d.gold["article_id"].startswith("wikinews-")]
    held = tune + (wiki if a.wikinews else [])
    tune_ids = {g["article_id"] for g in tune}
    fold = {g["article_id"]: T.bucket_of(g["article_id"], a.folds) for g in held}
    pipe = Pipeline(load_config(overrides={"languages": ["fr"]}))
    for w in (int(x) for x in a.weights.split(",")):
        preds: list[dict] = []
        for k in range(a.folds):
            keep = [r for r in rows if fold.get(r["article_id"]) != k]
            keep += [r for r in keep if r["article_id"] in tune_ids] * (w - 1)
            vec, model = T._final([r["features"] for r in keep], [T.judge_label(r) for r in keep], c, T.SEED)
            ckeep = [x for x in crow if fold.get(x["article_id"]) != k]
            ckeep += [x for x in ckeep if x["article_id"] in tune_ids] * (w - 1)
            svec, smodel = T._final([x["features"] for x in ckeep], [x["y"] for x in ckeep], 1.0, T.SEED)
            pipe.resources.put("coding-judge-fr", Judge(
                weights=T._weights(vec, model), bias=float(model.intercept_[0]), threshold=bars.threshold,
                null_threshold=bars.null_threshold, source_weights=T._weights(svec, smodel),
                source_bias=float(smodel.intercept_[0]), source_threshold=bars.source_threshold))
            group = [g for g in held if fold[g["article_id"]] == k]
            arts = [Article(id=g["article_id"], text=g["text"], language="fr", published=g.get("published"),
                            title=g.get("title")) for g in group]
            preds += [e.to_dict() for res in pipe.process(arts) for e in res.events]
        for name, golds in (("dev tune half", tune), ("training Wikinews", wiki if a.wikinews else [])):
            if golds:
                res = scorer.score(golds, preds)
                print(f"weight {w}: {name}, {len(golds)} articles out of fold: type F1 {res['type']['f1']}, "
                      f"type+source F1 {res['source']['f1']} (P {res['source']['precision']}, "
                      f"R {res['source']['recall']})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
