"""DateStage, ``via-offset``: an event right after a counted offset ("une semaine après une double
attaque", "a week after a bombing") is that far from the clause it hangs on."""

from __future__ import annotations

import pytest

from _dates import run  # noqa: E402
from eventwire.dates.vocab import compile_grammar, load_vocab

pytestmark = pytest.mark.slow  # parses with the spaCy models

DIFFA = ("Niger : embuscade contre un convoi de l'armée\n\n17 décembre 2016 . –\nAu moins 13 soldats sont "
         "morts lorsqu'une mine a explosé sous un camion de l'armée près de Diffa. Cette embuscade n'a pas été "
         "revendiquée, mais survient une semaine après une double attaque au mortier contre des gendarmes "
         "à Niamey.")


def test_offset_counts_back_from_the_clause_date(date_stage, nlp_fr):
    niamey, diffa = (e.date for e in run(date_stage, nlp_fr, DIFFA, ["attaque au mortier", "a explosé"]).events)
    assert diffa.value == "2016-12-17"
    assert (niamey.value, niamey.precision, niamey.text) == ("2016-12-10", "week", "une semaine après")
    assert niamey.flags[-2:] == ("base:2016-12-17", "via-offset")
    assert DIFFA[niamey.span[0]:niamey.span[1]] == "une semaine après"


def test_offset_before_counts_forward(date_stage, nlp_fr):
    text = "Le 2 mars 2020, le chef rebelle a été arrêté, trois jours avant le lancement de l'offensive."
    (w,) = (e.date for e in run(date_stage, nlp_fr, text, ["lancement"], published="2020-03-20").events)
    assert (w.value, w.precision) == ("2020-03-05", "day")


def test_own_date_beats_the_offset(date_stage, nlp_fr):
    text = "L'armée a riposté le 9 mars 2020, deux jours après l'attaque du 3 mars 2020."
    (w,) = (e.date for e in run(date_stage, nlp_fr, text, ["attaque"], published="2020-03-20").events)
    assert w.value == "2020-03-03" and "via-offset" not in w.flags


def test_offset_in_english(date_stage, nlp_en):
    text = "The ambush near Diffa on Saturday comes a week after a double bombing in Niamey that no group claimed."
    (w,) = (e.date for e in run(date_stage, nlp_en, text, ["bombing"], published="2016-12-17", lang="en").events)
    assert (w.value, w.precision, w.flags[-1]) == ("2016-12-10", "week", "via-offset")


def test_offset_phrases_compile_with_their_counts():
    g = compile_grammar(load_vocab("en"))
    assert [m.group(0) for m in g.offset.finditer("two days after the raid, a week before the vote")] == [
        "two days after", "a week before"]
    g = compile_grammar(load_vocab("fr"))
    assert g.offset.search("trois ans après la guerre").group(0) == "trois ans après"


def test_dates_the_day_after_an_event_dates_that_event_the_day_before(date_stage, nlp_fr):
    # "le lendemain d'une frappe": the strike is the day before the clause, not the day after a date
    text = ("Le 3 mai, le ministre a reçu les élus de la région.\n\n"
            "Les habitants ont manifesté le 9 mai, le lendemain d'une frappe aérienne sur le marché.")
    out = run(date_stage, nlp_fr, text, ["frappe", "ont manifesté"], published="2023-05-10")
    assert out.events[0].date.value == "2023-05-08"
    assert out.events[1].date.value == "2023-05-09"


def test_dates_the_day_after_an_event_is_no_sequel_of_the_previous_date(date_stage, nlp_fr):
    text = ("Le 3 mai, le ministre a reçu les élus de la région.\n\n"
            "Cette manifestation a lieu le lendemain d'une frappe aérienne sur le marché.")
    out = run(date_stage, nlp_fr, text, ["manifestation"], published="2023-05-10")
    assert out.events[0].date is None or out.events[0].date.value != "2023-05-04"


def test_dates_the_eve_of_an_event_dates_it_the_day_after(date_stage, nlp_fr):
    text = "Le 14 juin, à la veille du scrutin, l'armée a bloqué l'accès à internet."
    out = run(date_stage, nlp_fr, text, ["a bloqué", "scrutin"], published="2023-06-16")
    assert out.events[0].date.value == "2023-06-14"
    assert out.events[1].date.value == "2023-06-15"
