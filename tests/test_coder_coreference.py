"""Who a pronoun or an anaphor stands for: "nous"/"we" in a quote is the body the speaker speaks for,
"ce dernier" the last actor named, "il" the previous subject (or the subject of a fronted clause, when it
is an actor); a common actor noun with named examples stands for the examples."""

from __future__ import annotations

import pytest

from _coder import analyze, coded, pairs

pytestmark = pytest.mark.slow


# -- "nous" in a quote: the body the official speaks for ---------------------------------------
def test_coder_fr_we_of_an_administration_official(rules_pipeline):
    text = "« Nous avons été en contact avec les Saoudiens », a affirmé un responsable de l'administration " \
           "Obama."
    (ev,) = coded(rules_pipeline, text, "fr", "CONSULT")
    assert ev.source.country == "USA" and ev.target is not None and ev.target.name == "Saudi Arabia"
    assert "speaker" in ev.rule


@pytest.mark.parametrize("lang, text", [
    pytest.param("fr", "« Nous sommes en contact avec les Saoudiens », a indiqué un responsable américain.",
                 id="fr_we_of_a_national_official"),
    pytest.param("en", '"We have been in contact with the Iranians," a senior US official said.',
                 id="en_we_of_a_national_official"),
])
def test_coder_we_of_a_national_official(rules_pipeline, lang, text):
    (ev,) = coded(rules_pipeline, text, lang, "CONSULT")
    assert ev.source.name == "United States"


def test_coder_fr_we_of_a_person_introduced_by_role(rules_pipeline):
    text = "Trois pétroliers ont été arraisonnés.\n\n« Nous avons été en contact avec les Saoudiens »\n\n" \
           "— Karen Miller, porte-parole du département d'État\n"
    (ev,) = coded(rules_pipeline, text, "fr", "CONSULT")
    assert ev.source.country == "USA"


def test_coder_fr_quote_first_person_is_speaker_and_facility_target_is_state(rules_pipeline):
    text = "« Nous avons attaqué la base américaine », a déclaré le porte-parole du Hezbollah."
    (ev,) = coded(rules_pipeline, text, "fr", "ASSAULT")
    assert "Hezbollah" in ev.source.name and "speaker" in ev.rule
    assert ev.target is not None and ev.target.country == "USA"


# -- "ce dernier", named examples ----------------------------------------------------------------
def test_coder_fr_ce_dernier_and_named_examples(rules_pipeline):
    text = "Abou Omar dirige la brigade depuis qu'il a quitté Ahrar al-Cham. C'est d'ailleurs ce dernier qui " \
           "forme le second bloc des insurgés, fusionnant avec des groupes islamistes comme Liwa al-Haqq et " \
           "Jaysh al-Islam."
    found = pairs(coded(rules_pipeline, text, "fr", "COOPERATE"))
    assert ("Ahrar al-Sham", "Liwa al-Haqq") in found
    assert any(s == "Ahrar al-Sham" and t and "Islam" in t for s, t in found)


def test_coder_fr_ce_dernier_after_a_place_is_not_resolved(rules_pipeline):
    text = "Joseph Butore représente le pays lors du sommet qui se déroule cette semaine à Madagascar. " \
           "Ce dernier a rencontré le président kényan."
    assert not [e for e in coded(rules_pipeline, text, "fr", "CONSULT") if e.source.name == "Madagascar"]


# -- subject pronouns ------------------------------------------------------------------------------
def test_coder_fr_impersonal_il_subject_takes_previous_subject(rules_pipeline):
    text = "Le Canada a retiré ses avions. De plus, il compte déployer 200 soldats en Irak."
    a = analyze(rules_pipeline, text, "fr")
    mob = [e for e in a.events if e.type == "MOBILIZE"]
    assert mob and mob[0].source.name == "Canada" and mob[0].hypothetical  # intention: "compte"


def test_coder_fr_pronoun_after_a_fronted_clause_is_its_subject(rules_pipeline):
    text = ("Alors que l'armée irakienne est en passe de l'emporter à Mossoul face aux djihadistes, "
            "elle a été à nouveau expulsée de Ramadi par Daech le 3 mars.")
    (ev,) = coded(rules_pipeline, text, "fr", "ASSAULT")  # "a été" + participle: a passive, "été" read as a copula
    assert ev.source.name == "Islamic State" and ev.target is not None and ev.target.text == "armée irakienne"


def test_coder_fr_fronted_clause_subject_must_be_an_actor(rules_pipeline):
    text = "Benjamin Cauchy estime que la concertation doit tout aborder. Si ce thème était absent, il refusera."
    a = analyze(rules_pipeline, text, "fr", published="2018-12-18")
    (ev,) = [e for e in a.events if e.type == "REJECT"]  # future tense: hypothetical, still coded
    assert ev.source.text == "Benjamin Cauchy"  # "il" is the previous sentence's subject, not "ce thème"


# -- an object pronoun: the one actor named before it that fits ----------------------------------
@pytest.mark.parametrize("lang, text, etype, name", [
    pytest.param("fr", "Le président Macron a reçu les syndicats. Le leader du mouvement lui demande de retirer "
                 "la réforme.", "REQUEST", "Emmanuel Macron", id="fr_indirect_object_lui"),
    pytest.param("fr", "Les manifestants bloquaient le rond-point depuis lundi. Les gendarmes les ont délogés mardi "
                 "matin.", "COERCE", "protesters", id="fr_direct_object_les"),
    pytest.param("en", "Protesters marched to the palace of President Ruto on Friday. Police accused them of looting "
                 "shops.", "ACCUSE", "protesters", id="en_them"),
])
def test_coder_object_pronoun_stands_for_the_actor_before_it(rules_pipeline, lang, text, etype, name):
    (ev,) = coded(rules_pipeline, text, lang, etype)
    assert ev.target is not None and ev.target.name == name and "coref" in ev.rule


@pytest.mark.parametrize("lang, text, etype", [
    # two actors fit ("him" is the minister or the army chief): the slot stays empty
    pytest.param("en", "The minister met the army chief on Friday. The union accused him of lying.", "ACCUSE",
                 id="en_two_actors_fit"),
    pytest.param("fr", "Le ministre Jean Dupont a rencontré le général Paul Martin. Le syndicat l'accuse de mentir.",
                 "ACCUSE", id="fr_two_actors_fit"),
])
def test_coder_object_pronoun_with_two_candidates_stays_open(rules_pipeline, lang, text, etype):
    (ev,) = coded(rules_pipeline, text, lang, etype)
    assert ev.target is None


def test_coder_fr_object_pronoun_of_a_thing_is_no_actor(rules_pipeline):
    # "l'" is the resignation, the nearest phrase that fits: not the prime minister
    evs = analyze(rules_pipeline, "Le Premier ministre a remis sa démission au président, qui l'a acceptée.",
                  "fr").events
    assert all(e.target is None or "coref" not in e.rule for e in evs)
