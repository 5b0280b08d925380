"""The infinitive of an accusing verb is the act of the one accused, never of the accuser: "accusant X de
...", a participle "X, accusé de ...", "a reproché à X de ..."; a past participle the parser coordinates
with that infinitive ("a accusé X de ... et exigé Y") is still the accuser's own act; what an active accuser
alleges ("a accusé X de financer Y") is flagged hypothetical, what a bare participle presents is not."""

from __future__ import annotations

import pytest

from _coder import coded

pytestmark = pytest.mark.slow


def _sources(pipe, text, etype):
    return {e.source.name for e in coded(pipe, text, "fr", etype) if e.source is not None}


def test_fr_a_participle_of_accusing_gives_the_act_to_the_noun_it_follows(rules_pipeline):
    text = "Le Conseil a adopté des sanctions contre le Soudan, accusé de livrer des armes aux milices."
    assert _sources(rules_pipeline, text, "AID") == {"Sudan"}


def test_fr_a_participle_coordinated_with_the_accused_act_stays_the_accusers(rules_pipeline):
    text = "Le parti a accusé le gouvernement d'avoir caché la vérité aux électeurs et exigé la démission du ministre."
    assert _sources(rules_pipeline, text, "REQUEST") == {"Le parti"}


def test_fr_dative_control_verbs_are_listed(rules_pipeline):
    from eventwire.coding.lexicon import LIST_KEYS

    assert "dative_control_verbs" in LIST_KEYS and "dative_preps" in LIST_KEYS


def test_fr_what_an_accuser_alleges_is_no_fact(rules_pipeline):
    from _coder import analyze

    events = analyze(rules_pipeline, "Le Kenya a accusé l'Ouganda de financer les rebelles.", "fr").events
    [aid] = [e for e in events if e.type == "AID"]
    assert aid.source is not None and aid.source.name == "Uganda" and aid.hypothetical
    assert not [e for e in events if e.type == "ACCUSE"][0].hypothetical  # the accusation itself is told


def test_fr_an_adjunct_accusation_flags_nothing(rules_pipeline):
    from _coder import analyze

    text = "Après avoir accusé les juges de partialité, le ministre accuse la presse de mentir."
    accusations = [e for e in analyze(rules_pipeline, text, "fr").events if e.type == "ACCUSE"]
    assert accusations and not any(e.hypothetical for e in accusations)
