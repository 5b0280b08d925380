"""``make train``: learn the judge (:mod:`.judge`) from annotated articles, reproducibly.

    python -m eventwire.coding.train [--train train] [--shared ../shared] [--lang fr,en] [--out DIR]

Training data, per language (never a check half of an evaluation set):

- ``train/<lang>/**/*.json``: gold files (``GUIDELINE.md`` format) written by independent annotators
  (French Wikinews articles in no dev set) or by hand (English sentences per type and mode);
- the *tune* halves (``eval/split.py``) of the shared dev sets of that language: ``dev`` (French),
  ``dev-en``, ``dev-en-muc4`` (ASSAULT only) and ``plover-gsr-en`` (one annotated event per sentence).

The coder runs over every article with a collecting judge that keeps and records every candidate
(its features, type and trigger span). A candidate is a positive when a gold event of its type has a
trigger overlapping its own, a negative when none has (in sets that annotate only some types or one
event per sentence, only candidates of an annotated type count); negated and hypothetical candidates
are left out (they are flags, not events), and so are those of a headline repeated at the top of the
text (annotators place triggers in the body; the merge stage folds a headline into its body event).
A logistic regression (scikit-learn, liblinear, fixed seed) is fitted; its regularisation and the
probability threshold are chosen by article-grouped cross-validation on the training data,
maximising event-level F1 (type F1 and, counted twice, type-and-source F1: a researcher needs who
did it). A second model ranks the actors of the article as the source of an event whose clause names
none (:mod:`.context_source`); its positives are the gold sources. The weights go to
``src/eventwire/data/lang/<lang>/judge.json``."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..languages import shipped
from .judge import MODEL_FORMAT, Judge, load_judge, model_path

ROOT = Path(__file__).resolve().parents[3]
SEED = 0
C_GRID = (0.1, 0.3, 1.0, 3.0)
PLATEAU = 0.005  # objective difference within which event thresholds count as one flat run
TARGET_PRECISION = 0.65  # an inferred target must be right two times in three, out of fold
SOURCE_WEIGHT = 4.0  # type+source F1 counts four times in the objective: a researcher needs who did it
THRESHOLDS = tuple(round(0.05 + 0.05 * i, 2) for i in range(16))  # 0.05 .. 0.80
SETS = {  # shared dev set -> (language, annotated types or None for all, every event annotated?, triggers in text?)
    "dev": ("fr", None, True, True),
    "dev-en": ("en", None, True, True),
    "dev-en-muc4": ("en", {"ASSAULT"}, True, False),  # answer keys: incident labels, not the text's words
    "plover-gsr-en": ("en", None, False, True),
}


@dataclass
class Doc:
    gold: dict[str, Any]
    scope: set[str] | None  # the types annotated (None: all)
    complete: bool          # every event of an annotated type is annotated
    origin: str
    triggers: bool = True   # gold triggers are the text's words (else candidates are matched by their actors)


STOP = shipped().union("coding", "name_stopwords")  # as the shared scorer's actor-name match


def _norm(s: str | None) -> str:
    import re
    import unicodedata

    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return " ".join(w for w in re.split(r"[^a-z0-9]+", s) if w and w not in STOP)


def names_match(pred: dict[str, Any] | None, gold: dict[str, Any] | None) -> bool:
    """The guideline's actor match (as the shared scorer reads it): a gold null accepts anything only
    for targets; here a null gold source is matched by a null predicted source."""
    from difflib import SequenceMatcher

    if gold is None:
        return pred is None
    if not pred:
        return False
    mine = {_norm(pred.get("name")), _norm(pred.get("text"))} - {""}
    theirs = {_norm(n) for n in gold.get("names", [])} - {""}
    for a in mine:
        for b in theirs:
            if a == b or SequenceMatcher(None, a, b).ratio() >= 0.85:
                return True
            if min(len(a), len(b)) >= 5 and (f" {a} " in f" {b} " or f" {b} " in f" {a} "):
                return True
    return False


def bucket_of(name: str, n: int) -> int:
    """A fixed bucket in ``range(n)`` for an article id (a hash of it): the same whatever else is in the data."""
    import hashlib

    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % n


def half(article_id: str) -> str:
    """The fixed tune/check split of every gold set, by article id (``eval/split.py`` uses it too)."""
    return "tune" if bucket_of(article_id, 2) == 0 else "check"


CALIBRATE = {"fr": ("dev",)}  # sets whose tune half sets the thresholds



def training_docs(train_dir: Path, shared: Path | None, lang: str) -> list[Doc]:
    docs: list[Doc] = []
    for f in sorted((train_dir / lang).rglob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(g, dict) and "events" in g and g.get("lang", lang) == lang:
            docs.append(Doc(g, None, True, f"train/{lang}"))
    if shared is not None:
        for name, (set_lang, scope, complete, triggers) in SETS.items():
            folder = shared / "eval" / name
            if set_lang != lang or not folder.is_dir():
                continue
            for f in sorted(folder.glob("*.json")):
                g = json.loads(f.read_text(encoding="utf-8"))
                if half(g["article_id"]) == "tune":
                    docs.append(Doc(g, scope, complete, f"{name} (tune half)", triggers))
    return docs


def gold_spans(text: str, event: dict[str, Any]) -> list[tuple[int, int]]:
    trig = event.get("trigger") or ""
    start = event.get("trigger_start")
    if isinstance(start, int) and text[start:start + len(trig)] == trig:
        return [(start, start + len(trig))]
    for probe in [trig] + sorted((w for w in trig.split() if len(w) >= 4), key=len, reverse=True)[:1]:
        spans, i = [], text.find(probe)
        while probe and i >= 0:
            spans.append((i, i + len(probe)))
            i = text.find(probe, i + 1)
        if spans:
            return spans
    return []


def collect(docs: list[Doc], lang: str) -> list[dict[str, Any]]:
    """Every candidate the coder finds in the documents, with its features."""
    from ..config import load_config
    from ..pipeline import Pipeline
    from ..records import Article

    stages = ["actors", "quotes", "coder", "counterparts"]  # counterparts: the context targets' candidates
    pipe = Pipeline(load_config(overrides={"languages": [lang], "stages": stages}))
    judge = Judge(collect=[])
    pipe.resources.put(f"coding-judge-{lang}", judge)
    arts = [Article(id=d.gold["article_id"], text=d.gold["text"], language=lang,
                    published=d.gold.get("published"), title=d.gold.get("title")) for d in docs]
    for res in pipe.process(arts):
        if res.error:
            print(f"  skipped {res.error.article_id}: [{res.error.code}] {res.error.message}", file=sys.stderr)
    return judge.collect or []


def label(records: list[dict[str, Any]], docs: list[Doc]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Records with ``y`` (1/0) and ``gold`` (the ids of the gold events they find); the number of gold
    events in scope per article (for event-level F1)."""
    by_id = {d.gold["article_id"]: d for d in docs}
    spans: dict[str, list[tuple[int, dict[str, Any], list[tuple[int, int]]]]] = {}
    n_gold: dict[str, int] = {}
    for aid, d in by_id.items():
        evs = [e for e in d.gold["events"] if d.scope is None or e["type"] in d.scope]
        spans[aid] = [(i, e, gold_spans(d.gold["text"], e)) for i, e in enumerate(evs)]
        n_gold[aid] = sum(1 for e in evs if not e.get("optional"))
    out = []
    for r in records:
        if "context_for" in r or "target_for" in r:
            continue
        found = by_id.get(r["article_id"])
        if found is None or r["negated"] or r["hypothetical"] or r.get("title"):
            continue  # a headline restates a body event: the merge stage, not the judge, decides it
        d = found
        a, b = r["span"]
        if not d.triggers:  # answer keys: the candidate finds an incident when it names its actors
            hits = [(i, e) for i, e, _ in spans[r["article_id"]] if e["type"] == r["type"] and (
                (e.get("source") and names_match(r.get("source"), e["source"]))
                or (e.get("target") and names_match(r.get("target"), e["target"])))]
            if not hits and n_gold[r["article_id"]]:
                continue  # an article with incidents: a candidate naming none of their actors is unknown
        else:
            hits = [(i, e) for i, e, ss in spans[r["article_id"]] if e["type"] == r["type"]
                    and any(x < b and a < y for x, y in ss)]
        if hits:
            firm = [i for i, e in hits if not e.get("optional")]
            if firm:
                sources = {f"{r['article_id']}#{i}": e.get("source") for i, e in hits if not e.get("optional")}
                targets = {f"{r['article_id']}#{i}": e.get("target") for i, e in hits if not e.get("optional")}
                out.append({**r, "y": 1, "gold": [f"{r['article_id']}#{i}" for i in firm], "gold_sources": sources,
                            "gold_targets": targets,
                            "src_ok": [g for g, src in sources.items() if names_match(r.get("source"), src)]})
            continue  # an optional event: neither rewarded nor penalised
        if d.scope is not None and r["type"] not in d.scope:
            continue
        if not d.complete:
            continue  # one event annotated per sentence: another candidate may be another event, or the same one
        out.append({**r, "y": 0, "gold": [], "gold_sources": {}, "src_ok": []})
    return out, n_gold


def context_rows(records: list[dict[str, Any]], rows: list[dict[str, Any]]) -> dict[tuple[Any, ...], list[dict]]:
    """The context source candidates of each sourceless labelled event, with ``y``: the actor is the
    gold source of a gold event the candidate finds."""
    by_key = {(r["article_id"], tuple(r["span"]), r["type"]): r for r in rows if r.get("source") is None}
    out: dict[tuple[Any, ...], list[dict]] = {}
    for c in records:
        if "context_for" not in c:
            continue
        aid, span, etype = c["context_for"]
        key = (aid, tuple(span), etype)
        ev = by_key.get(key)
        if ev is None:
            continue
        ok = [g for g, src in ev["gold_sources"].items() if src is not None and names_match(c["actor"], src)]
        out.setdefault(key, []).append({**c, "article_id": aid, "y": int(bool(ok)), "src_ok": ok})
    return out


def _matrix(vec: Any, feats: list[list[str]], fit: bool = False) -> Any:
    import numpy as np

    data = [{f: 1 for f in fs} for fs in feats]
    X = (vec.fit_transform(data) if fit else vec.transform(data)).tocsr()
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)  # liblinear wants 32-bit
    return X


def group_folds(groups: list[str]) -> list[tuple[Any, Any]]:
    """The article-grouped cross-validation folds (train and test indices): every article in one test fold,
    chosen by a hash of its id, so that an article keeps its fold whatever the other articles' candidates
    (balancing the folds by size, as scikit-learn's GroupKFold does, moved most articles to another fold
    when a lexicon entry added a few candidates, and the strength the one-standard-error rule chose with
    them)."""
    import numpy as np

    names = sorted(set(groups))
    n = min(5, len(names))
    fold = {g: bucket_of(g, n) for g in names}
    ks = np.array([fold[g] for g in groups])
    out = [(np.flatnonzero(ks != k), np.flatnonzero(ks == k)) for k in range(n)]
    return [(tr, te) for tr, te in out if len(te)]


def _cv_probs(feats: list[list[str]], y: list[int], groups: list[str], c: float, seed: int,
              folds: list[tuple[Any, Any]] | None = None) -> list[float]:
    """Out-of-fold probabilities at strength ``c`` (``folds``: ``group_folds(groups)``, when known)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    probs = np.full(len(y), 0.0)
    ya = np.array(y)
    if len(set(y)) < 2:
        return [float(y[0]) if y else 0.0] * len(y)
    for tr, te in folds if folds is not None else group_folds(groups):
        if len(set(ya[tr])) < 2:
            probs[te] = ya[tr].mean()
            continue
        vec = DictVectorizer()
        Xtr = _matrix(vec, [feats[i] for i in tr], fit=True)
        model = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=1000).fit(Xtr, ya[tr])
        probs[te] = model.predict_proba(_matrix(vec, [feats[i] for i in te]))[:, 1]
    return [float(p) for p in probs]


def _final(feats: list[list[str]], y: list[int], c: float, seed: int) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = _matrix(vec, feats, fit=True)
    return vec, LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=1000).fit(X, y)


def ranked(rows: list[dict[str, Any]], p: list[float],
           ctx: list[tuple[float, list[str]] | None]) -> list[tuple[Any, ...]]:
    """The rows as ``objective`` reads them, best first (the scorer pairs one to one: best first): what
    each decision rule of one strength's probabilities shares, computed once."""
    order = sorted(range(len(rows)), key=lambda k: -p[k])
    return [(p[i], rows[i].get("source") is None, ctx[i], rows[i]["src_ok"], rows[i]["gold"] if rows[i]["y"] else ())
            for i in order]


def objective(rows: list[dict[str, Any]], p: list[float], ctx: list[tuple[float, list[str]] | None], t: float,
              t_null: float, t_src: float, n_gold: int,
              best_first: list[tuple[Any, ...]] | None = None) -> tuple[float, float, float]:
    """Event-level (type F1 + 2 x type-and-source F1) / 3 of a decision rule, as the scorer counts them
    (pairs are one to one: a second prediction of a gold event already found is a false positive, as is a
    kept negative; an event of the right type with the wrong source is a false positive at the source level).
    ``best_first``: ``ranked(rows, p, ctx)``, when known."""
    typed: set[str] = set()
    sourced: set[str] = set()
    fp_t = fp_s = 0
    low = min(t, t_null)
    for pr, sourceless, cx, ok, gold in best_first if best_first is not None else ranked(rows, p, ctx):
        if pr < low:
            break  # best first: nothing below can be kept
        if sourceless:
            if cx is not None and cx[0] >= t_src:
                keep, ok = pr >= t, cx[1]
            else:
                keep = pr >= t_null
        else:
            keep = pr >= t
        if not keep:
            continue
        new_t = [g for g in gold if g not in typed]
        if new_t:
            typed.add(new_t[0])
        else:
            fp_t += 1  # a negative, or a second prediction of a gold event already found
        new_s = [g for g in ok if g not in sourced]
        if new_s:
            sourced.add(new_s[0])
        else:
            fp_s += 1
    f_t = 2 * len(typed) / (len(typed) + fp_t + n_gold) if n_gold else 0.0
    f_s = 2 * len(sourced) / (len(sourced) + fp_s + n_gold) if n_gold else 0.0
    return (f_t + SOURCE_WEIGHT * f_s) / (1 + SOURCE_WEIGHT), f_t, f_s


def fold_error(rows: list[dict[str, Any]], p: list[float], ctx: list[tuple[float, list[str]] | None],
               rule: tuple[float, float, float], n_gold: dict[str, int],
               folds: list[tuple[Any, Any]] | None = None) -> float:
    """The standard error of a decision rule's objective over the article-grouped folds (``folds``, those
    ``p`` was predicted on; by default ``group_folds`` of the rows' articles): how much the objective moves
    with the articles it is measured on (the one-standard-error rule's yardstick)."""
    import numpy as np

    per_fold = []
    for _, te in folds if folds is not None else group_folds([r["article_id"] for r in rows]):
        sub = [int(i) for i in te]
        arts = {rows[i]["article_id"] for i in sub}
        n = sum(n_gold.get(a, 0) for a in arts)
        per_fold.append(objective([rows[i] for i in sub], [p[i] for i in sub], [ctx[i] for i in sub], *rule, n)[0])
    return float(np.std(per_fold, ddof=1) / np.sqrt(len(per_fold))) if len(per_fold) > 1 else 0.0


def one_se_choice(per_c: dict[float, tuple[Any, ...]], errors: dict[float, float]) -> tuple[Any, ...]:
    """The most regularised C (the grid runs from strong to weak) whose objective is within one standard
    error of the best: a difference the folds' own spread can make is no reason to fit harder."""
    best = max(per_c, key=lambda c: per_c[c][0])
    return next(per_c[c] for c in sorted(per_c) if per_c[c][0] >= per_c[best][0] - errors[best])


def plateau_middle(by_t: dict[float, tuple[Any, ...]]) -> tuple[Any, ...]:
    """Of the event thresholds, each with its objective first and its best other thresholds, the one in the
    middle of the run around the best whose objective stays within PLATEAU of it. Where the objective is
    flat, its arg max moves with any change to the coder or the data (0.15 one week, 0.25 the next, for
    the same judge); the middle of the flat run does not. Of two middles (a run of even length), the one
    with the higher objective."""
    ts = sorted(by_t)
    top = max(by_t[t][0] for t in ts)
    i = next(k for k, t in enumerate(ts) if by_t[t][0] == top)
    lo = hi = i
    while lo > 0 and by_t[ts[lo - 1]][0] >= top - PLATEAU:
        lo -= 1
    while hi < len(ts) - 1 and by_t[ts[hi + 1]][0] >= top - PLATEAU:
        hi += 1
    # a run of even length has two middles: the better of them (a floor would always lean to the lower)
    middles = {ts[(lo + hi) // 2], ts[(lo + hi + 1) // 2]}
    return max((by_t[t] for t in sorted(middles)), key=lambda v: v[0])


def judge_label(r: dict[str, Any]) -> int:
    """What the judge learns: an event a researcher can use. A candidate whose clause names a source is a
    positive when its type and its source are right; a sourceless one when its type is right (its source
    comes from the context model or stays null)."""
    if r.get("source") is not None:
        return int(bool(r["y"] and r["src_ok"]))
    return int(r["y"])


def target_rows(records: list[dict[str, Any]], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The context target candidates of each labelled event (a gold event) whose rules found no target,
    with ``y``: the actor is the target of a gold event the candidate finds (an event whose gold target is
    null has only negatives: the model learns to leave a slot empty)."""
    by_key = {(r["article_id"], tuple(r["span"]), r["type"]): r for r in rows if r["y"] == 1}
    out = []
    for c in records:
        if "target_for" not in c:
            continue
        aid, span, etype = c["target_for"]
        ev = by_key.get((aid, tuple(span), etype))
        if ev is None:
            continue
        ok = any(t is not None and names_match(c["actor"], t) for t in ev.get("gold_targets", {}).values())
        out.append({**c, "article_id": aid, "y": int(ok)})
    return out


def fit_targets(trows: list[dict[str, Any]], seed: int = SEED) -> dict[str, Any]:
    """The context target model (C=1, like the source model) and its threshold: the lowest at which,
    out of fold (by article), the inferred targets are right at least ``TARGET_PRECISION`` of the time (an
    inferred target of an event whose gold has none counts as wrong), so a target is inferred only when it
    is likely; none when no threshold reaches it."""
    if len({x["y"] for x in trows}) < 2:
        return {"tvec": None, "tmodel": None, "target_threshold": 1.01, "target_rows": len(trows),
                "target_positives": sum(x["y"] for x in trows)}
    qs = _cv_probs([x["features"] for x in trows], [x["y"] for x in trows], [x["article_id"] for x in trows],
                   1.0, seed)
    best: dict[tuple[Any, ...], tuple[float, int]] = {}
    reachable: set[tuple[Any, ...]] = set()
    for x, q in zip(trows, qs, strict=True):
        key = (x["article_id"], tuple(x["target_for"][1]), x["target_for"][2])
        if x["y"]:
            reachable.add(key)
        if key not in best or q > best[key][0]:
            best[key] = (q, x["y"])
    scores, precision = {}, {}
    for t in THRESHOLDS:
        tp = sum(1 for q, y in best.values() if q >= t and y)
        fp = sum(1 for q, y in best.values() if q >= t and not y)
        fn = len(reachable) - tp
        scores[t] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        precision[t] = tp / (tp + fp) if tp else 0.0
    t = next((k for k in THRESHOLDS if precision[k] >= TARGET_PRECISION), 1.01)
    tvec, tmodel = _final([x["features"] for x in trows], [x["y"] for x in trows], 1.0, seed)
    return {"tvec": tvec, "tmodel": tmodel, "target_threshold": t, "target_rows": len(trows),
            "target_positives": sum(x["y"] for x in trows), "target_cv_f1": round(scores.get(t, 0.0), 3),
            "target_cv_precision": round(precision.get(t, 0.0), 3)}


def fit(rows: list[dict[str, Any]], contexts: dict[tuple[Any, ...], list[dict]], n_gold: dict[str, int],
        seed: int = SEED) -> dict[str, Any]:
    """Both models, their regularisation and the three thresholds, by article-grouped cross-validation."""
    total = sum(n_gold.values())
    crow = [x for xs in contexts.values() for x in xs]
    qs = _cv_probs([c["features"] for c in crow], [c["y"] for c in crow], [c["article_id"] for c in crow], 1.0,
                   seed) if crow else []
    best_ctx: dict[tuple[Any, ...], tuple[float, list[str]]] = {}
    for x, q in zip(crow, qs, strict=True):
        key = (x["context_for"][0], tuple(x["context_for"][1]), x["context_for"][2])
        if key not in best_ctx or q > best_ctx[key][0]:
            best_ctx[key] = (q, x["src_ok"])
    ctx = [best_ctx.get((r["article_id"], tuple(r["span"]), r["type"])) for r in rows]
    per_c: dict[float, tuple[Any, ...]] = {}
    errors: dict[float, float] = {}
    feats, labels = [r["features"] for r in rows], [judge_label(r) for r in rows]
    groups = [r["article_id"] for r in rows]
    folds = group_folds(groups)  # the same folds for every strength and for its error
    for c in C_GRID:
        p = _cv_probs(feats, labels, groups, c, seed, folds)
        best_first = ranked(rows, p, ctx)
        by_t: dict[float, tuple[Any, ...]] = {}
        for t in THRESHOLDS:
            best: tuple[Any, ...] = (-1.0,)
            for t_null in THRESHOLDS + (1.01,):
                for t_src in THRESHOLDS + (1.01,):
                    score = objective(rows, p, ctx, t, t_null, t_src, total, best_first)
                    if score[0] > best[0] + 1e-9:
                        best = (*score, c, t, t_null, t_src)
            by_t[t] = best
        per_c[c] = plateau_middle(by_t)
        errors[c] = fold_error(rows, p, ctx, per_c[c][4:7], n_gold, folds)
    chosen = one_se_choice(per_c, errors)
    top_c = max(per_c, key=lambda k: per_c[k][0])
    fitted = at_strength(rows, crow, per_c, chosen[3], seed)
    fitted["cv"]["by_C"] = {str(k): [round(v[0], 3), round(errors[k], 3)] for k, v in per_c.items()}
    # the strengths from the one-SE choice to the best: what calibration on the whole pipeline may choose among
    fitted["candidates"] = [k for k in sorted(per_c) if chosen[3] <= k <= top_c]
    fitted["per_c"] = per_c
    return fitted


def at_strength(rows: list[dict[str, Any]], crow: list[dict[str, Any]], per_c: dict[float, tuple[Any, ...]],
                c: float, seed: int = SEED) -> dict[str, Any]:
    """The judge fitted on every candidate at strength ``c``, with that strength's cross-validated
    thresholds (``per_c[c]``), and the context-source model."""
    f, f_t, f_s, _, t, t_null, t_src = per_c[c]
    vec, model = _final([r["features"] for r in rows], [judge_label(r) for r in rows], c, seed)
    svec = smodel = None
    if crow and len({x["y"] for x in crow}) == 2:
        svec, smodel = _final([x["features"] for x in crow], [x["y"] for x in crow], 1.0, seed)
    return {"vec": vec, "model": model, "C": c, "threshold": t, "null_threshold": t_null, "svec": svec,
            "smodel": smodel, "source_threshold": t_src if smodel is not None else 1.01,
            "cv": {"objective": round(f, 3), "type_f1": round(f_t, 3), "source_f1": round(f_s, 3)},
            "context_rows": len(crow), "context_positives": sum(x["y"] for x in crow)}


def calibrate(lang: str, shared: Path, judge: Judge, sets: tuple[str, ...],
              folds: Sequence[tuple[list[dict[str, Any]], Judge]] = ()) -> dict[str, Any] | None:
    """The two event thresholds that maximise (type F1 + 2 x type+source F1) / 3 on the tune halves of
    ``sets``, scored by the shared scorer itself on the whole pipeline's output (merge and counterparts
    included): the pipeline runs once with every candidate the model scores, then each pair of
    thresholds filters its events. ``folds``: more articles of the same style (the training Wikinews
    articles), each group with the judge fitted without it, so that they are scored out of fold."""
    import importlib.util

    from ..config import load_config
    from ..pipeline import Pipeline
    from ..records import Article

    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        return None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    golds = []
    for name in sets:
        for path in sorted((shared / "eval" / name).glob("*.json")):
            g = json.loads(path.read_text(encoding="utf-8"))
            if half(g["article_id"]) == "tune":
                golds.append(g)
    if not golds:
        return None
    low = min(THRESHOLDS)
    pipe = Pipeline(load_config(overrides={"languages": [lang]}))  # the coder asks for its judge per article

    def probed(group: list[dict[str, Any]], model: Judge) -> list[dict[str, Any]]:
        probe = Judge(weights=model.weights, bias=model.bias, threshold=low, null_threshold=low,
                      source_weights=model.source_weights, source_bias=model.source_bias, source_threshold=low)
        pipe.resources.put(f"coding-judge-{lang}", probe)
        arts = [Article(id=g["article_id"], text=g["text"], language=lang, published=g.get("published"),
                        title=g.get("title")) for g in group]
        return [e.to_dict() for res in pipe.process(arts) for e in res.events]

    preds = probed(golds, judge)
    for group, model in folds:
        preds += probed(group, model)
        golds += group
    for i, e in enumerate(preds):  # the context model's score of an inferred source, to try each source threshold
        found = re.search(r"context score ([0-9.]+)", e.get("explanation") or "")
        e["_context"] = float(found.group(1)) if found and (e["source"] or {}).get("inferred") == "context" else None
        e["_i"] = i  # with whether it keeps its source, what a pairing's memo knows a prediction by
    by_t: dict[float, tuple[Any, ...]] = {t: (-1.0,) for t in THRESHOLDS}
    memo: dict[tuple[Any, ...], tuple[int, int, int]] = {}
    for t_src in THRESHOLDS + (1.01,):
        seen = [e if e["_context"] is None or e["_context"] >= t_src else {**e, "source": None} for e in preds]
        for t in THRESHOLDS:
            for t_null in THRESHOLDS + (1.01,):
                kept = [e for e in seen if e["confidence"] >= (t if e["source"] else t_null)]
                f_type, f_source = _two_f1(scorer, golds, kept, memo)
                f = (f_type + SOURCE_WEIGHT * f_source) / (1 + SOURCE_WEIGHT)
                if f > by_t[t][0] + 1e-9:
                    by_t[t] = (f, t, t_null, f_type, f_source, t_src)
    f, t, t_null, f_t, f_s, t_src = plateau_middle(by_t)
    return {"threshold": t, "null_threshold": t_null, "source_threshold": t_src,
            "on": [f"{n} (tune half)" for n in sets] + (["training articles, out of fold"] if folds else []),
            "articles": len(golds), "objective": round(f, 3), "type_f1": f_t, "source_f1": f_s}


OOF_FOLDS = 5
OOF_PREFIX = {"fr": ("wikinews-", "fr-write-")}  # the training articles scored out of fold in calibration


def fold_judges(lang: str, docs: list[Doc], rows: list[dict[str, Any]],
                contexts: dict[tuple[Any, ...], list[dict]], fitted: dict[str, Any],
                seed: int = SEED) -> list[tuple[list[dict[str, Any]], Judge]]:
    """The training articles in the calibration set's style, in ``OOF_FOLDS`` groups (by article id), each
    with the judge fitted, at the chosen strength, on every other training article: what the thresholds
    are tuned on besides the tune half, scored as a new article would be."""
    prefix = OOF_PREFIX.get(lang)
    if not prefix:
        return []
    style = [d.gold for d in docs if d.origin.startswith("train/") and d.gold["article_id"].startswith(prefix)]
    fold = {g["article_id"]: bucket_of(g["article_id"], OOF_FOLDS) for g in style}
    crow = [x for xs in contexts.values() for x in xs]
    out: list[tuple[list[dict[str, Any]], Judge]] = []
    for k in range(OOF_FOLDS):
        group = [g for g in style if fold[g["article_id"]] == k]
        keep = [r for r in rows if fold.get(r["article_id"]) != k]
        if not group or len({judge_label(r) for r in keep}) < 2:
            continue
        vec, model = _final([r["features"] for r in keep], [judge_label(r) for r in keep], fitted["C"], seed)
        sw: dict[str, float] = {}
        sb = 0.0
        ckeep = [x for x in crow if fold.get(x["article_id"]) != k]
        if fitted["smodel"] is not None and len({x["y"] for x in ckeep}) == 2:
            svec, smodel = _final([x["features"] for x in ckeep], [x["y"] for x in ckeep], 1.0, seed)
            sw, sb = _weights(svec, smodel), float(smodel.intercept_[0])
        out.append((group, Judge(weights=_weights(vec, model), bias=float(model.intercept_[0]),
                                 source_weights=sw, source_bias=sb)))
    return out


def _two_f1(scorer: Any, golds: list[dict[str, Any]], preds: list[dict[str, Any]],
            memo: dict[tuple[Any, ...], tuple[int, int, int]]) -> tuple[float, float]:
    """The shared scorer's type F1 and type+source F1 (strict), from its own pairing, without the
    other levels ``score`` also computes (calibration asks for them thousands of times). ``memo``: the
    pairings already made, by article and the predictions it was given (each known by its index ``_i``
    and, at the source level, whether it has a source): most threshold pairs leave most articles'
    predictions as they were."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for p in preds:
        if not (p.get("negated") or p.get("hypothetical")):
            by_article.setdefault(str(p.get("article_id")), []).append(p)
    out = []
    for level in ("type", "source"):
        tp = fp = fn = 0
        for k, g in enumerate(golds):
            mine = by_article.get(str(g["article_id"]), [])
            key = (level, k, tuple((p["_i"], level == "source" and p["source"] is None) for p in mine))
            if key not in memo:
                a, b, c, _ = scorer.pair(mine, g["events"], level, False)
                memo[key] = (a, b, c)
            a, b, c = memo[key]
            tp, fp, fn = tp + a, fp + b, fn + c
        out.append(scorer.prf(tp, fp, fn)["f1"])
    return out[0], out[1]


def _weights(vec: Any, model: Any) -> dict[str, float]:
    return dict(sorted((name, round(float(w), 4)) for name, w in zip(vec.get_feature_names_out(), model.coef_[0],
                                                                       strict=True) if abs(w) >= 1e-4))


def save(lang: str, fitted: dict[str, Any], rows: list[dict[str, Any]], docs: list[Doc], out: Path) -> None:
    import sklearn

    origins: dict[str, int] = {}
    for d in docs:
        origins[d.origin] = origins.get(d.origin, 0) + 1
    meta = {"lang": lang, "seed": SEED, "C": fitted["C"], "cross_validated": fitted["cv"], "articles": origins,
            "candidates": len(rows), "positives": sum(r["y"] for r in rows),
            "context_candidates": fitted["context_rows"], "context_positives": fitted["context_positives"],
            "sklearn": sklearn.__version__}
    if fitted.get("calibrated"):
        meta["thresholds_tuned"] = fitted["calibrated"]
    source = target = None
    if fitted.get("tmodel") is not None:
        meta.update(target_candidates=fitted["target_rows"], target_positives=fitted["target_positives"],
                    target_cv_f1=fitted["target_cv_f1"], target_cv_precision=fitted["target_cv_precision"])
        target = {"bias": round(float(fitted["tmodel"].intercept_[0]), 4), "threshold": fitted["target_threshold"],
                  "weights": _weights(fitted["tvec"], fitted["tmodel"])}
    if fitted["smodel"] is not None:
        source = {"bias": round(float(fitted["smodel"].intercept_[0]), 4), "threshold": fitted["source_threshold"],
                  "weights": _weights(fitted["svec"], fitted["smodel"])}
    body = {"format": MODEL_FORMAT, "bias": round(float(fitted["model"].intercept_[0]), 4),
            "threshold": fitted["threshold"], "null_threshold": fitted["null_threshold"], "meta": meta,
            "weights": _weights(fitted["vec"], fitted["model"]), "source": source, "target": target}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(body, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def calibrated_strength(lang: str, shared: Path, held: tuple[str, ...], docs: list[Doc], rows: list[dict[str, Any]],
                        contexts: dict[tuple[Any, ...], list[dict]], fitted: dict[str, Any],
                        targets: dict[str, Any], out: Path) -> dict[str, Any]:
    """The strength and thresholds chosen on the whole pipeline's output (``calibrate``), for a language
    with a calibration set: each strength from the one-SE choice to the cross-validated best is fitted,
    scored out of fold and its thresholds tuned; the most regularised whose objective is within
    ``PLATEAU`` of the best is kept (the tolerance of the thresholds' flat run). The cross-validation
    alone judges candidates one by one, before merge, context sources and counterparts; on French it moved
    between C=0.1 and 0.3 by .001 with the lexicon (twenty-first session). Each strength tried is saved to
    ``out`` for ``calibrate`` to load; the chosen one is saved last."""
    crow = [x for xs in contexts.values() for x in xs]
    tried: dict[float, dict[str, Any]] = {}
    for c in fitted["candidates"]:
        cand = fitted
        if c != fitted["C"]:
            other = at_strength(rows, crow, fitted["per_c"], c)
            cand = {**other, **targets, "cv": {**other["cv"], "by_C": fitted["cv"]["by_C"]}}
        save(lang, cand, rows, docs, out)
        tuned = calibrate(lang, shared, load_judge(out), held, fold_judges(lang, docs, rows, contexts, cand))
        if tuned is not None:
            tried[c] = {**cand, "calibrated": tuned}
    if not tried:  # nothing to calibrate on: the cross-validated choice, not the last strength tried
        save(lang, fitted, rows, docs, out)
        return fitted
    top = max(v["calibrated"]["objective"] for v in tried.values())
    c = next(k for k in sorted(tried) if tried[k]["calibrated"]["objective"] >= top - PLATEAU)
    chosen = tried[c]
    chosen["calibrated"] = {**chosen["calibrated"], "by_C": {str(k): v["calibrated"]["objective"]
                                                            for k, v in sorted(tried.items())}}
    chosen.update(threshold=chosen["calibrated"]["threshold"], null_threshold=chosen["calibrated"]["null_threshold"])
    if chosen["smodel"] is not None:
        chosen["source_threshold"] = chosen["calibrated"]["source_threshold"]
    save(lang, chosen, rows, docs, out)
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", default=str(ROOT / "train"), help="folder with <lang>/ gold files")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (dev sets' tune halves)")
    ap.add_argument("--lang", default="fr,en")
    ap.add_argument("--out", help="folder for judge-<lang>.json files (default: data/lang/<lang>/judge.json)")
    a = ap.parse_args(argv)
    shared = Path(a.shared) if (Path(a.shared) / "eval").is_dir() else None
    if shared is None:
        print(f"note: no shared eval folder at {a.shared}: training on {a.train} only", file=sys.stderr)
    for lang in a.lang.split(","):
        t0 = time.perf_counter()
        held = CALIBRATE.get(lang, ()) if shared is not None else ()
        docs = training_docs(Path(a.train), shared, lang)
        if not docs:
            print(f"{lang}: no training documents", file=sys.stderr)
            continue
        records = collect(docs, lang)
        rows, n_gold = label(records, docs)
        contexts = context_rows(records, rows)
        fitted = fit(rows, contexts, n_gold)
        targets = fit_targets(target_rows(records, rows))
        fitted.update(targets)
        out = Path(a.out) / f"judge-{lang}.json" if a.out else model_path(lang)
        if held and shared is not None:
            fitted = calibrated_strength(lang, shared, held, docs, rows, contexts, fitted, targets, out)
        else:
            save(lang, fitted, rows, docs, out)
        print(f"{lang}: {len(docs)} articles, {len(rows)} candidates ({sum(r['y'] for r in rows)} positive), "
              f"{sum(n_gold.values())} gold events, {fitted['context_rows']} context sources "
              f"({fitted['context_positives']} right), {fitted['target_rows']} context targets "
              f"({fitted['target_positives']} right, threshold {fitted['target_threshold']}); "
              f"C={fitted['C']} thresholds {fitted['threshold']} / "
              f"{fitted['null_threshold']} (no source) / {fitted['source_threshold']} (context); "
              f"cross-validated {fitted['cv']}; tuned {fitted.get('calibrated')}; "
              f"{time.perf_counter() - t0:.0f}s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
