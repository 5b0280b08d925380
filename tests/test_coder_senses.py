"""Sense routing and non-event uses of trigger nouns."""

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
    return pipeline.analyze(Article(id="s", text=text, language=lang, published="2016-05-02"))


def test_coder_fr_classifier_noun_is_not_an_event(pipeline):
    a = analyze(pipeline, "Un avion de combat russe s'est écrasé en Syrie.", "fr")
    assert not [e for e in a.events if e.type == "ASSAULT"]
    assert [r for r in a.rejections if r.reason.startswith("not an event")]


def test_coder_fr_role_apposition_is_not_an_event(pipeline):
    a = analyze(pipeline, "Le député Yann Dupont, soutien de la candidate, a démissionné.", "fr")
    assert not [e for e in a.events if e.type in ("AID", "SUPPORT")]


def test_coder_fr_crowd_gathering_is_not_a_meeting(pipeline):
    a = analyze(pipeline, "Des milliers de personnes se sont réunies devant la mairie.", "fr")
    assert not [e for e in a.events if e.type == "CONSULT"]


def test_coder_fr_ministers_meeting_is_a_meeting(pipeline):
    a = analyze(pipeline, "Les ministres des Affaires étrangères se sont réunis lundi.", "fr")
    assert [e for e in a.events if e.type == "CONSULT"]


def test_coder_fr_ending_a_collaboration_is_a_sanction_against_the_partner(pipeline):
    a = analyze(pipeline, "Le gouvernement a annoncé cesser toute collaboration avec le bureau de l'ONU.", "fr")
    (ev,) = [e for e in a.events if e.type == "SANCTION"]
    assert ev.mode == "discontinue" and ev.target is not None and ev.target.name == "United Nations"


def test_coder_en_halting_flights_is_a_sanction(pipeline):
    a = analyze(pipeline, "The government halted flights to Qatar.", "en")
    (ev,) = [e for e in a.events if e.type == "SANCTION"]
    assert ev.target is not None and ev.target.name == "Qatar"


def test_coder_fr_signing_a_document_is_not_an_agreement(pipeline):
    a = analyze(pipeline, "Des documents signés par le ministre ont été saisis.", "fr")
    assert not [e for e in a.events if e.type == "AGREE"]


def test_coder_fr_co_signatories_of_an_agreement_are_partners(pipeline):
    a = analyze(pipeline, "La Russie et la Turquie ont signé un accord de cessez-le-feu.", "fr")
    pairs = {(e.source.name, e.target.name) for e in a.events if e.type == "AGREE" and e.target}
    assert pairs == {("Russia", "Turkey")}  # one event per pair, the first named as source


def test_coder_fr_agreement_signed_with_a_partner(pipeline):
    a = analyze(pipeline, "Le Maroc a signé un accord de pêche avec l'Union européenne.", "fr")
    (ev,) = [e for e in a.events if e.type == "AGREE"]
    assert ev.target is not None and ev.target.name == "European Union"


def test_coder_fr_announced_support_is_an_endorsement(pipeline):
    a = analyze(pipeline, "Le Parti communiste annonce son soutien à la candidate socialiste.", "fr")
    (ev,) = [e for e in a.events if e.type == "SUPPORT"]
    assert ev.mode == "endorse" and ev.target is not None


def test_coder_fr_investigation_led_by_an_authority(pipeline):
    a = analyze(pipeline, "L'enquête a été dirigée par les autorités turques.", "fr")
    (ev,) = [e for e in a.events if e.type == "ACCUSE"]
    assert ev.source.country == "TUR" and ev.mode == "investigate"


def test_coder_fr_police_expelling_protesters_is_coercion(pipeline):
    a = analyze(pipeline, "Les forces de l'ordre ont expulsé les manifestants de la place.", "fr")
    assert [e for e in a.events if e.type == "COERCE" and e.mode == "deport"]


def test_coder_fr_hyphenated_name_split_at_sentence_start(pipeline):
    a = analyze(pipeline, "Le Royaume-Uni a expulsé 23 diplomates russes.", "fr")
    (ev,) = [e for e in a.events if e.type == "SANCTION"]
    assert ev.source.name == "United Kingdom" and ev.target is not None and ev.target.country == "RUS"


def test_coder_fr_due_a_is_not_an_obligation(pipeline):
    a = analyze(pipeline, "La police avait annoncé au départ qu'elle était due à une bombe.", "fr")
    assert not [e for e in a.events if e.type == "REQUEST"]


def test_coder_fr_entry_preposition_is_preferred_for_the_target(pipeline):
    a = analyze(pipeline, "Sur Twitter, le président a rendu hommage à son prédécesseur.", "fr")
    (ev,) = [e for e in a.events if e.type == "SUPPORT"]
    assert ev.target is not None and "prédécesseur" in ev.target.text


def test_coder_fr_complex_preposition_noun_is_not_a_target(pipeline):
    a = analyze(pipeline, "Le ministre a démissionné à la suite de l'échec du référendum.", "fr")
    assert all(e.target is None for e in a.events if e.type == "RETREAT")


def test_coder_fr_que_conjunction_is_not_a_relative(pipeline):
    a = analyze(pipeline, "Il a été révélé par le journal que le député a reçu de l'argent.", "fr")
    assert not [e for e in a.events if e.type == "CONSULT"]


def test_coder_fr_meeting_city_is_a_place_not_a_partner(pipeline):
    a = analyze(pipeline, "Les ministres européens se sont réunis à Bruxelles lundi.", "fr")
    assert all(e.target is None for e in a.events if e.type == "CONSULT")


def test_coder_fr_que_before_a_clause_with_its_own_object_is_a_conjunction(pipeline):
    a = analyze(pipeline, "Il a été révélé par Mediapart que le député a reçu secrètement 45 000 euros.", "fr")
    assert not [e for e in a.events if e.type == "CONSULT"]


def test_coder_fr_present_verb_tagged_as_noun_is_still_a_trigger(pipeline):
    a = analyze(pipeline, "Les partis de gauche l'accusent de trahison.", "fr")
    assert [e for e in a.events if e.type == "ACCUSE" and "partis" in e.source.text]


def test_coder_fr_name_after_a_verb_is_not_the_next_verbs_subject(pipeline):
    a = analyze(pipeline, "Qui attaque Paris attaque en masse tout le genre humain.", "fr")  # Victor Hugo
    assert not [e for e in a.events if e.type == "ASSAULT" and e.source and e.source.text == "Paris"]
