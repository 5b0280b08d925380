"""A talk, a cooperation or an accord "between A and B" has A and B as its partners; a mediation "between
A and B" by X is X's, with A as its target (coded once, as the partners of a talk)."""

from __future__ import annotations

import pytest

from _coder import coded, pairs

pytestmark = pytest.mark.slow


def test_coder_talks_between_two_states_are_theirs(rules_pipeline):
    text = "Talks between Chile and Peru opened in Lima on Monday."
    assert pairs(coded(rules_pipeline, text, "en", "CONSULT")) == {("Chile", "Peru")}


def test_coder_mediation_between_two_states_targets_the_first(rules_pipeline):
    # coded once, like the partners of a talk: the mediator -> the first party named
    text = "The Norwegian foreign minister launched a mediation effort between Chile and Peru on Sunday."
    found = coded(rules_pipeline, text, "en", "CONSULT")
    assert {(e.source.country, e.target.name if e.target else None) for e in found} == {("NOR", "Chile")}


def test_coder_between_is_not_a_place_span(rules_pipeline):
    text = "Fighting broke out between the border towns of Kidal and Gao on Monday."
    assert coded(rules_pipeline, text, "en", "CONSULT") == []


def test_coder_french_talks_between_two_states_are_theirs(rules_pipeline):
    text = "Des négociations entre le Mali et l'Algérie se sont ouvertes jeudi à Alger."
    assert pairs(coded(rules_pipeline, text, "fr", "CONSULT")) == {("Mali", "Algeria")}


# -- a fight between two armed sides: each side attacks the other ---------------------------------
@pytest.mark.parametrize("lang, text, sides", [
    pytest.param("en", "Heavy fighting broke out between the Nigerien army and ISWAP fighters near Diffa on Tuesday.",
                 ("Niger", "Islamic State West Africa Province"), id="en_fighting_broke_out_between"),
    pytest.param("fr", "De violents combats ont éclaté lundi entre l'armée tchadienne et les rebelles du FACT près de "
                 "Mao.", ("Chad", "FACT"), id="fr_combats_entre"),
])
def test_coder_fight_between_two_armed_sides_is_two_assaults(rules_pipeline, lang, text, sides):
    a, b = sides
    found = coded(rules_pipeline, text, lang, "ASSAULT")
    assert pairs(found) == {(a, b), (b, a)} and all("mutual" in e.rule for e in found)


@pytest.mark.parametrize("lang, text", [
    # police against a crowd is no fight of two armed sides
    pytest.param("fr", "Des affrontements entre des manifestants et la police ont fait trois blessés à Dakar.",
                 id="fr_crowd_and_police"),
    # the battle is the setting of the wounding, not the news
    pytest.param("en", "A soldier was wounded during a battle between the army and ISWAP near Monguno.",
                 id="en_setting_of_a_wounding"),
])
def test_coder_fight_that_is_no_two_sided_news_is_not_doubled(rules_pipeline, lang, text):
    assert not any("mutual" in e.rule for e in coded(rules_pipeline, text, lang, "ASSAULT"))
