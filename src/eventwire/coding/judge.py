"""The learned judge: which coded candidates are events.

The coder finds candidates broadly (every lexicon sense, every voice, with or without a source) and
describes each one with a handful of symbolic features (the sense, its type and mode, the voice, how
the source and target were found, modality, where the clause sits in the sentence). The judge is a
logistic regression over those features, trained by ``make train`` (``eventwire.coding.train``) on
annotated articles and shipped as a JSON table of weights (``data/lang/<lang>/judge.json``): no
dependency at run time, a dot product per candidate. A candidate is kept when its probability reaches
the model's threshold; ``explain`` shows the probability and the features that weighed most.

Without a model file (or with ``judge = "rules"`` in the configuration) the rule decisions stand:
candidates with no source or with failed sense constraints are rejected, as in ``rules/1``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..languages import language

if TYPE_CHECKING:
    from ..config import Config
    from ..pipeline import Resources

MODEL_FORMAT = "eventwire.judge/1"
MODEL_FILE = "judge.json"


JUDGED = "rules+judge/1"  # the coder version of events a trained judge decided on

@dataclass
class Verdict:
    """The judge's word on one candidate."""

    keep: bool
    probability: float | None = None            # None: decided by the rules alone (no model)
    reasons: tuple[tuple[str, float], ...] = ()  # the features that weighed most, with their weights

    def text(self) -> str:
        if self.probability is None:
            return ""
        top = ", ".join(f"{name} {w:+.2f}" for name, w in self.reasons)
        return f"judge {self.probability:.2f} ({top})"


@dataclass
class Judge:
    """A linear model over candidate features; ``collect`` (training) records every candidate."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5           # events that name a source
    null_threshold: float = 0.5      # events whose clause names no source (after context inference)
    source_weights: dict[str, float] = field(default_factory=dict)  # context sources (context_source.py)
    source_bias: float = 0.0
    source_threshold: float = 0.5
    target_weights: dict[str, float] = field(default_factory=dict)  # context targets (context_source.py)
    target_bias: float = 0.0
    target_threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)
    collect: list[dict[str, Any]] | None = None

    @property
    def trained(self) -> bool:
        return bool(self.weights)

    @property
    def open(self) -> bool:
        """Whether candidates without a source or with failed constraints reach the judge (a trained
        model, or training's collection run, which keeps and records everything)."""
        return self.trained or self.collect is not None

    def probability(self, feats: list[str]) -> tuple[float, list[tuple[str, float]]]:
        return _linear(self.weights, self.bias, feats)

    def source_probability(self, feats: list[str]) -> tuple[float, list[tuple[str, float]]]:
        return _linear(self.source_weights, self.source_bias, feats)

    def target_probability(self, feats: list[str]) -> tuple[float, list[tuple[str, float]]]:
        return _linear(self.target_weights, self.target_bias, feats)

    def decide(self, feats: list[str], rules_keep: bool, record: dict[str, Any] | None = None,
               sourceless: bool = False) -> Verdict:
        """Keep or not. A sourceless event passes here on the lower of the two thresholds; the coder
        stage applies ``null_threshold`` once context inference has had its chance."""
        if self.collect is not None and record is not None:
            self.collect.append({**record, "features": feats, "rules_keep": rules_keep})
            return Verdict(True, 0.5)
        if not self.trained:
            return Verdict(rules_keep)
        p, parts = self.probability(feats)
        bar = min(self.threshold, self.null_threshold) if sourceless else self.threshold
        return Verdict(p >= bar, round(p, 3), tuple((f, round(w, 2)) for f, w in parts[:4]))


def _linear(weights: dict[str, float], bias: float, feats: list[str]) -> tuple[float, list[tuple[str, float]]]:
    parts = [(f, weights[f]) for f in feats if f in weights]
    z = bias + sum(w for _, w in parts)
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    parts.sort(key=lambda fw: -abs(fw[1]))
    return p, parts


def model_path(lang: str, language_dirs: Iterable[str] = ()) -> Path:
    """Where the language's judge is: the last of its folders that holds a ``judge.json``, else the shipped
    folder (where ``make train`` writes)."""
    spec = language(lang, language_dirs)
    return spec.file(MODEL_FILE) or spec.folders[0] / MODEL_FILE


def load_judge(path: Path) -> Judge:
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path}: not an {MODEL_FORMAT} model")
    src = raw.get("source") or {}
    tgt = raw.get("target") or {}
    return Judge(weights={k: float(v) for k, v in raw["weights"].items()}, bias=float(raw["bias"]),
                 threshold=float(raw["threshold"]), null_threshold=float(raw.get("null_threshold", 1.0)),
                 source_weights={k: float(v) for k, v in (src.get("weights") or {}).items()},
                 source_bias=float(src.get("bias", 0.0)), source_threshold=float(src.get("threshold", 1.0)),
                 target_weights={k: float(v) for k, v in (tgt.get("weights") or {}).items()},
                 target_bias=float(tgt.get("bias", 0.0)), target_threshold=float(tgt.get("threshold", 1.0)),
                 meta=raw.get("meta", {}))


def judge_for(resources: Resources, lang: str) -> Judge:
    """The language's judge, loaded once per process; an untrained judge when there is no model or
    the configuration asks for the rules alone."""
    def load(config: Config) -> Judge:
        if config.judge == "rules":
            return Judge()
        path = model_path(lang, config.language_dirs)
        if not path.exists():
            return Judge()
        judge = load_judge(path)
        if config.judge_threshold is not None:
            judge.threshold = float(config.judge_threshold)
        return judge

    return resources.get(f"coding-judge-{lang}", load)


def bucket(n: int, edges: tuple[int, ...]) -> str:
    """A count as a feature value: the first edge it does not exceed, or '>last'."""
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def candidate_features(*, etype: str, mode: str | None, pos: str, lemma: str, how: str, src_path: str | None,
                       src_sector: str | None, src_kind: str, tgt_path: str | None, tgt_sector: str | None,
                       sense_ok: bool, negated: bool, hypothetical: bool, head_dep: str, head_tag: str,
                       clause_dep: str, sent_index: int, in_quote: bool, n_alternatives: int, governor: str = "",
                       tgt_kind: str = "none", occurs: bool = False,
                       anchors: tuple[str, ...] = ()) -> list[str]:
    """The symbolic description of one candidate event the judge weighs (strings, one-hot)."""
    t = etype
    src = "none" if src_path is None else src_kind
    feats = [
        f"type={t}", f"sense={t}:{pos}:{lemma}", f"lemma={lemma}", f"pos={t}:{pos}", f"how={how}",
        f"how={t}:{how}", f"src={src}", f"src={t}:{src}", f"tgt={'none' if tgt_path is None else 'yes'}",
        f"tgt={t}:{'none' if tgt_path is None else 'yes'}", f"sense_ok={sense_ok}", f"sense_ok={t}:{sense_ok}",
        f"dep={head_dep}", f"dep={t}:{head_dep}", f"tag={head_tag}", f"clause={clause_dep}",
        "title" if sent_index < 0 else f"sent={bucket(sent_index, (0, 2, 6))}", f"quote={in_quote}",
        f"alts={bucket(n_alternatives, (1, 2))}",
    ]
    if mode:
        feats.append(f"mode={t}:{mode}")
    if governor:
        feats += [f"gov={governor}", f"gov={t}:{governor}"]
    if tgt_kind != "none":
        feats.append(f"tgt_kind={t}:{tgt_kind}")
    if occurs:  # an event noun told as having happened ("des heurts ont éclaté")
        feats += ["occurs", f"occurs={t}"]
    for a in anchors:  # the clause says when, where or how many: an occasion, not a generic mention
        feats += [f"anchor={a}", f"anchor={pos}:{a}"]
    if src_sector:
        feats += [f"src_sector={src_sector}", f"src_sector={t}:{src_sector}"]
    if tgt_sector:
        feats.append(f"tgt_sector={t}:{tgt_sector}")
    if src_path:
        feats.append(f"src_path={src_path.split('.')[0][:24]}")
    if negated:
        feats += ["negated", f"negated={t}"]
    if hypothetical:
        feats += ["hypothetical", f"hypothetical={t}"]
    return feats
