#!/usr/bin/env python3
"""Which date expressions of a corpus the date grammar finds but cannot resolve, and which time words it
does not find at all — the ``eventwire coverage`` of dates, to see what to add to ``dates.yaml``.

For every article of a JSONL corpus (``id``, ``text``, ``lang``, optional ``published``): the mentions
``find_mentions`` finds, those ``resolve`` leaves without a value (no anchor, an impossible date), and
the time words of the language's date vocabulary (month and weekday names, the unit nouns of its
counted phrases: "jours", "semaines", "weeks") that stand outside every mention, each with the
word before and after it, counted over the corpus. No parse: the grammar alone, as the stage runs it.

Usage: python eval/date_coverage.py [CORPUS.jsonl ...] [--top 30]
(default: the French Wikinews corpus, ../shared/corpus/wikinews-fr.jsonl)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _seeds(vocab) -> set[str]:  # noqa: ANN001 - a DateVocab
    """The time words of a vocabulary: month and weekday names, and the unit nouns of its counted
    phrases (the word after the number: "{n} jours plus tard" -> "jours")."""
    out = {w.lower() for w in (*vocab.months, *vocab.weekdays) if len(w) >= 3}
    for phrase in (*vocab.counted, *vocab.counted_sequel, *vocab.counted_offset):
        after = re.findall(r"\{n\}\s+([^\W\d_]+)", phrase)
        out.update(w.lower() for w in after)
    return out


def main() -> int:
    from eventwire.config import Config
    from eventwire.dates.find import find_mentions
    from eventwire.dates.resolve import find_anchor, resolve
    from eventwire.dates.vocab import compile_grammar, load_vocab, vocab_path

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--top", type=int, default=30)
    a = ap.parse_args()
    files = [Path(f) for f in a.files] or [ROOT.parent / "shared" / "corpus" / "wikinews-fr.jsonl"]
    config = Config()
    grammars, seeds = {}, {}
    found = unresolved = articles = 0
    missed: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            lang = r.get("lang") or "fr"
            if lang not in grammars:
                path = vocab_path(lang, config.language_dirs)
                if path is None:
                    continue
                vocab = load_vocab(lang, path)
                grammars[lang], seeds[lang] = compile_grammar(vocab), _seeds(vocab)
            text, grammar = r["text"], grammars[lang]
            articles += 1
            mentions = find_mentions(text, grammar)
            anchor = find_anchor(text, r.get("published"), mentions, grammar)
            found += len(mentions)
            previous = None  # the last day-precision date before, as the stage gives "le lendemain"
            for m in mentions:
                when = resolve(m, anchor, previous=previous)
                if when is None:
                    unresolved += 1
                    failed[" ".join(m.text.lower().split())] += 1
                elif when.precision == "day":
                    previous = when
            covered = [m.span for m in mentions]
            for w in re.finditer(r"[^\W\d_]+", text):
                if w.group(0).lower() not in seeds[lang] or any(s <= w.start() < e for s, e in covered):
                    continue
                before = re.findall(r"\S+", text[max(0, w.start() - 30):w.start()])[-1:]
                after = re.findall(r"\S+", text[w.end():w.end() + 30])[:1]
                missed[" ".join([*before, w.group(0), *after]).lower()] += 1
    print(f"{articles} articles: {found} date mentions found, {unresolved} not resolved")
    print(f"\nfound, not resolved (top {a.top}):")
    for phrase, n in failed.most_common(a.top):
        print(f"  {n:4d}  {phrase}")
    print(f"\ntime words outside every mention, with their neighbours (top {a.top}):")
    for phrase, n in missed.most_common(a.top):
        print(f"  {n:4d}  {phrase}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
