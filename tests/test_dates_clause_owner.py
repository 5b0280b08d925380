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
