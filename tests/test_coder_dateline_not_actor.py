"""What a new user hits in the first minutes: a wire dateline is not an actor, "no group" is nobody, and
taking ground in fighting is an ASSAULT."""

from __future__ import annotations

import pytest

from eventwire.records import Article

pytestmark = pytest.mark.slow


def coded(pipe, text, lang):
    res = next(iter(pipe.process([Article(id="t", text=text, language=lang, published="2021-06-07")])))
    return list(res.events)


@pytest.mark.parametrize("text, lang, etype, words", [
    ("DAKAR (AFP) - Senegalese police fired tear gas at protesters in the capital on Monday.", "en", "COERCE",
     "Senegalese police"),  # tear gas to disperse a crowd: COERCE (the lexicon's "fire tear gas")
    ("KABUL (Reuters) - Afghan police arrested two suspects on Monday.", "en", "COERCE", "Afghan police"),
    ("BAMAKO (AFP) - L'armée malienne a arrêté trois officiers mardi.", "fr", "COERCE", "armée malienne"),
])
def test_a_dateline_is_not_the_subject(rules_pipeline, text, lang, etype, words):
    # a hyphen inside a name at the start of a sentence is no dateline: see the last test
    ev = next(e for e in coded(rules_pipeline, text, lang) if e.type == etype)
    assert ev.source is not None and ev.source.text == words and ev.source.span[0] > text.index(" - ")


@pytest.mark.parametrize("text, lang", [
    ("Aucun groupe n'a revendiqué l'attaque contre la caserne.", "fr"),
    ("No group has claimed responsibility for the attack on the barracks.", "en"),
])
def test_a_negative_quantifier_is_nobody(pipeline, rules_pipeline, text, lang):
    for pipe in (pipeline, rules_pipeline):
        assert not [e for e in coded(pipe, text, lang) if e.source is not None and e.source.text.lower().startswith(
            ("aucun", "no "))]


@pytest.mark.parametrize("text, lang", [
    ("Les rebelles ont encerclé la ville de Kidal avant l'aube.", "fr"),
    ("Les insurgés se sont emparés de l'aéroport après deux jours de combats.", "fr"),
    ("Les soldats assiègent la ville depuis trois semaines.", "fr"),
    ("Rebel fighters encircled the town overnight.", "en"),
])
def test_taking_ground_in_fighting_is_an_assault_not_coercion(rules_pipeline, text, lang):
    types = {e.type for e in coded(rules_pipeline, text, lang)}
    assert "ASSAULT" in types and "COERCE" not in types


def test_a_hyphenated_name_opening_a_sentence_is_no_dateline(rules_pipeline):
    evs = coded(rules_pipeline, "L'ex Front al-Nosra et Jund al-Aqsa ont formé un nouveau groupe armé.", "fr")
    sources = {e.source.name for e in evs if e.type == "COOPERATE" and e.source is not None}
    assert "al-Nusra Front" in sources
