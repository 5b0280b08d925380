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


@pytest.mark.parametrize("text", [
    # a fronted participle, a verb read as a noun, a future and a present left unlemmatized, hyphens
    "Encerclés par les rebelles, les soldats du camp se sont rendus hier soir.",
    "Les partis d'opposition l'accusent d'intimidation et les diplomates négocieraient une trêve.",
    "Le syndicat demande la libération des manifestants mis en garde-à-vue à Lyon-Nord.",
    "Ils pressent le gouvernement de répondre ; les députés réclament une enquête.",
])
def test_the_document_keys_are_the_tokens_forms(nlp_fr, text):
    """``token_keys`` (from ``Doc.to_array`` columns, memoised across documents) gives each token the
    keys its own ``forms`` give, in the same order, and fills the same forms cache."""
    from eventwire.coding.match import _FORMS, _forms, token_keys

    doc = nlp_fr(text)
    expected = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        keys = [lemma, *sorted(frozenset(_forms(tok)) - {lemma})]
        if "-" in tok.text:
            keys.append(tok.lower_.split("-")[0])
        expected.append(tuple(dict.fromkeys(keys)))
    assert token_keys(doc) == expected
    assert token_keys(nlp_fr(text)) == expected  # the second time, from the memo
    assert all(doc.user_data[_FORMS][t.i] == frozenset(_forms(t)) for t in doc)


def test_a_match_of_the_wrong_part_of_speech_takes_no_words(nlp_fr):
    """"qui demande des négociations": the noun entry "demande de négociation" matches the words but its
    head is a verb; it must not hide the verb "demander" that fits."""
    lex = build_lexicon("fr")
    doc = nlp_fr("L'intersyndicale, qui demande des négociations avec la direction, appelle à manifester.")
    at = next(t.i for t in doc if t.lower_ == "demande")
    assert doc[at].pos_ == "VERB"
    found = [c for c in candidates(next(iter(doc.sents)), lex) if at in c.tokens]
    assert found and all(e.pos == "verb" for c in found for e in c.alternatives)
    assert any(e.lemma == "demander" for c in found for e in c.alternatives)


def test_french_oe_spelling_matches_the_ligature_entry(nlp_fr):
    # text typed without the ligature ("manoeuvres", "oeufs") finds the lexicon's "manœuvre", "œuf"
    lex = build_lexicon("fr")
    doc = nlp_fr("Les deux marines ont entamé des manoeuvres conjointes au large de Toulon.")
    found = {(e.type, e.lemma) for c in candidates(next(iter(doc.sents)), lex) for e in c.alternatives}
    assert ("COOPERATE", "manœuvre conjoint") in found, found
