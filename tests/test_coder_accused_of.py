"""English recall pass 3: the act one is accused of, participles on a time adjunct, "allow X to V"
parsed with a subject clause, "fighters from X", backed offensives, advancing into a place, coordinated
modifiers sharing a head, the partner of a phone call after a date, the noun a modifier on "force"
is not. Short news-like sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(rules_pipeline):
    """The argument and sense rules are tested on the rule coder alone; what the learned judge keeps is
    measured by ``make eval``, not asserted here."""
    return rules_pipeline



def analyzed(pipeline, text):
    return pipeline.analyze(Article(id="r3", text=text, language="en", published="2016-01-12"))


def factual(pipeline, text, etype):
    return [e for e in analyzed(pipeline, text).events if e.type == etype and not (e.negated or e.hypothetical)]


# -- "accused X of V-ing": X did V (as the accuser reports it) ---------------------------------
def test_coder_en_accused_of_killing_gives_the_accused_as_source(pipeline):
    text = "The opposition has accused government forces of killing over 300 civilians with poison gas."
    (ev,) = factual(pipeline, text, "ASSAULT")
    assert ev.source.name.lower() == "forces" and ev.target is not None and ev.target.name == "civilians"
    assert "accused-of" in ev.rule


def test_coder_en_blamed_for_gerund(pipeline):
    (ev,) = factual(pipeline, "Washington blamed Moscow for shooting down the airliner.", "ASSAULT")
    assert ev.source.name == "Russia"


def test_coder_en_accused_of_a_non_event_codes_nothing(pipeline):
    events = analyzed(pipeline, "Critics accused the minister of lying to parliament.").events
    assert [e.type for e in events if e.type != "ACCUSE"] == []


def test_coder_en_gerund_complement_is_not_part_of_the_object_span(pipeline):
    text = "The court convicted the former general of ordering the massacre."
    (ev,) = factual(pipeline, text, "SANCTION")
    assert ev.target is not None and ev.target.text == "the former general"


def test_coder_en_noun_forces_does_not_make_a_clause_hypothetical(pipeline):
    """"forces" (the noun) is not the verb "force" of hypothetical_verbs."""
    text = "Rights groups have accused security forces of torturing detainees."
    assert factual(pipeline, text, "ASSAULT")


# -- a participle the parser hung on a time noun ------------------------------------------------
def test_coder_en_participle_on_first_time_takes_the_clause_subject(pipeline):
    text = "Militants have pushed deep into the province for the first time seizing a string of villages."
    (ev,) = factual(pipeline, text, "ASSAULT")
    assert ev.source.name == "militants" and ev.trigger.text == "seizing"


def test_coder_en_participle_on_time_noun_negative(pipeline):
    text = "The central bank raised rates for the first time in a decade, forcing lenders to cut loans."
    assert analyzed(pipeline, text).events == ()


# -- "allow X to V" read as "allow [X to V]" -------------------------------------------------
def test_coder_en_would_allow_inspectors_is_a_promise_of_access(pipeline):
    text = "The government said it would allow U.N. inspectors to visit the affected areas."
    (ev,) = factual(pipeline, text, "AGREE")
    assert ev.source.name == "government" and ev.target is not None and "inspectors" in ev.target.text
    assert ev.rule.startswith("en.RETREAT.") and ev.rule.endswith(".promise")


def test_coder_en_allowed_a_person_to_act_is_a_concession(pipeline):
    text = "The interior minister allowed opposition leader Imran Khan to hold a rally in Lahore."
    (ev,) = factual(pipeline, text, "CONCEDE")
    assert ev.target is not None and ev.target.name == "Imran Khan" and ev.mode == "ease"


def test_coder_en_allow_without_an_actor_object_codes_no_concession(pipeline):
    text = "The ceasefire allowed the talks to resume."
    assert not factual(pipeline, text, "CONCEDE") and not factual(pipeline, text, "AGREE")


# -- "fighters from X", backed offensives ------------------------------------------------------
def test_coder_en_fighters_from_a_named_group_stand_for_it(pipeline):
    (ev,) = factual(pipeline, "Fighters from Hezbollah attacked the town on Monday.", "ASSAULT")
    assert ev.source.name == "Hezbollah" and ev.rule.startswith("en.ASSAULT.verb.nsubj-from")


def test_coder_en_troops_from_a_country_are_not_its_state(pipeline):
    events = factual(pipeline, "Troops from Chad attacked the town on Monday.", "ASSAULT")
    assert events and all(e.source.name != "Chad" for e in events)


def test_coder_en_backed_offensive_is_military_aid_to_its_owner(pipeline):
    text = "The government advance was backed by fighters from the Lebanese group Hezbollah."
    (ev,) = factual(pipeline, text, "AID")
    assert ev.source.name == "Hezbollah" and ev.mode == "military"
    assert ev.target is not None and "owner" in ev.rule


def test_coder_en_backed_plan_is_no_aid(pipeline):
    assert not factual(pipeline, "The plan was backed by most lawmakers.", "AID")


# -- advancing into a place ------------------------------------------------------------------
def test_coder_en_rebels_advanced_into_a_city(pipeline):
    (ev,) = factual(pipeline, "Rebels advanced into Aleppo in 2012.", "ASSAULT")
    assert ev.source.name == "rebels"


def test_coder_en_advance_needs_an_armed_subject(pipeline):
    assert analyzed(pipeline, "Shares advanced into positive territory in afternoon trading.").events == ()


# -- coordinated modifiers sharing a head --------------------------------------------------
def test_coder_en_government_and_opposition_forces_each_deny(pipeline):
    text = "Government and opposition forces have both denied using chemical weapons."
    names = {e.source.name for e in factual(pipeline, text, "REJECT")}
    assert names == {"government", "opposition"}


def test_coder_en_police_and_army_units_are_two_sides_not_a_phrase(pipeline):
    names = {e.source.name for e in factual(pipeline, "Police and army units arrested 20 protesters.", "COERCE")}
    assert names == {"police", "army"}


# -- the partner of a phone call after a date ------------------------------------------------
def test_coder_en_phone_call_partner_after_a_date_on_the_noun(pipeline):
    text = "The French president said in a phone call on Monday with Vladimir Putin that talks must resume."
    (ev,) = factual(pipeline, text, "CONSULT")
    assert ev.target is not None and ev.target.name == "Vladimir Putin"


def test_coder_en_phone_call_partner_on_the_verb(pipeline):
    text = "Merkel spoke in a phone call late on Friday with the Russian president."
    (ev,) = factual(pipeline, text, "CONSULT")
    assert ev.source.name == "Angela Merkel" and ev.target is not None and ev.target.name == "Vladimir Putin"
    assert "manner-with" in ev.rule
