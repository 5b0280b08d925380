"""Resolution of date mentions against the article's reference date (the anchor)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates.find import find_mentions
from eventwire.dates.resolve import Anchor, find_anchor, resolve

THU_5_NOV_2020 = Anchor(date(2020, 11, 5), "published")


def when(text, grammar, anchor=THU_5_NOV_2020, future=False):
    (m,) = find_mentions(text, grammar)
    return resolve(m, anchor, future)


def test_dates_resolve_full_date_is_exact(fr):
    w = when("Depuis l'enlèvement le 3 janvier 2020, la tension monte.", fr)
    assert (w.value, w.precision, w.flags, w.text) == ("2020-01-03", "day", (), "le 3 janvier 2020")


def test_dates_resolve_weekday_mismatch_day_number_wins(fr):
    w = when("a affirmé le mercredi 5 novembre le ministre", fr)
    assert (w.value, w.precision) == ("2020-11-05", "day")
    assert "weekday-mismatch" in w.flags and "alt:2020-11-04" in w.flags


def test_dates_resolve_weekday_agreeing_is_not_flagged(fr):
    w = when("a affirmé le mercredi 4 novembre le ministre", fr)
    assert w.value == "2020-11-04" and "weekday-mismatch" not in w.flags


def test_dates_resolve_weekday_past_is_on_or_before_anchor(fr):
    assert when("Mercredi, une source a révélé l'arrivée.", fr).value == "2020-11-04"
    assert when("Jeudi, une source a révélé l'arrivée.", fr).value == "2020-11-05"
    assert when("Vendredi, une source a révélé l'arrivée.", fr).value == "2020-10-30"


def test_dates_resolve_weekday_future_tense_points_forward(fr):
    assert when("Il se rendra mercredi à Bagdad.", fr, future=True).value == "2020-11-11"
    assert when("Il se rendra samedi à Bagdad.", fr, future=True).value == "2020-11-07"


def test_dates_resolve_weekday_explicit_direction(fr, en):
    assert when("Il viendra jeudi prochain.", fr).value == "2020-11-12"
    assert when("Il est venu jeudi dernier.", fr).value == "2020-10-29"
    assert when("They met last Thursday.", en).value == "2020-10-29"
    assert when("They meet next Monday.", en).value == "2020-11-09"


def test_dates_resolve_relative_days(fr, en):
    assert when("Hier, la ville est tombée.", fr).value == "2020-11-04"
    assert when("Avant-hier, la ville est tombée.", fr).value == "2020-11-03"
    assert when("Aujourd'hui, la ville est tombée.", fr).value == "2020-11-05"
    assert when("Demain, il se rendra à Paris.", fr).value == "2020-11-06"
    assert when("The city fell yesterday.", en).value == "2020-11-04"


def test_dates_resolve_last_week_has_week_precision(fr, en):
    w = when("« La semaine dernière, des sanctions sévères ont été décidées »", fr)
    assert (w.value, w.precision) == ("2020-10-29", "week")
    assert when("Talks were held last week.", en).precision == "week"


def test_dates_resolve_last_month_and_year(fr, en):
    assert (when("Le mois dernier, ils ont voté.", fr).value, "month") == ("2020-10", "month")
    assert when("L'an dernier, ils ont voté.", fr).value == "2019"
    assert when("They voted last month.", en).value == "2020-10"
    assert when("They voted last year.", en).precision == "year"
    jan = Anchor(date(2021, 1, 10), "published")
    assert when("Le mois dernier, ils ont voté.", fr, jan).value == "2020-12"


def test_dates_resolve_day_month_without_year_is_on_or_before_anchor(fr):
    assert when("Le vote a eu lieu le 1er mars.", fr).value == "2020-03-01"
    w = when("Le vote a eu lieu le 25 décembre.", fr)
    assert w.value == "2019-12-25" and "year-inferred" in w.flags


def test_dates_resolve_day_month_future_goes_forward(fr):
    assert when("Le vote aura lieu le 25 décembre.", fr, future=True).value == "2020-12-25"
    assert when("Le vote aura lieu le 3 janvier.", fr, future=True).value == "2021-01-03"


def test_dates_resolve_month_without_year(fr, en):
    assert when("La ville est tombée en juin.", fr).value == "2020-06"
    assert when("La ville est tombée en décembre.", fr).value == "2019-12"
    assert when("The city fell in June 2014.", en).value == "2014-06"


def test_dates_resolve_relative_needs_an_anchor(fr):
    assert when("Hier, la ville est tombée.", fr, anchor=None) is None
    assert when("Mercredi, la ville est tombée.", fr, anchor=None) is None
    assert when("Le 3 janvier 2020, la ville est tombée.", fr, anchor=None).value == "2020-01-03"


def test_dates_resolve_anchor_flag_records_source(fr):
    dateline = Anchor(date(2016, 1, 4), "dateline", (0, 14), "4 janvier 2016")
    assert "anchor:dateline" in when("Hier, la ville est tombée.", fr, dateline).flags


# --- the anchor ---------------------------------------------------------------------------

WIKINEWS = ("Liban : un dépôt visé\n\nCarte de la région.\n\n"
            "9 mars 2017 . – Ce matin, deux engins explosifs ont été désamorcés près du port.")


def test_dates_anchor_from_wikinews_dateline_when_published_missing(fr):
    anchor = find_anchor(WIKINEWS, None, find_mentions(WIKINEWS, fr), fr)
    assert (anchor.day, anchor.source, anchor.text) == (date(2017, 3, 9), "dateline", "9 mars 2017")
    assert WIKINEWS[anchor.span[0]:anchor.span[1]] == "9 mars 2017"


def test_dates_anchor_dateline_wins_over_disagreeing_published(en):
    text = "August 12 2016 Gunmen ambushed a patrol on Friday."
    anchor = find_anchor(text, "2016-08-15", find_mentions(text, en), en)
    assert (anchor.day, anchor.source) == (date(2016, 8, 12), "dateline")
    posted = "Posted on August 3 2016 by a reporter. Gas was dropped on Monday."
    assert find_anchor(posted, None, find_mentions(posted, en), en).day == date(2016, 8, 3)


@pytest.mark.parametrize(("lang", "text", "day"), [
    ("en", "LAGOS, March 8, 2022 (Zorglub News) - Police arrested ten protesters on Tuesday.", date(2022, 3, 8)),
    ("en", "WASHINGTON, Dec. 5, 2021 (AP) — The senators met on Friday.", date(2021, 12, 5)),
    ("fr", "PARIS, 8 mars 2022 (AFP) - La police a interpellé dix manifestants mardi.", date(2022, 3, 8)),
])
def test_dates_anchor_a_wire_dateline_after_its_place(request, lang, text, day):
    grammar = request.getfixturevalue(lang)
    anchor = find_anchor(text, "2022-03-10", find_mentions(text, grammar), grammar)
    assert (anchor.day, anchor.source) == (day, "dateline")


def test_dates_anchor_a_date_in_the_body_is_no_wire_dateline(en):
    text = "Police arrested ten protesters in Lagos, March 8, 2022 - a court said so."
    assert find_anchor(text, "2022-03-10", find_mentions(text, en), en).source == "published"


def test_dates_anchor_published_when_no_dateline(fr):
    text = "Le Hezbollah a menacé Israël hier. Le 3 janvier 2020, un raid a eu lieu."
    anchor = find_anchor(text, "2020-11-05", find_mentions(text, fr), fr)
    assert (anchor.day, anchor.source, anchor.span) == (date(2020, 11, 5), "published", (0, 0))


def test_dates_anchor_from_text_dates_never_today(fr):
    text = ("« Il y aura une riposte », a affirmé le mercredi 5 novembre le ministre. "
            "Depuis l'enlèvement le 3 janvier 2020, le Parlement a voté.")
    anchor = find_anchor(text, None, find_mentions(text, fr), fr)
    assert (anchor.day, anchor.source) == (date(2020, 11, 5), "text-dates")
    assert anchor.text == "le mercredi 5 novembre"


def test_dates_anchor_none_without_any_date(fr):
    text = "Le Hezbollah a menacé Israël hier."
    assert find_anchor(text, None, find_mentions(text, fr), fr) is None
    assert find_anchor(text, "2016-01-ur", find_mentions(text, fr), fr) is None


def test_dates_resolve_sequel_counts_from_previous_date(fr):
    text = "Le 8 décembre, Daech lance une offensive. Le lendemain, Daech continue d'avancer."
    first, sequel = find_mentions(text, fr)
    anchor = Anchor(date(2016, 12, 12), "published")
    previous = resolve(first, anchor)
    w = resolve(sequel, anchor, previous=previous)
    assert (w.value, w.text, w.flags) == ("2016-12-09", "Le lendemain", ("after:2016-12-08",))


@pytest.mark.parametrize("words,value", [
    ("Le jour même", "2016-12-08"), ("Le jour suivant", "2016-12-09"), ("Le jour précédent", "2016-12-07")])
def test_dates_resolve_day_sequels(fr, words, value):
    text = f"Le 8 décembre, des rebelles prennent un village. {words}, l'armée bombarde leurs positions."
    first, sequel = find_mentions(text, fr)
    anchor = Anchor(date(2016, 12, 12), "published")
    w = resolve(sequel, anchor, previous=resolve(first, anchor))
    assert (w.value, w.text, w.precision) == (value, words, "day")


def test_dates_resolve_sequel_without_previous_uses_anchor(en):
    (m,) = find_mentions("The talks resumed the next day.", en)
    assert resolve(m, THU_5_NOV_2020).value == "2020-11-06"
    assert resolve(m, None) is None


def test_dates_resolve_depuis_n_jours(fr):
    w = when("Depuis trois jours, les rebelles rassemblent des renforts.", fr,
             Anchor(date(2017, 1, 16), "dateline"))
    assert (w.value, w.precision) == ("2017-01-13", "day")


def test_dates_resolve_weekday_and_day_take_month_from_anchor(fr):
    anchor = Anchor(date(2016, 6, 9), "published")
    w = when("Ils ont reconduit la grève jusqu'à mardi 14, journée de manifestation.", fr, anchor)
    assert (w.value, w.flags) == ("2016-06-14", ("month-inferred", "anchor:published"))
    assert when("Le samedi 28, il a été tué.", fr, anchor).value == "2016-05-28"


FRI_7_DEC_2018 = Anchor(date(2018, 12, 7), "published")
FRI_15_JUL_2016 = Anchor(date(2016, 7, 15), "published")


def test_dates_resolve_agreeing_weekday_picks_the_coming_day(fr):
    # 14 December 2018 is a Friday, 14 December 2017 a Thursday: next week, not a year ago
    (m,) = find_mentions("la CGT a appelé à la grève pour le vendredi 14 décembre", fr)
    w = resolve(m, FRI_7_DEC_2018)
    assert w.value == "2018-12-14" and "weekday-mismatch" not in w.flags


def test_dates_resolve_weekday_never_moves_a_date_a_year_back(fr):
    # 5 November 2020 was a Thursday; in November 2021 "jeudi 5 novembre" is a slip of the weekday
    (m,) = find_mentions("a affirmé le jeudi 5 novembre le ministre", fr)
    w = resolve(m, Anchor(date(2021, 11, 20), "published"))
    assert w.value == "2021-11-05" and "weekday-mismatch" in w.flags


def test_dates_resolve_present_clause_may_speak_of_the_coming_days(fr):
    (m,) = find_mentions("annonce trois jours de deuil national les 16, 17 et 18 juillet", fr)
    assert m.text == "16, 17 et 18 juillet" and m.day == 16  # a list keeps its first day
    assert resolve(m, FRI_15_JUL_2016, present=True).value == "2016-07-16"
    assert resolve(m, FRI_15_JUL_2016).value == "2015-07-16"  # a past clause: the one before



def test_dates_resolve_narrative_present_keeps_a_recent_past_day(fr):
    (m,) = find_mentions("Le 28 décembre, l'armée attaque la ville.", fr)
    assert resolve(m, Anchor(date(2021, 1, 5), "published"), present=True).value == "2020-12-28"


def test_dates_resolve_ce_weekday_is_the_nearest_such_day(fr, en):
    sat = Anchor(date(2018, 12, 1), "published")
    (m,) = find_mentions("Ce dimanche, des manifestants ont bloqué le péage.", fr)
    assert m.direction == "near" and resolve(m, sat).value == "2018-12-02"  # tomorrow, not six days ago
    (m,) = find_mentions("Ce dimanche, des manifestants ont bloqué le péage.", fr)
    assert resolve(m, Anchor(date(2018, 12, 3), "published")).value == "2018-12-02"  # Monday: yesterday
    (m,) = find_mentions("Ce jeudi, la police a arrêté le suspect.", fr)
    assert resolve(m, Anchor(date(2016, 12, 22), "published")).value == "2016-12-22"  # the day itself
    (m,) = find_mentions("Protesters will march this Sunday.", en)
    assert resolve(m, sat).value == "2018-12-02"


@pytest.mark.parametrize(("text", "day"), [
    # a page flattened to one line: title, date, place and agency, then the body
    ("Army restores calm in the northern hills 4 May 2019 Zorglub AGENCY-Army units on Friday cleared "
     "two villages.", date(2019, 5, 4)),
    ("Rebels shell the old market By Jane Writer May 4 2019 Rebels shelled the market on Friday.", date(2019, 5, 4)),
    ("Last Update: Saturday 4 May 2019 KSA 10:15 - GMT 07:15 Rebels shelled the market on Friday.", date(2019, 5, 4)),
])
def test_dates_anchor_a_dateline_between_title_and_body(en, text, day):
    anchor = find_anchor(text, "2019-05-09", find_mentions(text, en), en)
    assert (anchor.day, anchor.source) == (day, "dateline")


@pytest.mark.parametrize("text", [
    "Rebels shelled the old market on 4 May 2019 Zorglub officials said.",  # after "on": the lead's date
    "Rebels seized the hill. Troops fled. The market fell 4 May 2019 Zorglub said.",  # past the title
    "Rebels shelled the market 4 May 2019 and left.",  # the rest of a sentence follows
])
def test_dates_anchor_a_date_of_the_lead_is_no_dateline_between_title_and_body(en, text):
    assert find_anchor(text, "2019-05-09", find_mentions(text, en), en).source == "published"
