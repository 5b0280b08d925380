"""Phrases that name the two parties of an article together ("both sides", "the two ministers", "the
envoys of both countries") stand for the two actors the article last named together ("X and Y")."""

from __future__ import annotations

import pytest

from _coder import coded, pairs

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, expected", [
    pytest.param("Chile and Peru held a round of border talks in Lima on Monday. Both sides agreed to hold "
                 "monthly meetings.", "AGREE", {("Chile", "Peru")}, id="both_sides"),
    pytest.param("The trade ministers of Norway and Iceland opened a fisheries conference in Oslo. The two "
                 "ministers signed a protocol on cod quotas.", "AGREE", {("Norway", "Iceland")},
                 id="the_two_ministers"),
    pytest.param("Kenya and Ethiopia reopened their border on Monday. The interior ministers of both "
                 "countries met in Moyale on Tuesday.", "CONSULT", {("Kenya", "Ethiopia")},
                 id="ministers_of_both_countries"),
])
def test_coder_pair_phrase_stands_for_the_two_parties(rules_pipeline, text, etype, expected):
    assert pairs(coded(rules_pipeline, text, "en", etype)) == expected  # one event per pair of partners


def test_coder_two_soldiers_are_no_pair(rules_pipeline):
    text = "Chile and Peru held talks in Lima. Two soldiers were wounded when rebels attacked a post."
    assert all(e.source is None or e.source.name not in ("Chile", "Peru")
               for e in coded(rules_pipeline, text, "en", "ASSAULT"))


@pytest.mark.parametrize("text, lang, etype, expected", [
    pytest.param("Le Tchad et le Niger ont rouvert leur frontière lundi. Les ministres de l'Intérieur des deux "
                 "pays se sont rencontrés mardi à N'Djamena.", "fr", "CONSULT", {"TCD"},  # with Niger as partner
                 id="fr_ministres_des_deux_pays"),
    pytest.param("Des soldats thaïlandais et cambodgiens se sont affrontés lundi près d'un temple. Chaque camp "
                 "accuse l'autre d'avoir tiré le premier.", "fr", "ACCUSE", {"THA", "KHM"},
                 id="fr_chaque_camp"),
    pytest.param("Kenyan and Ugandan police clashed on Lake Victoria on Sunday. Each side accused the other of "
                 "crossing the border.", "en", "ACCUSE", {"KEN", "UGA"}, id="each_side"),
])
def test_coder_pair_or_each_of_the_pair_is_both_parties(rules_pipeline, text, lang, etype, expected):
    events = coded(rules_pipeline, text, lang, etype)
    assert {e.source.country for e in events} == expected  # one event per party (per pair when mutual)
    assert all(e.target is None or e.target.country not in (None, e.source.country) for e in events)


def test_coder_pair_of_the_two_states_the_sentence_before_names(rules_pipeline):
    """No "X and Y" before: the two states the sentence before names stand for "the two governments"."""
    text = ("The Kenyan foreign minister received his Tanzanian counterpart in Nairobi on Monday with the "
            "Tanzanian trade minister. The two governments signed a fisheries accord.")
    assert pairs(coded(rules_pipeline, text, "en", "AGREE")) == {("Kenya", "Tanzania")}  # mutual: one per pair


def test_coder_french_count_without_article_names_no_pair(rules_pipeline):
    text = ("La Chine et le Japon ont tenu des pourparlers à Pékin. Deux groupes armés ont attaqué un poste "
            "de police lundi.")
    assert all(e.source is None or e.source.name not in ("China", "Japan")
               for e in coded(rules_pipeline, text, "fr", "ASSAULT"))
