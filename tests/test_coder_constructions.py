"""Constructions the tagger or the parser misreads, and the readings the coder repairs: verb forms
tagged as nouns or given the wrong lemma, a name split at its hyphen, a clitic or a parenthesis before
the verb, "to" before an infinitive, a participle hung on a time noun, "allow X to V" read as
"allow [X to V]"."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, of_type

pytestmark = pytest.mark.slow


# -- tagger repairs -------------------------------------------------------------------------------
def test_coder_fr_unlemmatized_conditional_is_a_verb(rules_pipeline):
    text = "Les insurgés ne contrôlent que quelques quartiers alors que les diplomates russes et américains " \
           "négocieraient leur reddition."
    evs = coded(rules_pipeline, text, "fr")
    pairs = {(e.source.name, e.target.name if e.target else None) for e in of_type(evs, "CONSULT")}
    assert pairs == {("Russia", "United States")}  # one event per pair, the first named as source


def test_coder_fr_present_misread_as_ir_verb_tries_er_verb(rules_pipeline):
    evs = coded(rules_pipeline, "Ses alliés américains pressent les Kurdes à s'implanter dans la région.", "fr")
    (ev,) = of_type(evs, "REQUEST")
    assert ev.source.name == "United States" and ev.target is not None and "Kurd" in ev.target.name


def test_coder_fr_pressentir_keeps_its_own_sense(rules_pipeline):
    evs = coded(rules_pipeline, "Le ministre pressent une crise grave.", "fr")
    assert not of_type(evs, "REQUEST")


def test_coder_fr_infinitive_tagged_as_noun(rules_pipeline):
    text = "Malgré tout, l'aviation syrienne et russe réussissent à ravitailler les combattants."
    (ev,) = coded(rules_pipeline, text, "fr", "AID")
    assert ev.source.name == "Syria" and ev.target is not None


def test_coder_en_us_is_not_the_pronoun_us(rules_pipeline):
    evs = coded(rules_pipeline, "The US on Thursday rejected calls by Kofi Annan to adopt reforms.", "en")
    (ev,) = of_type(evs, "REJECT")
    assert ev.source.name == "United States"


def test_coder_en_infinitive_to_is_a_particle(rules_pipeline):
    evs = coded(rules_pipeline, "Vice-President Moody Awori has declined to resign.", "en")
    (ev,) = of_type(evs, "REJECT")
    assert ev.source.name == "Moody Awori"


# -- subjects the parser loses ----------------------------------------------------------------------
def test_coder_fr_split_name_before_verb_is_repaired(rules_pipeline):
    evs = coded(rules_pipeline, "La semaine dernière, le Royaume-Uni a déjà expulsé 23 diplomates russes.", "fr")
    (ev,) = [e for e in evs if e.type == "SANCTION"]
    assert ev.mode == "expel" and "Uni" in ev.source.text


def test_coder_fr_clitic_before_verb_does_not_hide_subject(rules_pipeline):
    evs = coded(rules_pipeline, "Le 11 décembre, la ville entière est prise et l'armée débordée se retire.", "fr")
    assert [e for e in evs if e.type == "RETREAT" and "armée" in e.source.text]


@pytest.mark.parametrize("text,source", [
    ("Palmyre est devenue un symbole quand l'État islamique (Daech) l'a conquise en mai 2015.", "Islamic State"),
    ("Selon l'armée, les Forces démocratiques syriennes (FDS) ont attaqué la ville mardi.",
     "Syrian Democratic Forces"),
])
def test_coder_fr_subject_before_a_parenthesis_and_an_object_clitic(rules_pipeline, text, source):
    found = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert found and found[0].source is not None and found[0].source.name == source


# -- a participle on a time noun ---------------------------------------------------------------------
def test_coder_en_participle_on_first_time_takes_the_clause_subject(rules_pipeline):
    text = "Militants have pushed deep into the province for the first time seizing a string of villages."
    (ev,) = coded(rules_pipeline, text, "en", "ASSAULT")
    assert ev.source.name == "militants" and ev.trigger.text == "seizing"


def test_coder_en_participle_on_time_noun_negative(rules_pipeline):
    text = "The central bank raised rates for the first time in a decade, forcing lenders to cut loans."
    assert analyze(rules_pipeline, text, "en").events == ()


# -- "allow X to V" read as "allow [X to V]" -------------------------------------------------
def test_coder_en_would_allow_inspectors_is_a_promise_of_access(rules_pipeline):
    text = "The government said it would allow U.N. inspectors to visit the affected areas."
    (ev,) = coded(rules_pipeline, text, "en", "AGREE")
    assert ev.source.name == "government" and ev.target is not None and "inspectors" in ev.target.text
    assert ev.rule.startswith("en.RETREAT.") and ev.rule.endswith(".promise")


def test_coder_en_allowed_a_person_to_act_is_a_concession(rules_pipeline):
    text = "The interior minister allowed opposition leader Imran Khan to hold a rally in Lahore."
    (ev,) = coded(rules_pipeline, text, "en", "CONCEDE")
    assert ev.target is not None and ev.target.name == "Imran Khan" and ev.mode == "ease"


def test_coder_en_allow_without_an_actor_object_codes_no_concession(rules_pipeline):
    text = "The ceasefire allowed the talks to resume."
    assert not coded(rules_pipeline, text, "en", "CONCEDE") and not coded(rules_pipeline, text, "en", "AGREE")
