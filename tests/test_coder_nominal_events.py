"""Event nouns and the verbs that carry them: support verbs ("lancer une offensive", "declared a
ceasefire") give the noun their subject, a statement verb yields to the noun's own author, taking part
("participer à", "be involved in") makes the participant the source, and military operations."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, of_type
from eventwire.records import Article

pytestmark = pytest.mark.slow


# -- support verbs ------------------------------------------------------------------------------
def test_coder_fr_support_verb_with_object_misread_as_oblique(rules_pipeline):
    text = "Les forces turques ont ensuite mené début mars une offensive depuis la région d'Idleb vers Alep."
    evs = coded(rules_pipeline, text, "fr")
    (ev,) = of_type(evs, "ASSAULT")
    assert "turques" in ev.source.text and ev.rule.endswith(".light-verb")


@pytest.mark.parametrize("text, lang, etype, source", [
    ("Le préfet a prolongé jusqu'à dimanche le couvre-feu nocturne à Cayenne.", "fr", "COERCE", "préfet"),
    ("La junte a durci mardi les restrictions de circulation à Niamey.", "fr", "COERCE", "junte"),
    ("The navy said on Monday it had tightened the blockade of the port.", "en", "COERCE", "navy"),
])
def test_coder_extending_or_tightening_a_measure_is_the_measure_by_the_subject(rules_pipeline, text, lang, etype,
                                                                               source):
    events = coded(rules_pipeline, text, lang, etype)
    assert events and source in events[0].source.text and ".light-verb" in events[0].rule


def test_coder_en_support_verb_reaches_event_noun_in_compound_or_time_measure(rules_pipeline):
    text = "UN envoy Ahmed Salem undertook a mediation mission between Sudan and South Sudan."
    evs = coded(rules_pipeline, text, "en")
    (ev,) = of_type(evs, "CONSULT")
    assert "Salem" in ev.source.text and ev.mode == "mediate"
    evs = coded(rules_pipeline, "Italian and Greek warships launched 12 days of war games off Crete.",
                "en")
    assert {e.source.name for e in of_type(evs, "COOPERATE")} == {"Italy"}  # one event per pair: Italy -> Greece


def test_coder_declaring_a_ceasefire_is_a_support_verb(rules_pipeline):
    evs = coded(rules_pipeline, "Le Hamas a déclaré une trêve unilatérale.", "fr")
    (ev,) = of_type(evs, "RETREAT")
    assert ev.source.name == "Hamas" and ev.mode == "ceasefire"
    text = "The Houthi movement declared a unilateral ceasefire after 20 days of battles with government forces."
    evs = coded(rules_pipeline, text, "en")
    assert of_type(evs, "RETREAT") and not of_type(evs, "ASSAULT")  # "after days of battles" is a time frame


def test_coder_announcer_is_not_the_author_of_a_named_act(rules_pipeline):
    evs = coded(rules_pipeline, "Le ministère a annoncé l'attaque des rebelles contre la ville.", "fr")
    (ev,) = of_type(evs, "ASSAULT")
    assert ev.source.name == "rebels"
    evs = coded(rules_pipeline, "L'agence de presse Reuters a annoncé l'arrestation de 9 militants présumés.",
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
    text = "L'implication de l'Iran dans cet assassinat paraît désormais certaine."
    evs = coded(rules_pipeline, text, "fr")
    (ev,) = of_type(evs, "ASSAULT")
    assert ev.source.name == "Iran" and ev.rule.endswith(".participation")


def test_coder_en_involved_in_passive_subject_is_the_source(rules_pipeline):
    evs = coded(rules_pipeline, "Hamas was involved in the fighting.", "en")
    (ev,) = of_type(evs, "ASSAULT")
    assert ev.source.name == "Hamas"


# -- military operations ------------------------------------------------------------------------
def test_coder_fr_named_operation_of_an_army_is_assault(rules_pipeline):
    text = "L'armée irakienne, en coopération avec les forces kurdes, a lancé l'opération " \
           "« Lion du désert » avant l'aube."
    (ev,) = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert ev.source.name == "Iraq"


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


# -- an act laid on someone: "blamed the bombing on X" ---------------------------------------------
@pytest.mark.parametrize("lang, text, source", [
    pytest.param("en", "Police blamed the bombing on the rebels.", "rebels", id="en-blame-on-hung-on-the-noun"),
    pytest.param("en", "Officials attributed the attack on the bridge to urban guerrillas.", "guerrillas",
                 id="en-attribute-to-keeps-the-target"),
    pytest.param("fr", "Le gouvernement a imputé l'attentat aux rebelles du MNLA.", "rebelles du MNLA",
                 id="fr-imputer-a"),
])
def test_coder_the_one_an_act_is_blamed_on_is_its_source(rules_pipeline, lang, text, source):
    (ev,) = coded(rules_pipeline, text, lang, "ASSAULT")
    assert ev.source is not None and source in ev.source.text
    assert ev.target is None or ev.target.text != ev.source.text  # the one blamed is not also the target
    assert coded(rules_pipeline, text, lang, "ACCUSE")  # the blaming is its own event


def test_coder_blamed_on_leaves_the_target_of_the_attack(rules_pipeline):
    (ev,) = coded(rules_pipeline, "Officials attributed the attack on the bridge to urban guerrillas.", "en",
                  "ASSAULT")
    assert ev.target is not None and "bridge" in ev.target.text


@pytest.mark.parametrize("lang, text", [
    pytest.param("fr", "Les forces armées se déploient dans les régions inondées.", id="fr-se-deployer"),
    pytest.param("en", "The army deployed along the northern border on Tuesday.", id="en-intransitive-deploy"),
])
def test_coder_troops_deploying_themselves_mobilize(rules_pipeline, lang, text):
    (ev,) = coded(rules_pipeline, text, lang, "MOBILIZE")
    assert ev.mode == "troops" and ev.source is not None


@pytest.mark.parametrize("text, source", [
    pytest.param("Le préfet a annoncé lundi le renfort de 25 policiers.", "Le préfet", id="the-clause-subject-sends"),
])
def test_coder_fr_forces_sent_are_not_the_sender(rules_pipeline, text, source):
    (ev,) = coded(rules_pipeline, text, "fr", "MOBILIZE")
    assert ev.source is not None and ev.source.text == source


def test_coder_fr_who_receives_forces_does_not_send_them(rules_pipeline):
    for ev in coded(rules_pipeline, "Le maire a reçu jeudi le renfort de 40 gendarmes.", "fr", "MOBILIZE"):
        assert ev.source is None or "maire" not in ev.source.text


def test_coder_fr_forces_of_a_named_country_stay_the_source(rules_pipeline):
    (ev,) = coded(rules_pipeline, "La presse évoque l'envoi de 300 soldats français au Niger.", "fr", "MOBILIZE")
    assert ev.source is not None and ev.source.name == "France"


def test_a_month_is_no_march(rules_pipeline):
    text = "The governor imposed a night curfew on 1 March 2021 in Macina after clashes near the town."
    a = rules_pipeline.analyze(Article(id="t", text=text, language="en", published="2021-03-03"))
    assert not [e for e in a.events if e.trigger.text == "March"]
    assert any(r.trigger.text == "March" and "part of a date" in r.reason for r in a.rejections)


@pytest.mark.parametrize("text,words", [
    ("Les cheminots ont observé mardi une grève de 24 heures.", "Les cheminots"),
    ("Les salariés de la raffinerie ont reconduit jeudi la grève pour 48 heures.", "Les salariés de la raffinerie"),
])
def test_coder_fr_a_strike_observed_or_renewed_is_its_subjects(pipeline, text, words):
    (ev,) = [e for e in coded(pipeline, text, "fr") if e.type == "PROTEST"]
    assert ev.source is not None and ev.source.text == words and ev.mode == "strike"


def test_coder_fr_support_verb_of_an_exercise_spelled_oe_is_no_attack(pipeline):
    # "lancer des manoeuvres": the noun tells the act (joint exercises), the verb is no launch of weapons
    text = "Les marines grecque et chypriote ont lancé des manoeuvres conjointes en mer Égée."
    evs = analyze(pipeline, text, "fr").events
    assert [e for e in evs if e.type == "COOPERATE"], [(e.type, e.trigger.text) for e in evs]
    assert not [e for e in evs if e.type == "ASSAULT"], [(e.type, e.trigger.text) for e in evs]
