"""Political SUPPORT or material AID: the senses of support nouns ("soutien", "support"), who gives
the help named in a comitative ("with the support of X"), backing and training."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, facts, of_type

pytestmark = pytest.mark.slow


# -- support nouns: political SUPPORT, material AID, combat support no event -------------------
def test_coder_fr_plain_soutien_is_political_support(rules_pipeline):
    text = "Bénéficiant du soutien de la chancelière allemande Angela Merkel, Juncker a été élu."
    evs = coded(rules_pipeline, text, "fr")
    assert of_type(evs, "SUPPORT") and not of_type(evs, "AID")


def test_coder_fr_soutien_to_armed_group_is_aid(rules_pipeline):
    evs = coded(rules_pipeline, "La Russie apporte son soutien aux rebelles.", "fr")
    (ev,) = of_type(evs, "AID")
    assert ev.source.name == "Russia" and ev.mode == "military" and not of_type(evs, "SUPPORT")


def test_coder_fr_material_modifier_makes_soutien_aid(rules_pipeline):
    evs = coded(rules_pipeline, "Le Qatar a annoncé un soutien financier au gouvernement libanais.", "fr")
    (ev,) = of_type(evs, "AID")
    assert ev.source.name == "Qatar" and ev.mode == "economic"


def test_coder_fr_air_support_is_no_aid(rules_pipeline):
    text = "Les miliciens ont repris le port grâce à un soutien aérien égyptien."
    a = analyze(rules_pipeline, text, "fr")
    evs = facts(a.events)
    assert not of_type(evs, "AID") and not of_type(evs, "SUPPORT")
    assert any("combat support" in r.reason for r in a.rejections)


def test_coder_en_air_support_is_no_event(rules_pipeline):
    evs = coded(rules_pipeline, "Government troops advanced on the town with Russian air support.", "en")
    assert not of_type(evs, "AID") and not of_type(evs, "SUPPORT")


# -- the helper named in a comitative ----------------------------------------------------------
def test_coder_en_support_with_helper_goes_to_helper_not_subject(rules_pipeline):
    a = analyze(rules_pipeline, "Israel launched its offensive with the support of the United States.", "en")
    sup = [e for e in a.events if e.type in ("SUPPORT", "AID")]
    assert sup and all(e.source.name == "United States" for e in sup)


def test_coder_fr_help_from_non_actor_is_not_the_subjects_aid(rules_pipeline):
    a = analyze(rules_pipeline, "La police a attrapé le tueur avec l'aide financière de renforts.", "fr")
    assert not of_type(a.events, "AID")


# -- backing and training -------------------------------------------------------------------------
def test_coder_rebels_backed_by_a_state_is_military_aid(rules_pipeline):
    evs = coded(rules_pipeline, "Les milices soutenues par l'Iran sont proches du Hezbollah.", "fr")
    (aid,) = [e for e in evs if e.type == "AID"]
    assert aid.source.name == "Iran" and aid.mode == "military" and aid.target is not None


def test_coder_en_backed_offensive_is_military_aid_to_its_owner(rules_pipeline):
    text = "The army advance was backed by militiamen from the Palestinian group Hamas."
    (ev,) = coded(rules_pipeline, text, "en", "AID")
    assert ev.source.name == "Hamas" and ev.mode == "military"
    assert ev.target is not None and "owner" in ev.rule


@pytest.mark.parametrize("text", [
    pytest.param("The plan was backed by most lawmakers.", id="backed_plan_is_no_aid"),
    pytest.param("Belarus has trained more than 600 officers able to lead special operations.",
                 id="training_own_unnamed_personnel_is_no_aid"),
])
def test_coder_en_backing_or_training_without_a_beneficiary_is_no_aid(rules_pipeline, text):
    assert not coded(rules_pipeline, text, "en", "AID")


def test_coder_en_training_a_named_group_is_aid(rules_pipeline):
    (ev,) = coded(rules_pipeline, "The United States has trained Syrian rebels.", "en", "AID")
    assert ev.source.name == "United States"


@pytest.mark.parametrize("text, etype", [
    ("Le Japon a annoncé jeudi l'envoi de tentes, de vivres et de couvertures aux sinistrés du Népal.", "AID"),
    ("La Roumanie a dépêché une quarantaine de pompiers en Grèce pour lutter contre les incendies.", "AID"),
    ("La France a envoyé deux cents soldats au Tchad.", "MOBILIZE"),
    ("Le gouvernement a annoncé l'envoi de renforts à Mayotte.", "MOBILIZE"),
])
def test_coder_fr_sending_relief_is_aid_sending_troops_is_mobilize(rules_pipeline, text, etype):
    """What is sent decides: relief goods and rescuers are aid, soldiers are a deployment (a count the parser
    reads as the noun, "deux cents soldats", still counts soldiers)."""
    events = coded(rules_pipeline, text, "fr")
    assert etype in {e.type for e in events} and not ({"AID", "MOBILIZE"} - {etype}) & {e.type for e in events}
