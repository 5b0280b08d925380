"""French targets the clause names but the first rules missed (issue 17, the "full" figure):
a break "avec X", an object hidden behind a weekday, the object of a threat's or a refusal's infinitive."""

from __future__ import annotations

import pytest

from _coder import coded, one

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, etype, target", [
    # a break "avec X" targets X
    ("Le Burkina Faso a rompu avec la France en 2023.", "SANCTION", "France"),
    ("Le Niger a annoncé la rupture des relations diplomatiques avec l'Ukraine.", "SANCTION", "Ukraine"),
    ("Le Togo a rompu les relations diplomatiques avec le Ghana.", "SANCTION", "Ghana"),
    # the object behind a weekday the parser made the object
    ("Le ministre a présenté jeudi ses excuses au gouvernement ivoirien.", "CONCEDE", "Ivorian government"),
    ("Le Kenya a libéré vendredi six Ougandais détenus depuis mars.", "RETREAT", "Uganda"),
    # and behind a month with its preposition
    ("Le Canada a expulsé en mars deux diplomates iraniens.", "SANCTION", "Iran"),
    # what is thrown is no target: the people it is thrown at are
    ("Des casseurs ont lancé des bouteilles contre les gendarmes.", "ASSAULT", "police"),
    ("Des pierres ont été lancées sur les policiers par des jeunes.", "ASSAULT", "police"),
])
def test_coder_target_named_by_the_words(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "fr"), etype)
    assert ev.target is not None and ev.target.name == target


def test_coder_break_with_a_tradition_names_no_state(rules_pipeline):
    evs = coded(rules_pipeline, "Le parti a rompu avec sa ligne historique.", "fr", "SANCTION")
    assert all(e.target is None or e.target.country is None for e in evs)


@pytest.mark.parametrize("text, etype, target", [
    # the infinitive's object is the target of a threat, a refusal or a call
    ("Les ravisseurs ont menacé de tuer les otages français.", "THREATEN", "hostages"),
    ("La Corée du Nord a menacé lundi de prendre des mesures sévères contre le Japon.", "THREATEN", "Japan"),
    ("Le président a refusé de recevoir les délégués de l'opposition.", "REJECT", "opposition"),
    ("La fédération des taxis appelle à rejoindre les agriculteurs en colère.", "SUPPORT", "les agriculteurs"),
    # a noun aimed at by its participle ("une enquête visant X")
    ("La justice a ouvert une enquête visant le ministre de l'Intérieur.", "ACCUSE", "ministre de l'Intérieur"),
    ("L'armée israélienne a mené des frappes visant des positions du Hezbollah.", "ASSAULT", "Hezbollah"),
])
def test_coder_target_of_an_infinitive_or_an_aiming_participle(rules_pipeline, text, etype, target):
    ev = one(coded(rules_pipeline, text, "fr"), etype)
    assert ev.target is not None and target in (ev.target.name, ev.target.text)


def test_coder_denial_takes_no_target_from_the_denied_act(rules_pipeline):
    ev = one(coded(rules_pipeline, "Le Rwanda a démenti avoir attaqué le Burundi.", "fr"), "REJECT")
    assert ev.target is None or ev.target.name != "Burundi"


def test_coder_partner_hung_on_the_triggers_noun(rules_pipeline):
    ev = one(coded(rules_pipeline, "Le président s'est entretenu par téléphone avec le Premier ministre indien.", "fr"),
             "CONSULT")
    assert ev.target is not None and ev.target.country == "IND"


def test_coder_coercion_aims_at_its_purpose_clause_object(rules_pipeline):
    evs = coded(rules_pipeline, "Les gendarmes ont utilisé des gaz lacrymogènes pour disperser les manifestants.", "fr",
                "COERCE")
    assert any(e.target is not None and e.target.name == "protesters" for e in evs)


@pytest.mark.parametrize("text, lang, etype, words", [
    # a bare day the parser hung inside the target's phrase is no part of the target
    ("Des manifestants ont incendié la préfecture du Cantal samedi.", "fr", "ASSAULT",
     "la préfecture du Cantal"),
    ("Des policiers ont arrêté le maire de Lyon vendredi matin.", "fr", "COERCE", "le maire de Lyon"),
    ("Police arrested the mayor of Lyon Friday.", "en", "COERCE", "the mayor of Lyon"),
])
def test_coder_target_phrase_without_a_bare_day(rules_pipeline, text, lang, etype, words):
    ev = one(coded(rules_pipeline, text, lang), etype)
    assert ev.target is not None and ev.target.text == words
