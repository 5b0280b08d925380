"""Recall pass 2: first-person plural of officials, group formation and mergers, "ce dernier",
named examples, military operations, misread infinitives, hedges. Short news sentences in the
style of Wikinews (CC BY 2.5)."""

from __future__ import annotations

import pytest

from eventwire.records import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(rules_pipeline):
    """The argument and sense rules are tested on the rule coder alone; what the learned judge keeps is
    measured by ``make eval``, not asserted here."""
    return rules_pipeline



def analyzed(pipeline, text, lang):
    return pipeline.analyze(Article(id="r2", text=text, language=lang, published="2016-01-12"))


def factual(pipeline, text, lang, etype):
    a = analyzed(pipeline, text, lang)
    return [e for e in a.events if e.type == etype and not (e.negated or e.hypothetical)]


def pairs(events):
    return {(e.source.name, e.target.name if e.target else None) for e in events}


# -- "nous" in a quote: the body the official speaks for ---------------------------------------
def test_coder_fr_we_of_an_administration_official(pipeline):
    text = "« Nous avons été en contact avec les Iraniens », a déclaré un responsable de l'administration " \
           "de Barack Obama."
    (ev,) = factual(pipeline, text, "fr", "CONSULT")
    assert ev.source.country == "USA" and ev.target is not None and ev.target.name == "Iran"
    assert "speaker" in ev.rule


def test_coder_fr_we_of_a_national_official(pipeline):
    text = "« Nous sommes en contact avec les Iraniens », a déclaré un responsable américain."
    (ev,) = factual(pipeline, text, "fr", "CONSULT")
    assert ev.source.name == "United States"


def test_coder_fr_we_of_a_person_introduced_by_role(pipeline):
    text = "Deux navires ont été interceptés.\n\n« Nous avons été en contact avec les Iraniens »\n\n" \
           "— Jennifer Psaki, directrice de la communication de la Maison-Blanche\n"
    (ev,) = factual(pipeline, text, "fr", "CONSULT")
    assert ev.source.country == "USA"


def test_coder_en_we_of_an_official(pipeline):
    text = '"We have been in contact with the Iranians," a senior US official said.'
    (ev,) = factual(pipeline, text, "en", "CONSULT")
    assert ev.source.name == "United States"


# -- mobilised with, merged with: partners are actors, not things ------------------------------
def test_coder_fr_mobilised_with_authorities_is_cooperation(pipeline):
    text = "« Nous sommes mobilisés avec les autorités tchadiennes », a indiqué le ministère français " \
           "des Affaires étrangères."
    (ev,) = factual(pipeline, text, "fr", "COOPERATE")
    assert "Foreign Affairs" in ev.source.name and ev.target is not None and ev.target.country == "TCD"


def test_coder_fr_mobilised_with_tanks_is_no_cooperation(pipeline):
    assert not factual(pipeline, "Les soldats se sont mobilisés avec leurs chars.", "fr", "COOPERATE")


# -- group formation: a determiner parsed as the subject; one event per pair -------------------
def test_coder_fr_group_formed_by_two_groups_one_event_per_pair(pipeline):
    text = "L'ex Front al-Nosra et Jund al-Aqsa ont formé le groupe « Tahrir al-Cham » avec d'autres " \
           "alliés djihadistes."
    assert pairs(factual(pipeline, text, "fr", "COOPERATE")) == {("al-Nusra Front", "Jund al-Aqsa")}


def test_coder_fr_ce_dernier_and_named_examples(pipeline):
    text = "Abou Jaber a pris la direction du groupe après avoir quitté Ahrar al-Cham. C'est justement ce " \
           "dernier qui forme l'autre branche des insurgés, fusionnant avec d'autres groupes islamistes " \
           "comme Suqour al-Cham ou Jaysh al-Islam."
    found = pairs(factual(pipeline, text, "fr", "COOPERATE"))
    assert ("Ahrar al-Sham", "Suqour al-Cham") in found
    assert any(s == "Ahrar al-Sham" and t and "Islam" in t for s, t in found)


def test_coder_fr_ce_dernier_after_a_place_is_not_resolved(pipeline):
    text = "Joseph Butore représente le pays lors du sommet qui se déroule cette semaine à Madagascar. " \
           "Ce dernier a rencontré le président kényan."
    assert not [e for e in factual(pipeline, text, "fr", "CONSULT") if e.source.name == "Madagascar"]


# -- military operations -----------------------------------------------------------------------
def test_coder_fr_named_operation_of_an_army_is_assault(pipeline):
    text = "L'armée turque, en coopération avec la coalition internationale, a lancé l'opération " \
           "« Bouclier de l'Euphrate » avant l'aube."
    (ev,) = factual(pipeline, text, "fr", "ASSAULT")
    assert ev.source.name == "Turkey"


def test_coder_fr_operation_against_a_group_is_assault(pipeline):
    text = "Les forces irakiennes ont lancé une opération contre l'État islamique à Mossoul."
    (ev,) = factual(pipeline, text, "fr", "ASSAULT")
    assert ev.source.name == "Iraq" and ev.target is not None and ev.target.name == "Islamic State"


@pytest.mark.parametrize("text", [
    "Les Gilets jaunes ont mené une opération escargot sur l'autoroute.",
    "L'armée a lancé une opération de sauvetage après le séisme.",
])
def test_coder_fr_other_operations_are_no_assault(pipeline, text):
    assert not factual(pipeline, text, "fr", "ASSAULT")


# -- tagger repair: an infinitive after "à" read as a noun -------------------------------------
def test_coder_fr_infinitive_tagged_as_noun(pipeline):
    text = "Malgré tout, l'aviation syrienne et russe réussissent à ravitailler les combattants."
    (ev,) = factual(pipeline, text, "fr", "AID")
    assert ev.source.name == "Syria" and ev.target is not None


# -- false positives ---------------------------------------------------------------------------
def test_coder_fr_hedged_participation_is_not_a_fact(pipeline):
    text = "L'enquête n'a pas trouvé d'éléments prouvant une éventuelle participation de l'islamiste " \
           "irakien, arrêté mercredi, à l'attentat contre le bus du Borussia Dortmund."
    assert not factual(pipeline, text, "fr", "ASSAULT")


def test_coder_en_training_own_unnamed_personnel_is_no_aid(pipeline):
    text = "North Korea has trained more than 500 computer hackers capable of launching cyber warfare."
    assert not factual(pipeline, text, "en", "AID")


def test_coder_en_training_a_named_group_is_aid(pipeline):
    (ev,) = factual(pipeline, "The United States has trained Syrian rebels.", "en", "AID")
    assert ev.source.name == "United States"
