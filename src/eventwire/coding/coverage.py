"""``eventwire coverage``: what a corpus says often that nothing codes.

For every article, the coder runs as usual; then the report counts

- **uncovered verbs**: lemmas of verbs whose subject, object or oblique is an actor (an actor mention
  of the actor stage, or a person, organisation, place or nationality the parser names) and that no
  trigger lexicon entry starts with (leaving out the language's function, statement, light and modal
  verbs: ``coding.yaml``);
- **uncovered event nouns**: lemmas of nouns derived from verbs (by the endings the language's
  ``event_noun_suffixes`` lists) that govern such an actor ("l'expulsion de l'ambassadeur", "Russia's
  annexation") and that no entry starts with;
- **rejection reasons**: why the coder's candidates did not become events (numbers and quoted words
  folded, so that alike reasons count together);
- events per type.

The top of the first two lists is the queue for the lexicons; the third says which decision loses
the most. Each line keeps one example sentence, so a reader can see the construction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import Article, DocumentError
from .lexicon import lexicon_for

ACTOR_ENTS = {"PER", "PERSON", "ORG", "GPE", "NORP", "LOC"}
ARG_DEPS: tuple[str, ...] = ("nsubj", "obj", "dobj", "obl", "iobj", "nsubj:pass", "nsubjpass", "agent",
                             "obl:agent", "obl:arg")
NOUN_ARG_DEPS: tuple[str, ...] = ("nmod", "nmod:poss", "poss", "det:poss", "compound", "amod", "prep")
STAGES = ["actors", "quotes", "coder"]


@dataclass
class Report:
    articles: int = 0
    errors: int = 0
    verbs: Counter[str] = field(default_factory=Counter)
    nouns: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def to_dict(self, top: int = 20) -> dict[str, Any]:
        def rows(c: Counter[str], kind: str) -> list[dict[str, Any]]:
            return [{"lemma": k, "count": n, "example": self.examples.get(f"{kind}:{k}", "")}
                    for k, n in c.most_common(top)]

        return {"articles": self.articles, "errors": self.errors, "uncovered_verbs": rows(self.verbs, "verb"),
                "uncovered_nouns": rows(self.nouns, "noun"),
                "rejection_reasons": [{"reason": k, "count": n} for k, n in self.reasons.most_common(top)],
                "events_per_type": dict(self.types.most_common())}


def fold_reason(reason: str) -> str:
    """"sense constraint failed (menacer)" and "(annoncer)" count together; numbers are folded."""
    reason = re.sub(r"\(judge [^)]*\)+", "(judge)", reason)
    reason = re.sub(r"judge [0-9.]+ < [0-9.]+", "judge below the bar", reason)
    reason = re.sub(r"'[^']*'", "'…'", reason)
    reason = re.sub(r"\((?:[^()]*)\)$", "(…)", reason) if reason.startswith("sense constraint") else reason
    return re.sub(r"[0-9a-f]{12}", "…", reason)


def coverage(pipeline: Any, items: Iterable[Article | DocumentError]) -> Report:
    """The report over the items (see the module doc); ``pipeline`` runs actors, quotes and coder."""
    report = Report()
    for item in items:
        if isinstance(item, DocumentError):
            report.errors += 1
            continue
        try:
            article = pipeline.identify(item)
            analysis = pipeline.analyze(article)
        except Exception:  # a bad document is counted, the report goes on
            report.errors += 1
            continue
        report.articles += 1
        _count(report, analysis, lexicon_for(pipeline.resources, article.language or ""))
    return report


def _count(report: Report, analysis: Any, lex: Any) -> None:
    doc = analysis.doc
    actor_tokens: set[int] = set()
    for a in analysis.actors:
        span = doc.char_span(a.span[0], a.span[1], alignment_mode="expand")
        if span is not None:
            actor_tokens.update(range(span.start, span.end))
    actor_tokens.update(t.i for t in doc if t.ent_type_ in ACTOR_ENTS)
    known = set(lex.index)
    ignore = set().union(*(lex.words(k) for k in ("function_verbs", "statement_verbs", "light_verbs", "modal_aux",
                                                  "hold_verbs", "counting_verbs", "calling_verbs",
                                                  "deadline_verbs")))  # the last three: sentence rules read them
    suffixes = tuple(lex.words("event_noun_suffixes"))
    for ev in analysis.events:
        report.types[ev.type] += 1
    for r in analysis.rejections:
        report.reasons[fold_reason(r.reason)] += 1
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in known or lemma in ignore or tok.i in actor_tokens or not lemma.isalpha():
            continue
        if tok.pos_ == "VERB":
            deps, kind = ARG_DEPS, "verb"
        elif tok.pos_ == "NOUN" and lemma.endswith(suffixes):
            deps, kind = NOUN_ARG_DEPS, "noun"
        else:
            continue
        if any(c.dep_ in deps and c.i in actor_tokens for c in tok.children):
            bucket = report.verbs if kind == "verb" else report.nouns
            bucket[lemma] += 1
            report.examples.setdefault(f"{kind}:{lemma}", tok.sent.text.strip()[:160])


def format_report(report: Report, top: int = 20) -> str:
    d = report.to_dict(top)
    lines = [f"{d['articles']} articles ({d['errors']} not read)", "",
             f"uncovered verbs governing an actor (top {top}):"]
    lines += [f"  {r['count']:5d}  {r['lemma']:20s} {r['example']}" for r in d["uncovered_verbs"]]
    lines += ["", f"uncovered event nouns governing an actor (top {top}):"]
    lines += [f"  {r['count']:5d}  {r['lemma']:20s} {r['example']}" for r in d["uncovered_nouns"]]
    lines += ["", "rejection reasons:"]
    lines += [f"  {r['count']:5d}  {r['reason']}" for r in d["rejection_reasons"]]
    lines += ["", "events per type: " + ", ".join(f"{k} {v}" for k, v in d["events_per_type"].items())]
    return "\n".join(lines)
