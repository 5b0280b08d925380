"""A date of a dependent verb or noun does not date the verb that governs it (issue 11, French dates)."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402

pytestmark = pytest.mark.slow  # parses with the spaCy models


@pytest.mark.parametrize("text,trigger,published,value", [
    # "samedi" hangs on "participer": the call is of the dispatch's day (Tuesday), not a past Saturday
    pytest.param("Vers midi, sur une radio locale, la porte-parole du collectif a appelé à participer samedi à la "
                 "marche.", "a appelé", "2023-05-16", "2023-05-16", id="call-not-dated-by-the-act-called-for"),
    pytest.param("Le ministère a démenti avoir visé mercredi un dépôt de carburant près de la frontière.",
                 "a démenti", "2023-05-19", "2023-05-19", id="denial-not-dated-by-the-denied-act"),
    pytest.param("Le ministère a démenti avoir visé mercredi un dépôt de carburant près de la frontière.",
                 "avoir visé", "2023-05-19", "2023-05-17", id="denied-act-keeps-its-own-day"),
    # the sentence's own day ("Ce jeudi") dates the sentencing; "samedi" dates the throwing of stones
    pytest.param("Ce jeudi après-midi, deux hommes âgés de 30 et 25 ans, ouvriers dans une usine de la vallée, "
                 "ont été condamnés à un an de prison pour jets de projectiles sur les policiers samedi soir à "
                 "Valence.", "ont été condamnés", "2023-05-18", "2023-05-18", id="verb-day-over-noun-day"),
    # a birth date (the name is of a train/ article, the parser hangs the rest of the sentence on "né")
    pytest.param("Le suspect, Karim Cheurfi, 39 ans (né le 31 décembre 1977), a été interpellé par les gendarmes.",
                 "a été interpellé", "2023-06-02", "2023-06-02", id="brackets-date-nothing-outside"),
    pytest.param("Le nouveau secrétaire général du parti (depuis août 2021) a rencontré les représentants de l'ONU.",
                 "a rencontré", "2023-06-02", "2023-06-02", id="bracketed-since-date-not-the-main-clause"),
    pytest.param("Le groupe (qui avait attaqué la caserne le 3 mars 2021) a été dissous par le gouvernement.",
                 "avait attaqué", "2023-06-02", "2021-03-03", id="brackets-date-what-they-tell"),
    pytest.param("Des soldats patrouillant dans les rues de Bamako après le coup de force (14 mars).",
                 "patrouillant", "2023-06-02", "2023-03-14", id="date-alone-in-brackets-dates-its-caption"),
])
def test_dates_the_clause_that_owns_a_date(date_stage, nlp_fr, text, trigger, published, value):
    out = run(date_stage, nlp_fr, text, [trigger], published=published)
    assert out.events[0].date.value == value


@pytest.mark.parametrize("text,trigger,value", [
    ("Interrogé mercredi sur une radio publique, le ministre a dénoncé les violences commises par les "
     "manifestants.", "a dénoncé", "2023-03-22"),
    ("Revenant mardi sur cette affaire dans un entretien au Monde, la députée a accusé le gouvernement de "
     "mentir.", "a accusé", "2023-03-21"),
    ("S'exprimant lundi devant la presse à Bamako, le porte-parole a rejeté ces accusations.",
     "a rejeté", "2023-03-20"),
])
def test_dates_a_participle_of_the_circumstances_dates_the_main_act(date_stage, nlp_fr, text, trigger, value):
    # "Interrogé mercredi, X a dénoncé": the interview is when X spoke
    out = run(date_stage, nlp_fr, text, [trigger], published="2023-03-24")
    assert out.events[0].date.value == value


def test_dates_a_participle_of_the_circumstances_dates_the_main_act_in_english(date_stage, nlp_en):
    text = "Speaking on Tuesday in Geneva, the envoy rejected the proposal of the rebels."
    out = run(date_stage, nlp_en, text, ["rejected"], published="2023-03-24", lang="en")
    assert out.events[0].date.value == "2023-03-21"


def test_dates_an_act_after_another_is_not_dated_by_it(date_stage, nlp_fr):
    text = "Les deux hommes ont été arrêtés après avoir attaqué mardi un convoi de l'armée."
    out = run(date_stage, nlp_fr, text, ["ont été arrêtés"], published="2023-03-24")
    assert out.events[0].date.value != "2023-03-21"


HELD_BACK_NOTE = ("Two Malian lorry drivers abducted by JNIM near Nara (Nara cercle, Koulikoro region) in September "
                  "were released by the group on 12 December 2022 following mediation by local religious leaders, "
                  "a relative said.")


@pytest.mark.parametrize("text,trigger,value", [
    # the parser hangs "in September" on "were released" (a sentence of our held-back conflict notes,
    # train/held-back/en/en-train-129): it is when the participle on their subject happened
    pytest.param(HELD_BACK_NOTE, "were released", "2022-12-12", id="subject-participle-date"),
    pytest.param(HELD_BACK_NOTE, "abducted", "2022-09", id="its-own-date-stays"),
    # the sentence's date hangs on what the victims were doing: the act's day all the same
    pytest.param("Armed men seized 14 traders travelling to the market near Mopti on 3 August 2022.", "seized",
                 "2022-08-03", id="present-participle-on-the-object"),
])
def test_dates_a_participle_on_the_subject_or_object(date_stage, nlp_en, text, trigger, value):
    out = run(date_stage, nlp_en, text, [trigger], lang="en", published="2022-12-15")
    assert out.events[0].date.value == value


@pytest.mark.parametrize("lang,text,trigger,value", [
    ("en", "In an audio message released on 15 May 2023, the group threatened to attack any lorry bound for the "
           "town.", "threatened", "2023-05-15"),
    ("fr", "Dans un communiqué publié le 15 mai, le collectif a dénoncé la fermeture du marché.", "a dénoncé",
     "2023-05-15"),
    # another act's day, not the message's: the deployment is the dispatch's
    ("en", "After the ambush carried out on 3 May, the army deployed two battalions to the area.", "deployed",
     "2023-05-18"),
    # after the verb, a message or a statement still dates it, even hung on the verb's object
    ("en", "The ministry condemned the raid in a statement released on 15 May.", "condemned", "2023-05-15"),
    ("fr", "Les deux partis ont dénoncé la fermeture du marché dans des communiqués publiés lundi.", "ont dénoncé",
     "2023-05-15"),
    # but not the act the message claims, nor a place created earlier
    ("en", "The group claimed the raid in a statement released on 17 May.", "raid", "2023-05-18"),
    ("fr", "Le HCR a dénoncé la situation dans les camps créés en 2015.", "a dénoncé", "2023-05-18"),
])
def test_dates_a_fronted_message_dates_what_is_said_in_it(date_stage, nlp_en, nlp_fr, lang, text, trigger, value):
    out = run(date_stage, nlp_en if lang == "en" else nlp_fr, text, [trigger], lang=lang, published="2023-05-18")
    assert out.events[0].date.value == value
