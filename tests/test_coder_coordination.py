"""Coordinated actors: one event each, partners of a CONSULT/COOPERATE coded once per pair (the first
named as source), coordinated modifiers of one head as two sides, and an "et" inside one name."""

from __future__ import annotations

import pytest

from _coder import coded, of_type, pairs

pytestmark = pytest.mark.slow


def test_coder_fr_group_formed_by_two_groups_one_event_per_pair(rules_pipeline):
    text = "L'ex Jabhat al-Nosra et Ahrar al-Cham ont formé la coalition « Fajr al-Cham » avec plusieurs " \
           "brigades locales."
    assert pairs(coded(rules_pipeline, text, "fr", "COOPERATE")) == {("al-Nusra Front", "Ahrar al-Sham")}


def test_coder_coordinated_names_are_separate_sources(rules_pipeline):
    text = "L'ex Jabhat al-Nosra et Ahrar al-Cham ont formé la coalition « Fajr al-Cham »."
    coop = coded(rules_pipeline, text, "fr", "COOPERATE")  # one event per pair: X -> Y
    names = {e.source.text for e in coop} | {e.target.text for e in coop if e.target is not None}
    assert len(coop) == 1 and len(names) == 2 and not any(" et " in s for s in names)


def test_coder_en_multiword_trigger_governs_preposition_through_any_word(rules_pipeline):
    evs = coded(rules_pipeline, "Egypt and Jordan have been in close contact with one another.", "en")
    assert {e.source.name for e in of_type(evs, "CONSULT")} == {"Egypt"}  # one event per pair: Egypt -> Jordan


def test_coder_fr_coordinated_actors_stay_two(rules_pipeline):
    events = coded(rules_pipeline, "La Belgique et l'Espagne ont condamné l'attaque.", "fr", "ACCUSE")
    assert {e.source.name for e in events} == {"Belgium", "Spain"}


# -- coordinated modifiers sharing a head --------------------------------------------------
def test_coder_en_government_and_opposition_forces_each_deny(rules_pipeline):
    text = "Government and rebel forces have both denied shelling the hospital."
    names = {e.source.name for e in coded(rules_pipeline, text, "en", "REJECT")}
    assert names == {"government", "rebels"}


def test_coder_en_police_and_army_units_are_two_sides_not_a_phrase(rules_pipeline):
    names = {e.source.name for e in coded(rules_pipeline, "Police and army units arrested 20 protesters.", "en",
                                          "COERCE")}
    assert names == {"police", "army"}
