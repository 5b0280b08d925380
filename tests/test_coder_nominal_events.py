"""Event nouns and the verbs that carry them: support verbs ("lancer une offensive", "declared a
ceasefire") give the noun their subject, a statement verb yields to the noun's own author, taking part
("participer à", "be involved in") makes the participant the source, and military operations."""

from __future__ import annotations

import pytest

from _coder import coded, of_type

pytestmark = pytest.mark.slow


# -- support verbs ------------------------------------------------------------------------------
def test_coder_fr_support_verb_with_object_misread_as_oblique(rules_pipeline):
    text = "Les forces kurdes ont ensuite mené fin août une offensive depuis l'enclave d'Afrin vers al-Bab."
    evs = coded(rules_pipeline, text, "fr")
    (ev,) = of_type(evs, "ASSAULT")
    assert "kurdes" in ev.source.text and ev.rule.endswith(".light-verb")


def test_coder_en_support_verb_reaches_event_noun_in_compound_or_time_measure(rules_pipeline):
    text = "Arab League Secretary General Chadli Klibi undertook a mediation mission between Syria and the PLO."
    evs = coded(rules_pipeline, text, "en")
    (ev,) = of_type(evs, "CONSULT")
    assert "Klibi" in ev.source.text and ev.mode == "mediate"
    evs = coded(rules_pipeline, "French and Egyptian warships launched 10 days of war games in the Mediterranean.",
                "en")
    assert {e.source.name for e in of_type(evs, "COOPERATE")} == {"France"}  # one event per pair: France -> Egypt


def test_coder_declaring_a_ceasefire_is_a_support_verb(rules_pipeline):
    evs = coded(rules_pipeline, "Le Hamas a déclaré une trêve unilatérale.", "fr")
    (ev,) = of_type(evs, "RETREAT")
    assert ev.source.name == "Hamas" and ev.mode == "ceasefire"
    text = "The Hezbollah group declared a unilateral ceasefire after 12 days of battles with the Amal militia."
    evs = coded(rules_pipeline, text, "en")
    assert of_type(evs, "RETREAT") and not of_type(evs, "ASSAULT")  # "after days of battles" is a time frame


def test_coder_announcer_is_not_the_author_of_a_named_act(rules_pipeline):
    evs = coded(rules_pipeline, "Le ministère a annoncé l'attaque des rebelles contre la ville.", "fr")
    (ev,) = of_type(evs, "ASSAULT")
    assert ev.source.name == "rebels"
    evs = coded(rules_pipeline, "L'agence de presse Anadolu a annoncé l'arrestation de 16 djihadistes présumés.",
                "fr")
    assert not of_type(evs, "COERCE")
    evs = coded(rules_pipeline, "La police australienne a annoncé l'arrestation de plusieurs personnes.", "fr")
    (ev,) = of_type(evs, "COERCE")
    assert "police" in ev.source.text


# -- participation ------------------------------------------------------------------------------
def test_coder_fr_participer_gives_the_event_noun_its_source(rules_pipeline):
    evs = coded(rules_pipeline, "Le Hezbollah a participé aux combats contre les rebelles.", "fr")
    (ev,) = of_type(evs, "ASSAULT")
    assert ev.source.name == "Hezbollah" and ev.target is not None and ev.target.name == "rebels"


def test_coder_fr_participation_noun_owner_is_the_source(rules_pipeline):
    text = "L'implication de la Russie dans cet empoisonnement est jugée très probable."
    evs = coded(rules_pipeline, text, "fr")
    (ev,) = of_type(evs, "ASSAULT")
    assert ev.source.name == "Russia" and ev.rule.endswith(".participation")


def test_coder_en_involved_in_passive_subject_is_the_source(rules_pipeline):
    evs = coded(rules_pipeline, "Hezbollah was involved in the battle.", "en")
    (ev,) = of_type(evs, "ASSAULT")
    assert ev.source.name == "Hezbollah"


# -- military operations ------------------------------------------------------------------------
def test_coder_fr_named_operation_of_an_army_is_assault(rules_pipeline):
    text = "L'armée turque, en coopération avec la coalition internationale, a lancé l'opération " \
           "« Bouclier de l'Euphrate » avant l'aube."
    (ev,) = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert ev.source.name == "Turkey"


def test_coder_fr_operation_against_a_group_is_assault(rules_pipeline):
    text = "Les forces irakiennes ont lancé une opération contre l'État islamique à Mossoul."
    (ev,) = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert ev.source.name == "Iraq" and ev.target is not None and ev.target.name == "Islamic State"


@pytest.mark.parametrize("text", [
    "Les Gilets jaunes ont mené une opération escargot sur l'autoroute.",
    "L'armée a lancé une opération de sauvetage après le séisme.",
])
def test_coder_fr_other_operations_are_no_assault(rules_pipeline, text):
    assert not coded(rules_pipeline, text, "fr", "ASSAULT")
