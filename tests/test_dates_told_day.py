"""DateStage: which day an event told in the past or imperfect takes when the only dates near it are
later than the article, or when it has none (rule 6, the article's own day)."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402

pytestmark = pytest.mark.slow  # parses with the spaCy models


def _date(date_stage, nlp, text, trigger, published="2019-03-13", lang="fr"):
    return run(date_stage, nlp, text, [trigger], published=published, lang=lang).events[0].date


# -- a date after the article's day does not date an act told in a past tense --------------------

def test_call_told_in_the_past_is_not_dated_by_the_strike_it_calls(date_stage, nlp_fr):
    # Wednesday 13 March 2019: the call is of the day, the strike of the coming Friday
    w = _date(date_stage, nlp_fr, "Le syndicat des dockers a appelé à la grève pour le vendredi 22 mars.", "a appelé")
    assert (w.value, w.flags) == ("2019-03-13", ("from-published",))


def test_announcement_in_the_present_is_not_dated_by_the_days_it_announces(date_stage, nlp_fr):
    text = "Le gouvernement annonce deux jours de deuil national les 15 et 16 mars et appelle au calme."
    w = _date(date_stage, nlp_fr, text, "appelle")
    assert w.value == "2019-03-13"


def test_act_told_in_the_past_is_not_tomorrow(date_stage, nlp_fr):
    text = "Des manifestants ont incendié plusieurs voitures avant la visite du ministre prévue demain."
    w = _date(date_stage, nlp_fr, text, "ont incendié")
    assert w.value == "2019-03-13"


def test_future_act_keeps_its_coming_date(date_stage, nlp_fr):
    w = _date(date_stage, nlp_fr, "Le ministre se rendra vendredi 22 mars à Bamako.", "se rendra")
    assert w.value == "2019-03-22"


def test_present_act_keeps_a_coming_date_of_its_own_verb(date_stage, nlp_fr):
    w = _date(date_stage, nlp_fr, "Le ministre se rend demain à Bamako.", "se rend")
    assert w.value == "2019-03-14"


# -- the imperfect of a scene is the article's day; the pluperfect recalls an earlier one ----------

def test_imperfect_scene_takes_the_article_day(date_stage, nlp_fr):
    text = "Devant la préfecture, plusieurs centaines de manifestants occupaient encore la place."
    w = _date(date_stage, nlp_fr, text, "occupaient")
    assert (w.value, w.flags) == ("2019-03-13", ("from-published",))


def test_passive_imperfect_takes_the_article_day(date_stage, nlp_fr):
    text = "Dans la soirée, les camions étaient toujours bloqués par les grévistes à l'entrée du port."
    w = _date(date_stage, nlp_fr, text, "étaient toujours bloqués")
    assert w is not None and w.value == "2019-03-13"


def test_pluperfect_gets_only_the_last_resort(date_stage, nlp_fr):
    text = "Le chef rebelle avait accusé le gouvernement de trahison."
    assert _date(date_stage, nlp_fr, text, "avait accusé").flags == ("from-published", "last-resort")


def test_sentence_opening_on_an_earlier_time_stays_undated(date_stage, nlp_fr):
    text = "À l'époque, les rebelles contrôlaient toute la région du nord."
    assert _date(date_stage, nlp_fr, text, "contrôlaient") is None
    text = "Par le passé, la milice a attaqué plusieurs convois de l'armée."
    assert _date(date_stage, nlp_fr, text, "a attaqué") is None


def test_earlier_time_inside_a_sentence_leaves_its_main_clause_alone(date_stage, nlp_fr):
    text = "Le président a convoqué les partis, comme il l'a fait par le passé lors des crises."
    w = _date(date_stage, nlp_fr, text, "a convoqué")
    assert w is not None and w.value == "2019-03-13"


# -- the lead's own day dates the story when no coded event tells the lead's main clause ----------

WIRE = ("Mali : une fusillade dans un lycée de Gao fait huit blessés\n\n"
        "19 mars 2019 . –\n"
        "Une fusillade a éclaté hier dans un lycée de Gao, dans le nord du Mali. Huit élèves sont blessés.\n"
        "Le ministre de l'Éducation a demandé une enquête.")


def test_headline_takes_the_day_of_the_lead_clause(date_stage, nlp_fr):
    w = _date(date_stage, nlp_fr, WIRE, "fusillade", published=None)
    assert (w.value, w.flags[-1]) == ("2019-03-18", "via-headline")


def test_later_act_takes_the_day_of_the_lead_clause(date_stage, nlp_fr):
    w = _date(date_stage, nlp_fr, WIRE, "a demandé", published=None)
    assert (w.value, w.flags[-1]) == ("2019-03-18", "via-story")


def test_lead_clause_under_a_reporting_verb_gives_the_story_day(date_stage, nlp_fr):
    text = ("Au moins dix soldats ont été tués lundi dans l'attaque d'un camp militaire, a annoncé mardi "
            "le ministère de la Défense.\n"
            "Le gouvernement a décrété trois jours de deuil national.")
    w = _date(date_stage, nlp_fr, text, "a décrété", published="2019-03-19")
    assert (w.value, w.flags[-1]) == ("2019-03-18", "via-story")


def test_lead_day_is_not_a_date_inside_a_noun_phrase(date_stage, nlp_fr):
    text = ("Le tribunal a condamné deux hommes pour les violences de samedi à Tours.\n"
            "Le préfet a salué la décision.")
    w = _date(date_stage, nlp_fr, text, "a salué", published="2019-03-19")
    assert (w.value, w.flags) == ("2019-03-19", ("from-published",))


# -- an adjective of judgement is told by the verb of what it qualifies ----------------------------

def test_adjective_of_judgement_takes_the_day_of_its_verb(date_stage, nlp_fr):
    text = "Le président a évoqué un ignoble attentat contre l'église du village."
    w = _date(date_stage, nlp_fr, text, "ignoble")
    assert (w.value, w.flags) == ("2019-03-13", ("from-published",))
    w = _date(date_stage, nlp_fr, "La réforme a été jugée insuffisante par l'opposition.", "insuffisante")
    assert w is not None and w.value == "2019-03-13"


def test_adjective_in_a_pluperfect_clause_gets_only_the_last_resort(date_stage, nlp_fr):
    text = "Le président avait évoqué un ignoble attentat contre l'église du village."
    assert _date(date_stage, nlp_fr, text, "ignoble").flags == ("from-published", "last-resort")


# -- an event noun that no verb takes as subject or object: the time of the verb it hangs on ----------

def test_noun_in_a_verbless_heading_takes_the_article_day(date_stage, nlp_fr):
    w = _date(date_stage, nlp_fr, "Nouvelles interpellations à Lyon", "interpellations")
    assert w is not None and (w.value, w.flags) == ("2019-03-13", ("from-published",))


def test_noun_in_a_complement_of_a_past_verb_takes_the_article_day(date_stage, nlp_fr):
    text = "Le préfet a fait le point à l'issue de la manifestation des agriculteurs devant la mairie."
    w = _date(date_stage, nlp_fr, text, "manifestation")
    assert w is not None and w.value == "2019-03-13"


def test_noun_after_an_earlier_cue_gets_only_the_last_resort(date_stage, nlp_fr):
    text = "Le maire a renforcé la surveillance du quartier suite à l'incendie de plusieurs voitures."
    assert _date(date_stage, nlp_fr, text, "incendie").flags[-1] == "last-resort"  # no rule of its own


def test_noun_under_a_pluperfect_gets_only_the_last_resort(date_stage, nlp_fr):
    text = "Le maire avait déjà évoqué la question lors de la manifestation des agriculteurs."
    assert _date(date_stage, nlp_fr, text, "manifestation").flags[-1] == "last-resort"


# -- an act no rule dates, told after the text's earlier dates: the last of them (via-earlier) ----------

def test_background_clause_takes_the_last_earlier_date_of_the_text(date_stage, nlp_fr):
    text = ("Le 2 mars, les dockers ont voté la grève.\n\nLe port reste fermé. Selon le syndicat, la direction "
            "avait refusé toute négociation.")
    w = _date(date_stage, nlp_fr, text, "avait refusé")
    assert w is not None and (w.value, w.flags[-1]) == ("2019-03-02", "via-earlier")


def test_background_clause_before_any_date_gets_only_the_last_resort(date_stage, nlp_fr):
    text = "Selon le syndicat, la direction avait refusé toute négociation. Le 2 mars, les dockers ont voté la grève."
    assert _date(date_stage, nlp_fr, text, "avait refusé").flags[-1] == "last-resort"  # no earlier date


def test_a_year_is_too_coarse_for_an_earlier_date(date_stage, nlp_fr):
    text = ("En 2015, les dockers ont voté la grève.\n\nLe port reste fermé. "
            "La direction avait refusé toute négociation.")
    assert _date(date_stage, nlp_fr, text, "avait refusé").flags[-1] == "last-resort"  # no earlier date
