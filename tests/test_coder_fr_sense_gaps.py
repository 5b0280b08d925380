"""French sense gaps (issue 17): the trigger word is in the lexicon, but not with a sense of the
construction's type; the rule coder (first sense whose constraints hold) shows the sense is there."""

from __future__ import annotations

import pytest

from _coder import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, mode", [
    pytest.param("Des routiers en colère ont bloqué l'entrepôt du groupe pendant deux jours.", "PROTEST",
                 "obstruct", id="blocking_a_warehouse_is_an_obstruction"),
    pytest.param("Des syndicalistes ont bloqué la raffinerie de Donges depuis mardi.", "PROTEST", "obstruct",
                 id="blocking_a_refinery_is_an_obstruction"),
    pytest.param("Des opposants ont dégradé la permanence de la sénatrice dans la nuit.", "PROTEST", "riot",
                 id="damaging_an_mp_office_is_a_riot"),
    pytest.param("Le gouverneur a ordonné un couvre-feu nocturne dans la province.", "COERCE", "curfew",
                 id="ordering_a_curfew_is_coercion"),
    pytest.param("Le régime a ordonné un black-out total des réseaux pendant les émeutes.", "COERCE", "censor",
                 id="ordering_an_internet_shutdown_is_censorship"),
    pytest.param("La sénatrice a défendu le candidat de son parti devant les militants.", "SUPPORT", "defend",
                 id="defending_a_candidate_is_support"),
    pytest.param("Le ministre a déjeuné avec les dirigeants syndicaux mardi.", "CONSULT", "meet",
                 id="lunch_with_someone_is_a_meeting"),
    pytest.param("Des inconnus ont vandalisé la permanence du député dans la nuit.", "ASSAULT", "destroy",
                 id="vandalising_a_building_is_destruction"),
    pytest.param("Le maire a giflé un manifestant devant la mairie samedi.", "ASSAULT", "beat",
                 id="slapping_someone_is_a_beating"),
    pytest.param("La junte a suspendu la diffusion de deux radios étrangères jeudi.", "COERCE", "censor",
                 id="suspending_broadcasts_is_censorship"),
    pytest.param("Le tribunal administratif a bloqué l'arrêté du préfet sur les terrasses.", "REJECT", "change",
                 id="a_court_blocking_a_decree_rejects_it"),
])
def test_coder_fr_sense_of_the_construction(rules_pipeline, text, etype, mode):
    events = coded(rules_pipeline, text, "fr", etype)
    assert events and events[0].mode == mode, coded(rules_pipeline, text, "fr")


@pytest.mark.parametrize("text, etype, absent", [
    pytest.param("Une cinquantaine de jeunes s'en sont pris au commissariat du quartier vers minuit.", "ASSAULT",
                 "ACCUSE", id="going_for_a_building_is_an_attack"),
    pytest.param("Des émeutiers s'en sont pris aux gendarmes à coups de barres de fer.", "ASSAULT", "ACCUSE",
                 id="going_for_the_police_is_an_attack"),
    pytest.param("Le sénateur s'en est pris au ministre dans une tribune publiée lundi.", "ACCUSE", "ASSAULT",
                 id="going_for_a_minister_in_print_is_a_criticism"),
])
def test_coder_fr_object_class_of_a_prepositional_complement(rules_pipeline, text, etype, absent):
    """A sense with `prep` and `objclass` and no direct object reads the class on the preposition's noun."""
    events = coded(rules_pipeline, text, "fr")
    assert [e for e in events if e.type == etype] and not [e for e in events if e.type == absent], events


@pytest.mark.parametrize("text, etype, absent", [
    pytest.param("Des agriculteurs en colère s'en sont pris jeudi soir à la préfecture du Gers.", "ASSAULT",
                 "ACCUSE", id="the_class_on_the_preposition_s_noun_picks_the_attack"),
    pytest.param("Le sénateur s'en est pris au ministre dans une tribune publiée lundi.", "ACCUSE", "ASSAULT",
                 id="a_person_on_the_preposition_s_noun_leaves_the_criticism"),
])
def test_coder_fr_judged_sense_of_a_prepositional_complement(pipeline, text, etype, absent):
    """With the judge, the sense that holds by the preposition alone is scored as not holding when another
    type's sense holds by the class of the preposition's noun."""
    events = coded(pipeline, text, "fr")
    assert [e for e in events if e.type == etype] and not [e for e in events if e.type == absent], events


@pytest.mark.parametrize("text", [
    pytest.param("Un Belge, condamné en mars par un tribunal de Téhéran à huit ans de prison pour espionnage, a "
                 "été libéré.", id="penalty_hung_on_the_agent"),
    pytest.param("La cour a condamné jeudi Marc Lenoir, ancien directeur de la régie des eaux de Nîmes, à deux ans "
                 "de prison avec sursis.", id="penalty_hung_on_an_apposition"),
])
def test_coder_fr_penalty_hung_on_a_noun_of_the_clause_is_a_sentence(pipeline, text):
    """"condamné ... à huit ans de prison" is a conviction wherever the parser hangs the penalty in the clause."""
    events = coded(pipeline, text, "fr")
    assert [e for e in events if e.type == "SANCTION"] and not [e for e in events if e.type == "ACCUSE"
                                                                  and e.trigger.text.endswith("condamné")], events


def test_coder_fr_protest_lodged_with_a_state_is_a_criticism(pipeline):
    """"protesté auprès de X": the parser may read "auprès" as the object; it is still the preposition."""
    events = coded(pipeline, "Séoul a protesté officiellement auprès de Pékin après l'incident en mer.", "fr")
    assert [e for e in events if e.type == "ACCUSE"] and not [e for e in events if e.type == "PROTEST"], events


@pytest.mark.parametrize("text", [
    "Les deux ministres se sont longuement entretenus mardi à Genève.",
    "Les présidents sénégalais et malien s'entretiennent ce mardi à Dakar.",
])
def test_coder_fr_reciprocal_talks_need_no_partner_complement(rules_pipeline, text):
    # "s'entretenir avec X": a plural subject is its own partner
    assert coded(rules_pipeline, text, "fr", "CONSULT"), coded(rules_pipeline, text, "fr")


def test_coder_fr_talks_of_one_without_a_partner_are_no_meeting(rules_pipeline):
    text = "Le ministre s'est longuement entretenu mardi à Genève."
    assert not coded(rules_pipeline, text, "fr", "CONSULT")


def test_coder_receiving_people_by_office_is_a_meeting(rules_pipeline):
    # office holders are persons (objclass person) and actors (subject: actor)
    text = "La haute-commissaire a reçu jeudi soir les élus de la province."
    assert coded(rules_pipeline, text, "fr", "CONSULT"), coded(rules_pipeline, text, "fr")


def test_coder_people_hosted_are_no_actor_of_a_visit(rules_pipeline):
    # people of the person class are no actor of a visit: "hosted refugees" is aid
    text = "Jordan has hosted thousands of Syrian refugees since 2012."
    assert not coded(rules_pipeline, text, "en", "CONSULT"), coded(rules_pipeline, text, "en")


def test_coder_fr_truce_agreed_by_both_sides_is_an_agreement(rules_pipeline):
    # "convenir de" needs its "de"; a participle of an agreement noun with its agent does not
    text = "La trêve convenue par l'armée et les rebelles a été violée lundi."
    assert coded(rules_pipeline, text, "fr", "AGREE"), coded(rules_pipeline, text, "fr")
