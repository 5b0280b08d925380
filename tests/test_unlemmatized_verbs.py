"""French verb forms the lemmatizer leaves as they are still find their trigger entries."""

from __future__ import annotations

import pytest

from eventwire.coding.match import forms, unlemmatized_present


@pytest.mark.parametrize("sentence, word, infinitive", [
    ("Le syndicat, qui réclame une hausse des salaires, a appelé à la grève.", "réclame", "réclamer"),
    ("L'opposition demande la démission du ministre.", "demande", "demander"),
])
def test_a_present_left_unlemmatized_also_tries_its_infinitive(nlp_fr, sentence, word, infinitive):
    tok = next(t for t in nlp_fr(sentence) if t.text == word)
    assert tok.lemma_ == word and tok.pos_ == "VERB"  # the lemmatizer's miss this test is about
    assert unlemmatized_present(tok) == infinitive and infinitive in forms(tok)


def test_nouns_and_lemmatized_verbs_are_left_alone(nlp_fr):
    doc = nlp_fr("La demande du syndicat a été rejetée par la direction.")
    assert all(unlemmatized_present(t) == "" for t in doc)


def test_the_syndicate_demand_is_coded(pipeline):
    from eventwire.records import Article

    text = "Le syndicat, qui réclame une hausse des salaires, a appelé à la grève."
    [res] = pipeline.process([Article(id="s", text=text, language="fr", published="2024-03-05")])
    assert ("REQUEST", "réclame") in {(e.type, e.trigger.text) for e in res.events}
