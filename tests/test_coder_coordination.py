"""Coordinated actors: one event each, partners of a CONSULT/COOPERATE coded once per pair (the first
named as source), coordinated modifiers of one head as two sides, and an "et" inside one name."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, pairs

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


@pytest.mark.parametrize("lang, text, etype, sources", [
    pytest.param("en", "Egypt and Jordan have been in close contact with one another.", "CONSULT", {"Egypt"},
                 id="multiword_trigger_governs_preposition_through_any_word"),  # one event per pair: Egypt -> Jordan
    pytest.param("fr", "La Belgique et l'Espagne ont condamné l'attaque.", "ACCUSE", {"Belgium", "Spain"},
                 id="coordinated_actors_stay_two"),
    # coordinated modifiers sharing a head
    pytest.param("en", "Government and rebel forces have both denied shelling the hospital.", "REJECT",
                 {"government", "rebels"}, id="government_and_rebel_forces_each_deny"),
    pytest.param("en", "Police and army units arrested 20 protesters.", "COERCE", {"police", "army"},
                 id="police_and_army_units_are_two_sides_not_a_phrase"),
    # coordinated "de" complements of one head: one side each, wherever the parser hangs the second
    pytest.param("fr", "Les forces du Mali et du Burkina Faso ont attaqué un camp.", "ASSAULT",
                 {"Mali", "Burkina Faso"}, id="forces_of_two_states_are_two_sources"),
    pytest.param("fr", "La coalition des armées du Tchad et du Niger a repoussé les djihadistes.", "ASSAULT",
                 {"Chad", "Niger"}, id="armies_of_two_states_under_one_head"),
    pytest.param("fr", "Les ministres de la France et de l'Allemagne ont condamné l'attaque.", "ACCUSE",
                 {"France", "Germany"}, id="partitive_de_before_the_second_complement"),
])
def test_coder_coordinated_actors_are_sources_of_their_own(rules_pipeline, lang, text, etype, sources):
    assert {e.source.name for e in coded(rules_pipeline, text, lang, etype)} == sources


# -- coordinated modifiers sharing a head --------------------------------------------------


def test_coder_states_agreeing_together_are_one_agreement_per_pair(rules_pipeline):
    text = "Chile and Peru agreed on Monday on a new fishing boundary."
    assert pairs(coded(rules_pipeline, text, "en", "AGREE")) == {("Chile", "Peru")}


@pytest.mark.parametrize("text, etype, expected", [
    pytest.param("The foreign ministers of Chile and Peru met in Quito on Tuesday.", "CONSULT", {("Chile", "Peru")},
                 id="ministers_of_two_states_meet_each_other"),
    pytest.param("The leaders of the United States and Cuba signed a fisheries accord in Havana.", "AGREE",
                 {("United States", "Cuba")}, id="leaders_of_two_states_sign_together"),
])
def test_coder_en_coordinated_of_complements_are_two_parties(rules_pipeline, text, etype, expected):
    assert pairs(coded(rules_pipeline, text, "en", etype)) == expected


@pytest.mark.parametrize("text, sources", [
    # the parser joins "the Levant" to the head of the phrase: the coordination is inside one known name
    pytest.param("Fighters of the Islamic State of Iraq and the Levant executed four men in Deir ez-Zor on Tuesday.",
                 {"Islamic State"}, id="a_name_that_holds_and"),
    pytest.param("France and Germany condemned the attack on the embassy.", {"France", "Germany"},
                 id="two_names_coordinated"),
])
def test_coder_coordination_inside_a_known_name_is_one_actor(rules_pipeline, text, sources):
    found = [e for e in analyze(rules_pipeline, text, "en").events if e.source]
    assert {e.source.name for e in found} == sources
