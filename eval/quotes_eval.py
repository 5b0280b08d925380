"""Precision and recall of the quote stage on the hand-made sets ``eval/quotes/{fr,en}.jsonl``.

Each line: ``{"id", "lang", "text", "quotes": [{"text", "speaker", "kind", "via"}]}``.
A predicted quote matches a gold quote when their spans overlap by at least half of the
longer one. Scores (precision over predicted quotes, recall over gold quotes):

- spans: the quote was found;
- speakers: found, and the speaker's name or text equals the gold speaker (case, accents and
  a leading article ignored);
- kinds: found, with the right kind (named / anonymous / media);
- via: found, with the right relay (or none where the gold has none).

Run: ``.venv/bin/python eval/quotes_eval.py [-v]``
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from eventwire.actors import ActorStage
from eventwire.pipeline import Pipeline
from eventwire.quotes import QuoteStage
from eventwire.records import Analysis, Article, Quote
from eventwire.text import fold_words

HERE = Path(__file__).parent / "quotes"
ARTICLES = ("le ", "la ", "les ", "l'", "the ", "un ", "une ", "des ", "a ")
ASPECTS = ("spans", "speakers", "kinds", "via")


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    hits: dict[str, int] | None = None

    def add(self, aspect: str) -> None:
        self.hits = self.hits or {}
        self.hits[aspect] = self.hits.get(aspect, 0) + 1


def norm(name: str | None) -> str:
    text = fold_words(name or "").strip()
    for article in ARTICLES:
        if text.startswith(article):
            return text[len(article) :]
    return text


def same_speaker(q: Quote, gold: dict) -> bool:
    want = norm(gold["speaker"])
    have = {norm(q.speaker.name), norm(q.speaker.text)} if q.speaker else {""}
    return want in have or any(want and h.endswith(want) for h in have)


def same_via(q: Quote, gold: dict) -> bool:
    if gold.get("via") is None:
        return q.via is None
    return q.via is not None and norm(gold["via"]) in (norm(q.via.name), norm(q.via.text))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * max(a[1] - a[0], b[1] - b[0])


def score_record(rec: dict, quotes: tuple[Quote, ...], tally: Tally, verbose: bool) -> None:
    text = rec["text"]
    tally.predicted += len(quotes)
    tally.gold += len(rec["quotes"])
    used: set[int] = set()
    for gold in rec["quotes"]:
        start = text.index(gold["text"])
        span = (start, start + len(gold["text"]))
        match = next((i for i, q in enumerate(quotes) if i not in used and overlap(q.span, span)), None)
        if match is None:
            if verbose:
                print(f"  MISS {rec['id']}: {gold['text'][:60]!r}")
            continue
        used.add(match)
        q = quotes[match]
        checks = {"spans": True, "speakers": same_speaker(q, gold), "kinds": q.kind == gold["kind"],
                  "via": same_via(q, gold)}
        for aspect, ok in checks.items():
            if ok:
                tally.add(aspect)
            elif verbose:
                print(f"  WRONG {aspect} {rec['id']}: gold {gold.get(aspect[:-1], gold.get(aspect))!r} "
                      f"pred {q.speaker and q.speaker.name!r} {q.kind} via={q.via and q.via.name!r}")
    if verbose:
        for i, q in enumerate(quotes):
            if i not in used:
                print(f"  EXTRA {rec['id']}: {q.text[:60]!r} ({q.kind}, {q.speaker and q.speaker.name!r})")


def run(lang: str, pipe: Pipeline, verbose: bool) -> Tally:
    tally = Tally()
    actors, quotes = ActorStage(pipe.resources), QuoteStage(pipe.resources)
    nlp = pipe.nlp(lang)
    for line in (HERE / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        article = Article(id=rec["id"], text=rec["text"], language=lang)
        analysis = quotes(actors(Analysis(article=article, doc=nlp(rec["text"]))))
        score_record(rec, analysis.quotes, tally, verbose)
    return tally


def report(lang: str, tally: Tally) -> None:
    print(f"{lang}: {tally.gold} gold quotes, {tally.predicted} predicted")
    for aspect in ASPECTS:
        hits = (tally.hits or {}).get(aspect, 0)
        p = hits / tally.predicted if tally.predicted else 0.0
        r = hits / tally.gold if tally.gold else 0.0
        print(f"  {aspect:9s} P={p:.2f} R={r:.2f}")


def main() -> None:
    verbose = "-v" in sys.argv
    pipe = Pipeline()
    for lang in ("fr", "en"):
        report(lang, run(lang, pipe, verbose))


if __name__ == "__main__":
    main()
