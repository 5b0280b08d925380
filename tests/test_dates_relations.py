"""Dates counted from other dates ("89 jours plus tard"), hedged counts ("il y a à peine deux mois"),
present-time adverbs that close a narrative frame ("désormais"), the French conditional, and
future chains of infinitives ("devrait chercher à reprendre")."""

from __future__ import annotations

from datetime import date

import pytest

from _dates import run as run_stage  # noqa: E402
from eventwire.dates.doc import is_background, is_conditional
from eventwire.dates.find import find_mentions
from eventwire.dates.resolve import Anchor, resolve
from eventwire.records import Analysis, Article, Event, TextRef

MON_16_JAN_2017 = Anchor(date(2017, 1, 16), "dateline")


def resolved(text, grammar, anchor=MON_16_JAN_2017):
    """Every mention of ``text`` resolved in order, sequels counted from the last day date."""
    out, previous = [], None
    for m in find_mentions(text, grammar):
        w = resolve(m, anchor, previous=previous)
        out.append(w)
        if w is not None and w.precision == "day":
            previous = w
    return out


# --- counted sequels -----------------------------------------------------------------------------


def test_dates_counted_sequel_counts_days_from_previous_date(fr):
    text = ("La dernière fois qu'un journaliste avait été détenu dans la région remonte au 9 novembre 2009. "
            "Il avait été relâché 89 jours plus tard, le 6 février 2010.")
    first, sequel, last = resolved(text, fr)
    assert (sequel.text, sequel.value, sequel.precision) == ("89 jours plus tard", "2010-02-06", "day")
    assert sequel.flags == ("after:2009-11-09",)
    assert last.value == sequel.value


def test_dates_counted_sequel_keeps_the_unit_as_precision(fr):
    text = "Le 8 décembre, Daech lance une offensive. Trois semaines plus tard, l'armée reprend la ville."
    _, sequel = resolved(text, fr)
    assert (sequel.value, sequel.precision) == ("2016-12-29", "week")
    text = "Le 8 décembre 2016, Daech lance une offensive. Deux mois plus tard, l'armée reprend la ville."
    _, sequel = resolved(text, fr)
    assert (sequel.value, sequel.precision) == ("2017-02", "month")


def test_dates_counted_sequel_later_without_earlier_date_is_not_resolved(fr):
    # "two days later" than an event the text does not date: not two days after the dispatch
    (w,) = resolved("Deux jours plus tard, les rebelles ont repris la ville.", fr)
    assert w is None


def test_dates_counted_sequel_earlier_without_earlier_date_counts_from_anchor(fr):
    (w,) = resolved("Trois jours plus tôt, les rebelles avaient pris la ville.", fr)
    assert (w.value, w.precision, w.flags) == ("2017-01-13", "day", ("anchor:dateline",))


def test_dates_counted_sequel_english(en):
    text = "On March 3, 2016, rebels attacked the town. Two days later, troops entered it."
    _, sequel = resolved(text, en)
    assert (sequel.text, sequel.value, sequel.flags) == ("Two days later", "2016-03-05", ("after:2016-03-03",))


# --- hedged and singular counts ------------------------------------------------------------------


def test_dates_hedged_count_is_read_as_written(fr):
    (w,) = resolved("Déjà il y a à peine deux mois, les miliciens avaient été chassés du port.", fr)
    assert (w.text, w.value, w.precision) == ("il y a à peine deux mois", "2016-11", "month")
    (w,) = resolved("Les combattants sont assiégés depuis plus de trois ans dans la ville.", fr)
    assert (w.text, w.value, w.precision) == ("depuis plus de trois ans", "2014", "year")


def test_dates_hedge_alone_is_not_a_date(fr):
    assert find_mentions("Il a été condamné à une peine de plus de trois ans de prison.", fr) == ()
    assert find_mentions("Environ deux semaines de combats ont suffi.", fr) == ()


def test_dates_singular_counts(fr, en):
    (w,) = resolved("Il y a une semaine, des mesures de sécurité ont été prises.", fr)
    assert (w.value, w.precision) == ("2017-01-09", "week")
    (w,) = resolved("Il y a un an, le groupe contrôlait la ville.", fr)
    assert (w.value, w.precision) == ("2016", "year")
    (w,) = resolved("Rebels seized the town about two weeks ago.", en)
    assert (w.text, w.value, w.precision) == ("about two weeks ago", "2017-01-02", "week")


# --- with the parse ------------------------------------------------------------------------------


def run(date_stage, nlp, text, triggers, published="2017-02-03", lang="fr"):
    return run_stage(date_stage, nlp, text, triggers, published=published, lang=lang)


@pytest.mark.slow
def test_dates_present_adverb_closes_the_narrative_frame(date_stage, nlp_fr):
    story = ("En mars 2016, la milice locale est chassée du port par la brigade du Nord. {} "
             "Alors que les pourparlers débutent, la brigade du Nord attaque les autres milices.")
    carried = run(date_stage, nlp_fr, story.format("Les miliciens se regroupent dans les collines."), ["attaque"])
    assert carried.events[0].date.value == "2016-03"  # the frame is carried ...
    closed = run(date_stage, nlp_fr, story.format("Mais elle est désormais très affaiblie."), ["attaque"])
    w = closed.events[0].date  # ... until a sentence set in the present
    assert (w.value, w.flags) == ("2017-02-03", ("from-published",))


@pytest.mark.slow
def test_dates_present_adverb_in_the_event_sentence(date_stage, nlp_fr):
    text = ("Le 11 décembre, le port entier est pris. "
            "La garde côtière se bat maintenant pour conserver la base navale de Syrte.")
    out = run(date_stage, nlp_fr, text, ["se bat"], published="2016-12-12")
    assert (out.events[0].date.value, out.events[0].date.flags) == ("2016-12-12", ("from-published",))


@pytest.mark.slow
def test_dates_english_now_closes_the_frame(date_stage, nlp_en):
    story = "On Monday, rebels attacked the airport. {} The army shelled the northern districts."
    carried = run(date_stage, nlp_en, story.format("The fighting spread to the city."), ["shelled"],
                  published="2016-08-03", lang="en")
    assert carried.events[0].date.value == "2016-08-01"
    closed = run(date_stage, nlp_en, story.format("The rebels now control half of the city."), ["shelled"],
                 published="2016-08-03", lang="en")
    assert closed.events[0].date.value == "2016-08-03"


@pytest.mark.slow
def test_dates_future_event_is_not_a_coreference_of_a_past_one(date_stage, nlp_fr):
    text = ("Le gouvernement reprend le port en mars 2016.\n"
            "La milice, qui a perdu le port, devrait chercher à reprendre le port après l'arrivée "
            "de renforts.")
    out = run(date_stage, nlp_fr, text, ["reprend", "reprendre"], published="2016-12-12")
    assert out.events[0].date.value == "2016-03"
    assert out.events[1].date is None or "via-coreference" not in out.events[1].date.flags


@pytest.mark.slow
def test_dates_future_through_a_chain_of_infinitives(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "La milice devrait chercher à reprendre le port mardi.", ["reprendre"],
              published="2020-11-05")  # a Thursday: next Tuesday, not the last one
    assert out.events[0].date.value == "2020-11-10"


@pytest.mark.slow
def test_dates_conditional_is_not_imperfect(nlp_fr):
    doc = nlp_fr("Selon l'OSDH, l'aviation russe bombarderait la ville. Le régime déclarait la trêve.")
    by_text = {t.text: t for t in doc}
    assert is_conditional(by_text["bombarderait"]) and not is_background(doc, by_text["bombarderait"].i)
    assert not is_conditional(by_text["déclarait"]) and is_background(doc, by_text["déclarait"].i)


@pytest.mark.slow
def test_dates_conditional_event_takes_the_dispatch_date(date_stage, nlp_fr):
    out = run(date_stage, nlp_fr, "Selon l'OSDH, l'aviation russe bombarderait la ville.", ["bombarderait"],
              published="2016-12-12")
    assert (out.events[0].date.value, out.events[0].date.flags) == ("2016-12-12", ("from-published",))
    out = run(date_stage, nlp_fr, "À cette époque, l'aviation russe bombardait la ville.", ["bombardait"],
              published="2016-12-12")
    assert out.events[0].date is None  # the imperfect recalls the background


@pytest.mark.slow
def test_dates_demonstrative_noun_takes_its_antecedent_date(date_stage, nlp_fr):
    text = ("Lors du sommet régional des 22 et 23 mars 2018, les ministres ont décidé de suspendre leur "
            "coopération. La raison principale est l'enlèvement du journaliste Karim Haddad et de son frère "
            "au 4 mars dans la ville de Tobrouk. Dans un texte commun, la responsabilité de la milice dans cet "
            "enlèvement est jugée comme très probable.")
    start = text.index("cet enlèvement") + 4
    event = Event(article_id="t", language="fr", type="ASSAULT", trigger=TextRef("enlèvement", (start, start + 10)),
                  evidence=TextRef(text, (0, len(text))))
    out = date_stage(Analysis(article=Article(id="t", text=text, language="fr", published="2018-03-24"),
                         doc=nlp_fr(text), events=(event,)))
    w = out.events[0].date
    assert (w.value, w.text) == ("2018-03-04", "au 4 mars") and "via-antecedent" in w.flags


@pytest.mark.slow
def test_dates_demonstrative_noun_without_dated_antecedent_keeps_context(date_stage, nlp_fr):
    text = ("Le 8 décembre, Daech a lancé une offensive contre la ville. Des attaques ont visé l'aéroport. "
            "Ces attaques ont été revendiquées par le groupe.")
    out = run(date_stage, nlp_fr, text, ["Ces attaques"], published="2016-12-12")
    w = out.events[0].date
    assert w.value == "2016-12-08" and "via-antecedent" not in w.flags


@pytest.mark.slow
def test_a_verb_the_tagger_reads_as_a_noun_still_tells_its_event(date_stage, nlp_fr):
    # fr_core_news_md tags "négocieraient" as a noun; it heads a clause and has a subject
    text = ("Les miliciens ne contrôlent plus que le vieux port alors que les médiateurs algériens et "
            "maliens négocieraient leur reddition.")
    w = run(date_stage, nlp_fr, text, ["négocieraient"], published="2016-12-12").events[0].date
    assert w is not None and w.value == "2016-12-12" and "from-published" in w.flags
