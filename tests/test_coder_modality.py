"""Modality: implicative verbs in a completed past are factual; ended acts are not new acts."""

from __future__ import annotations

import pytest

from eventwire.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(rules_pipeline):
    """The argument and sense rules are tested on the rule coder alone; what the learned judge keeps is
    measured by ``make eval``, not asserted here."""
    return rules_pipeline



def analyze(pipeline, text, lang):
    return pipeline.analyze(Article(id="m", text=text, language=lang, published="2016-05-02")).events


def test_coder_fr_completed_convaincre_de_makes_the_act_factual(pipeline):
    evs = analyze(pipeline, "La Turquie a convaincu les Américains de retirer leur soutien aux Kurdes.", "fr")
    (ev,) = [e for e in evs if e.type == "SANCTION"]
    assert not ev.hypothetical and ev.source.name == "United States"


def test_coder_fr_future_permettre_de_stays_hypothetical(pipeline):
    evs = analyze(pipeline, "Ce soutien aérien permettra de repousser les djihadistes hors de la ville.", "fr")
    assert all(e.hypothetical or e.negated for e in evs if e.type == "ASSAULT")


def test_coder_fr_a_du_demissionner_happened(pipeline):
    evs = analyze(pipeline, "Le ministre a dû démissionner après le scandale.", "fr")
    assert [e for e in evs if e.type == "RETREAT" and e.mode == "resign" and not e.hypothetical]


def test_coder_fr_conditional_devoir_stays_hypothetical(pipeline):
    evs = analyze(pipeline, "Le ministre devrait démissionner.", "fr")
    assert all(e.hypothetical for e in evs if e.type == "RETREAT")


def test_coder_en_forced_to_withdraw_happened(pipeline):
    evs = analyze(pipeline, "Heavy fighting forced the rebels to withdraw from the town.", "en")
    assert [e for e in evs if e.type == "RETREAT" and not e.hypothetical and "rebels" in e.source.text]


def test_coder_fr_withdrawn_support_is_not_a_new_act_of_support(pipeline):
    evs = analyze(pipeline, "Les États-Unis ont retiré leur soutien aux Kurdes.", "fr")
    assert [e for e in evs if e.type == "SANCTION" and not e.negated]
    assert all(e.negated for e in evs if e.type == "AID")


def test_coder_fr_aucun_on_the_governing_object_negates(pipeline):
    evs = analyze(pipeline, "Les pays voisins ne montrent aucun empressement à sanctionner le régime.", "fr")
    assert all(e.negated for e in evs if e.type == "SANCTION")


def test_coder_fr_negated_governor_negates_the_complement(pipeline):
    evs = analyze(pipeline, "La Russie n'a pas voulu attaquer la ville.", "fr")
    assert all(e.negated for e in evs if e.type == "ASSAULT")


def test_coder_fr_n_a_pas_hesite_a_keeps_the_act(pipeline):
    evs = analyze(pipeline, "L'armée n'a pas hésité à bombarder les quartiers rebelles.", "fr")
    assert [e for e in evs if e.type == "ASSAULT" and not e.negated]


def test_coder_en_announced_hostile_act_is_a_threat_by_its_author(pipeline):
    evs = analyze(pipeline, "Pakistan said it would expel two Indian diplomats.", "en")
    (threat,) = [e for e in evs if e.type == "THREATEN"]
    assert threat.source.name == "Pakistan" and threat.mode == "expel" and threat.rule.endswith(".threat")
    assert all(e.hypothetical for e in evs if e.type == "SANCTION")


def test_coder_en_third_party_forecast_is_not_a_threat(pipeline):
    evs = analyze(pipeline, "Analysts said the army would attack the town next week.", "en")
    assert not [e for e in evs if e.type == "THREATEN"]


def test_coder_fr_future_hostile_act_reported_by_its_author_is_a_threat(pipeline):
    evs = analyze(pipeline, "Le gouvernement a annoncé qu'il expulsera les diplomates russes.", "fr")
    assert [e for e in evs if e.type == "THREATEN" and not e.hypothetical]


def test_coder_en_negated_acceptance_is_a_rejection(pipeline):
    evs = analyze(pipeline, "The government did not accept the proposal.", "en")
    (rej,) = [e for e in evs if e.type == "REJECT"]
    assert not rej.negated and rej.rule.endswith(".refusal")
    assert all(e.negated for e in evs if e.type == "AGREE")


def test_coder_refused_acceptance_is_not_doubled(pipeline):
    evs = analyze(pipeline, "The rebels refused to accept the deal.", "en")
    assert len([e for e in evs if e.type == "REJECT"]) == 1


def test_coder_fr_negative_subject_negates(pipeline):
    evs = analyze(pipeline, "Personne n'a démenti cette information.", "fr")
    assert evs and all(e.negated for e in evs if e.type == "REJECT")


@pytest.mark.parametrize("lang,text,trigger", [
    ("fr", "La coalition en profite alors pour frapper des camions citernes de l'État islamique.", "frapper"),
    ("en", "The rebels used the lull to attack an army checkpoint near the border.", "attack"),
])
def test_coder_purpose_after_seizing_a_chance_is_what_was_done(pipeline, lang, text, trigger):
    evs = [e for e in analyze(pipeline, text, lang) if trigger in e.trigger.text]
    assert evs and not evs[0].hypothetical


def test_coder_fr_plain_purpose_stays_hypothetical(pipeline):
    evs = analyze(pipeline, "L'armée a envoyé des renforts pour attaquer la ville.", "fr")
    assert [e for e in evs if e.trigger.text.startswith("attaquer") and e.hypothetical]
