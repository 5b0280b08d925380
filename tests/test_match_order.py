"""Candidate alternatives come in a fixed order: the lemma's entries before those of the word form, so
equally specific entries do not swap places between processes (a set's order follows string hashing)."""

from __future__ import annotations

import pytest

from eventwire.coding.lexicon import build_lexicon
from eventwire.coding.match import candidates

pytestmark = pytest.mark.slow


def test_the_lemma_entry_comes_before_the_word_form_entry(tmp_path, nlp_en):
    user = tmp_path / "mine.yaml"
    user.write_text("language: en\ntriggers:\n  PROTEST:\n    noun:\n      - {lemma: rally, of: source}\n"
                    "      - {lemma: rallies, mode: demo, of: source}\n", encoding="utf-8")
    lex = build_lexicon("en", [str(user)])
    doc = nlp_en("Students held rallies in the capital on Monday.")
    (cand,) = [c for c in candidates(next(iter(doc.sents)), lex) if doc[c.head.i].text == "rallies"]
    lemmas = [e.lemma for e in cand.alternatives]
    assert "rallies" in lemmas and lemmas.index("rally") < lemmas.index("rallies")
