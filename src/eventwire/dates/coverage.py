"""``eventwire coverage --dates``: which date expressions of a corpus the grammar misses.

For every article (its language detected or given, its ``published`` date as the anchor, as the dates
stage reads it), the report counts

- **found, not resolved**: the mentions ``find_mentions`` finds and ``resolve`` leaves without a value
  (no anchor, an impossible date), each folded to its lower-case words;
- **time words outside every mention**: the time words of the language's date vocabulary (month and
  weekday names, the unit nouns of its counted phrases: "jours", "semaines", "weeks") that stand outside
  every mention, each with the word before and after it: "quelques jours plus tard", "the coming week";
- **dateline disagreements**: articles whose own dateline ("PARIS, 3 mai (AFP) -") names another day than
  their ``published`` value (the stage trusts the dateline: ``docs/dates.md``).

No parse: the grammar alone, as the stage runs it, so a corpus of thousands of articles takes seconds.
The top of the first two lists is the queue for ``dates.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..records import Article, DocumentError
from .find import find_mentions
from .resolve import find_anchor, resolve
from .vocab import DateGrammar, DateVocab, compile_grammar, load_vocab, vocab_path

WORD = re.compile(r"[^\W\d_]+")


@dataclass
class DateReport:
    articles: int = 0
    errors: int = 0
    mentions: int = 0
    unresolved: Counter[str] = field(default_factory=Counter)
    outside: Counter[str] = field(default_factory=Counter)
    datelines: Counter[str] = field(default_factory=Counter)  # "<dateline day> / published <day>"
    examples: dict[str, str] = field(default_factory=dict)

    def to_dict(self, top: int = 20) -> dict[str, Any]:
        def rows(c: Counter[str], kind: str) -> list[dict[str, Any]]:
            return [{"words": k, "count": n, "example": self.examples.get(f"{kind}:{k}", "")}
                    for k, n in c.most_common(top)]

        return {"articles": self.articles, "errors": self.errors, "mentions": self.mentions,
                "not_resolved": sum(self.unresolved.values()), "unresolved": rows(self.unresolved, "unresolved"),
                "outside": rows(self.outside, "outside"), "dateline_disagreements": rows(self.datelines, "dateline")}


def time_seeds(vocab: DateVocab) -> frozenset[str]:
    """The time words of a vocabulary: month and weekday names, and the unit nouns of its counted
    phrases (the word after the number: "{n} jours plus tard" -> "jours")."""
    out = {w.lower() for w in (*vocab.months, *vocab.weekdays) if len(w) >= 3}
    for phrase in (*vocab.counted, *vocab.counted_sequel, *vocab.counted_offset):
        out.update(w.lower() for w in re.findall(r"\{n\}\s+([^\W\d_]+)", phrase))
    return frozenset(out)


class _Grammars:
    """Each language's compiled grammar and time words, loaded on first use (None: no vocabulary)."""

    def __init__(self, language_dirs: Iterable[str] = ()) -> None:
        self.language_dirs = tuple(language_dirs)
        self.known: dict[str, tuple[DateGrammar, frozenset[str]] | None] = {}

    def get(self, lang: str) -> tuple[DateGrammar, frozenset[str]] | None:
        if lang not in self.known:
            path = vocab_path(lang, self.language_dirs)
            vocab = load_vocab(lang, path) if path is not None else None
            self.known[lang] = (compile_grammar(vocab), time_seeds(vocab)) if vocab is not None else None
        return self.known[lang]


def date_coverage(articles: Iterable[Article | DocumentError | None], language_dirs: Iterable[str] = ()) -> DateReport:
    """The report over ``articles`` (each with its language; a ``DocumentError``, a None or an article of a
    language with no date vocabulary is counted as not read)."""
    report = DateReport()
    grammars = _Grammars(language_dirs)
    for item in articles:
        found = grammars.get(item.language or "") if isinstance(item, Article) else None
        if found is None or not isinstance(item, Article):
            report.errors += 1
            continue
        report.articles += 1
        _count(report, item, *found)
    return report


def _count(report: DateReport, article: Article, grammar: DateGrammar, seeds: frozenset[str]) -> None:
    text = article.text
    mentions = find_mentions(text, grammar)
    anchor = find_anchor(text, article.published, mentions, grammar)
    report.mentions += len(mentions)
    if anchor is not None and article.published and anchor.source == "dateline" \
            and anchor.day.isoformat() != article.published[:10]:
        key = f"dateline {anchor.day.isoformat()} / published {article.published[:10]}"
        report.datelines[key] += 1
        report.examples.setdefault(f"dateline:{key}", article.id)
    previous = None  # the last day-precision date before, as the stage gives "le lendemain"
    for m in mentions:
        when = resolve(m, anchor, previous=previous)
        if when is None:
            key = " ".join(m.text.lower().split())
            report.unresolved[key] += 1
            report.examples.setdefault(f"unresolved:{key}", _context(text, *m.span))
        elif when.precision == "day":
            previous = when
    covered = [m.span for m in mentions]
    for w in _outside(text, seeds, covered):
        before = re.findall(r"\S+", text[max(0, w.start() - 30):w.start()])[-1:]
        after = re.findall(r"\S+", text[w.end():w.end() + 30])[:1]
        key = " ".join([*before, w.group(0), *after]).lower()
        report.outside[key] += 1
        report.examples.setdefault(f"outside:{key}", _context(text, w.start(), w.end()))


def _outside(text: str, seeds: frozenset[str], covered: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for w in WORD.finditer(text):
        if w.group(0).lower() in seeds and not any(s <= w.start() < e for s, e in covered):
            yield w


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    """The whole words around ``text[start:end]`` on one line."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    hi = max(hi, text.find(" ", hi)) if hi < len(text) else hi
    return " ".join(text[lo:hi].split())


def format_date_report(report: DateReport, top: int = 20) -> str:
    d = report.to_dict(top)
    lines = [f"{d['articles']} articles ({d['errors']} not read): {d['mentions']} date mentions found, "
             f"{d['not_resolved']} not resolved", "", f"found, not resolved (top {top}):"]
    lines += [f"  {r['count']:5d}  {r['words']:30s} {r['example']}" for r in d["unresolved"]]
    lines += ["", f"time words outside every mention, with their neighbours (top {top}):"]
    lines += [f"  {r['count']:5d}  {r['words']:30s} {r['example']}" for r in d["outside"]]
    lines += ["", f"articles whose dateline names another day than their published date (top {top}):"]
    lines += [f"  {r['count']:5d}  {r['words']:45s} {r['example']}" for r in d["dateline_disagreements"]]
    return "\n".join(lines)
