"""A date of a dependent verb or noun does not date the verb that governs it (issue 11, French dates)."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402

pytestmark = pytest.mark.slow  # parses with the spaCy models


def test_dates_call_is_not_dated_by_the_day_of_the_action_it_calls_for(date_stage, nlp_fr):
    # "samedi" hangs on "participer": the call is of the dispatch's day (Tuesday), not a past Saturday
    text = "Vers midi, sur une radio locale, la porte-parole du collectif a appelé à participer samedi à la marche."
    out = run(date_stage, nlp_fr, text, ["a appelé"], published="2023-05-16")
    assert out.events[0].date.value == "2023-05-16"


def test_dates_denial_is_not_dated_by_the_day_of_the_denied_act(date_stage, nlp_fr):
    text = "Le ministère a démenti avoir visé mercredi un dépôt de carburant près de la frontière."
    out = run(date_stage, nlp_fr, text, ["a démenti"], published="2023-05-19")
    assert out.events[0].date.value == "2023-05-19"


def test_dates_the_denied_act_keeps_its_own_day(date_stage, nlp_fr):
    text = "Le ministère a démenti avoir visé mercredi un dépôt de carburant près de la frontière."
    out = run(date_stage, nlp_fr, text, ["avoir visé"], published="2023-05-19")
    assert out.events[0].date.value == "2023-05-17"


def test_dates_sentence_day_of_the_verb_wins_over_day_of_a_noun_under_it(date_stage, nlp_fr):
    # the sentence's own day ("Ce jeudi") dates the sentencing; "dimanche" dates the throwing of stones
    text = ("Ce jeudi après-midi, deux hommes âgés de 30 et 25 ans, ouvriers dans une usine de la vallée, "
            "ont été condamnés à un an de prison pour jets de projectiles sur les policiers samedi soir à Valence.")
    out = run(date_stage, nlp_fr, text, ["ont été condamnés"], published="2023-05-18")
    assert out.events[0].date.value == "2023-05-18"


def test_dates_a_date_in_brackets_dates_nothing_outside_them(date_stage, nlp_fr):
    # a birth date (the name is of a train/ article, the parser hangs the rest of the sentence on "né")
    text = "Le suspect, Karim Cheurfi, 39 ans (né le 31 décembre 1977), a été interpellé par les gendarmes."
    out = run(date_stage, nlp_fr, text, ["a été interpellé"], published="2023-06-02")
    assert out.events[0].date.value == "2023-06-02"


def test_dates_a_bracketed_since_date_does_not_date_the_main_clause(date_stage, nlp_fr):
    text = "Le nouveau secrétaire général du parti (depuis août 2021) a rencontré les représentants de l'ONU."
    out = run(date_stage, nlp_fr, text, ["a rencontré"], published="2023-06-02")
    assert out.events[0].date.value == "2023-06-02"


def test_dates_a_date_in_brackets_dates_what_the_brackets_tell(date_stage, nlp_fr):
    text = "Le groupe (qui avait attaqué la caserne le 3 mars 2021) a été dissous par le gouvernement."
    out = run(date_stage, nlp_fr, text, ["avait attaqué"], published="2023-06-02")
    assert out.events[0].date.value == "2021-03-03"


def test_dates_a_date_alone_in_brackets_dates_its_caption(date_stage, nlp_fr):
    text = "Des soldats patrouillant dans les rues de Bamako après le coup de force (14 mars)."
    out = run(date_stage, nlp_fr, text, ["patrouillant"], published="2023-06-02")
    assert out.events[0].date.value == "2023-03-14"


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
