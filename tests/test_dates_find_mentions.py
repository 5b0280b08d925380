"""Date mention finder: spans, components, and the traps of naive date parsing."""

from __future__ import annotations

import pytest

from eventwire.dates.find import find_mentions


def only(text, grammar):
    found = find_mentions(text, grammar)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.span[0]:m.span[1]] == m.text
    return m


@pytest.mark.parametrize("text,words,ymd", [
    ("Il a été tué le 3 janvier 2020 à Bagdad.", "le 3 janvier 2020", (2020, 1, 3)),
    ("Le vote a eu lieu le 1er mars.", "le 1er mars", (None, 3, 1)),
    ("Il est arrivé 3 janvier au matin.", "3 janvier", (None, 1, 3)),
    ("Le décret du 03/01/2020 est abrogé.", "03/01/2020", (2020, 1, 3)),
    ("La loi du 2020-01-03 est abrogée.", "2020-01-03", (2020, 1, 3)),
    ("Lors de la réunion des 22 et 23 mars 2018, ils ont voté.", "22 et 23 mars 2018", (2018, 3, 22)),
])
def test_dates_find_french_absolute(fr, text, words, ymd):
    m = only(text, fr)
    assert (m.text, m.kind, (m.year, m.month, m.day)) == (words, "date", ymd)


@pytest.mark.parametrize("text,words,ymd", [
    ("He was killed on January 3, 2020 in Baghdad.", "January 3, 2020", (2020, 1, 3)),
    ("He was killed on 3 January 2020 in Baghdad.", "3 January 2020", (2020, 1, 3)),
    ("The talks began on Jan. 3 in Geneva.", "Jan. 3", (None, 1, 3)),
    ("Mon Aug 12 2013 Extremism takes lives.", "Mon Aug 12 2013", (2013, 8, 12)),
    ("26.12.2014 The army said", "26.12.2014", (2014, 12, 26)),
    ("The order of 12/26/2014 stands.", "12/26/2014", (2014, 12, 26)),
])
def test_dates_find_english_absolute(en, text, words, ymd):
    m = only(text, en)
    assert (m.text, (m.year, m.month, m.day)) == (words, ymd)


def test_dates_find_weekday_with_date_keeps_article_and_weekday(fr):
    m = only("a affirmé le mercredi 5 novembre le ministre", fr)
    assert (m.text, m.weekday, m.month, m.day, m.year) == ("le mercredi 5 novembre", 2, 11, 5, None)


@pytest.mark.parametrize("text,words,kind,unit,count", [
    ("Hier, des soldats ont été tués.", "Hier", "relative", "day", -1),
    ("L'attaque a eu lieu avant-hier.", "avant-hier", "relative", "day", -2),
    ("Aujourd'hui avant l'aube, une bombe a explosé.", "Aujourd'hui", "relative", "day", 0),
    ("Ce matin, une bombe a explosé.", "Ce matin", "relative", "day", 0),
    ("Cette nuit, une bombe a explosé.", "Cette nuit", "relative", "day", 0),
    ("Le ministre se rendra demain à Paris.", "demain", "relative", "day", 1),
    ("La semaine dernière, des mesures ont été prises.", "La semaine dernière", "relative", "week", -1),
    ("Le mois dernier, la ville est tombée.", "Le mois dernier", "relative", "month", -1),
    ("L'an dernier, la ville est tombée.", "L'an dernier", "relative", "year", -1),
    ("La ville est tombée il y a deux jours.", "il y a deux jours", "relative", "day", -2),
    # parts of a week: about a week, the representative day is the reference date (or a week before)
    ("Des barrages ont été levés ce week-end dans le sud.", "ce week-end", "relative", "week", 0),
    ("Le port a été bloqué en début de semaine par des pêcheurs.", "en début de semaine", "relative", "week", 0),
    ("Le port a été bloqué en fin de semaine par des pêcheurs.", "en fin de semaine", "relative", "week", 0),
    ("Le port a été bloqué en fin de semaine dernière.", "en fin de semaine dernière", "relative", "week", -1),
    ("Le port avait été bloqué la semaine précédente.", "la semaine précédente", "relative", "week", -1),
])
def test_dates_find_french_relative(fr, text, words, kind, unit, count):
    m = only(text, fr)
    assert (m.text, m.kind, m.unit, m.count) == (words, kind, unit, count)


@pytest.mark.parametrize("text,words,unit,count", [
    ("Talks were held last week in Geneva.", "last week", "week", -1),
    ("Talks were held last month in Geneva.", "last month", "month", -1),
    ("Talks were held last year in Geneva.", "last year", "year", -1),
    ("Dozens were killed over the past three days.", "over the past three days", "week", 0),
    ("The city fell 2 days ago.", "2 days ago", "day", -2),
])
def test_dates_find_english_relative(en, text, words, unit, count):
    m = only(text, en)
    assert (m.text, m.unit, m.count) == (words, unit, count)


@pytest.mark.parametrize("text,words,month,year", [
    ("La ville est tombée en janvier.", "en janvier", 1, None),
    ("Le siège a commencé mi-novembre.", "mi-novembre", 11, None),
    ("Encerclés depuis juillet 2014, ils ont tenu.", "depuis juillet 2014", 7, 2014),
    ("The city fell in March 2019.", "in March 2019", 3, 2019),
])
def test_dates_find_months(fr, en, text, words, month, year):
    m = only(text, en if text.startswith("The") else fr)
    assert (m.text, m.kind, m.month, m.year) == (words, "month", month, year)


def test_dates_find_year_needs_a_cue(fr, en):
    assert only("La guerre a commencé en 2019.", fr).year == 2019
    assert only("Rebels entered the city in 2012.", en).year == 2012
    assert find_mentions("Environ 2019 personnes ont fui.", fr) == ()


def test_dates_find_weekday_direction(fr, en):
    assert only("Il viendra mercredi prochain.", fr).direction == "future"
    assert only("Il est venu mardi dernier.", fr).direction == "past"
    assert only("He came last Friday.", en).direction == "past"
    assert only("They meet on Wednesday.", en).direction == ""


def test_dates_find_deadline_and_since_roles(fr, en):
    assert only("Le Canada cessera ses frappes d'ici le 22 février.", fr).role == "limit"
    assert only("Le groupe armé est repassé à l'attaque depuis le 9 mars 2018.", fr).role == "since"
    assert only("Troops must leave by March 3.", en).role == "limit"
    assert only("The war has raged since 2011.", en).role == "since"


# --- traps of plain date parsing --------------------------------------------------------


def test_dates_trap_une_is_not_a_day(fr):
    # dateparser reads "Mercredi, une" as 5 January ("une" = 1): the weekday stays a weekday.
    m = only("Mercredi, une source de sécurité a révélé l'arrivée du convoi.", fr)
    assert (m.text, m.kind, m.weekday, m.day, m.month) == ("Mercredi", "weekday", 2, None, None)


def test_dates_trap_des_is_not_a_date(fr):
    assert find_mentions("Des soldats ont tiré des obus sur des maisons.", fr) == ()


def test_dates_trap_mars_the_planet(fr):
    assert find_mentions("La sonde s'est posée sur Mars après sept mois.", fr) == ()
    assert find_mentions("Mars est la quatrième planète.", fr) == ()


def test_dates_trap_mars_with_a_cue_or_day_is_a_month(fr):
    assert only("La ville est tombée en mars.", fr).month == 3
    assert only("La ville est tombée début mars.", fr).month == 3
    assert only("La ville est tombée le 25 mars.", fr).day == 25


def test_dates_trap_may_the_modal(en):
    assert find_mentions("Rebels may attack the city, officials said.", en) == ()
    assert find_mentions("Theresa May said the attack was unacceptable.", en) == ()


def test_dates_trap_may_the_month(en):
    assert only("The city fell in May.", en).month == 5
    assert only("The city fell on May 4.", en).day == 4


def test_dates_trap_march_the_verb_and_noun(en):
    assert find_mentions("Thousands will march to the capital after the march.", en) == ()
    assert find_mentions("March toward the palace, the leaders said.", en) == ()
    assert only("Protests began in March.", en).month == 3


def test_dates_find_wikinews_spaced_ordinal(fr):
    m = only("la cause de l'accident du 1 er août sur la piste", fr)
    assert (m.text, m.day, m.month) == ("du 1 er août", 1, 8)


def test_dates_find_names_are_not_dates(fr, en):
    assert find_mentions("Selon Mai Fatty, le président a volé des millions.", fr) == ()
    assert find_mentions("Le Journal du dimanche affirme même que tout est faux.", fr) == ()
    assert find_mentions("The Arab Spring began long ago.", en) == ()


def test_dates_find_weekday_with_day_number_only(fr):
    m = only("Ils ont reconduit la grève jusqu'à mardi 14, journée de manifestation.", fr)
    assert (m.text, m.weekday, m.day, m.month) == ("mardi 14", 1, 14, None)


def test_dates_trap_weekday_then_a_count_is_not_a_day(fr):
    m = only("Mardi 14 personnes ont été tuées.", fr)
    assert (m.text, m.kind, m.day) == ("Mardi", "weekday", None)


@pytest.mark.parametrize("text", [
    "MARDI 14, les Ministres se sont réunis. Le 3 Janvier 2020, EN MARS 2019, la Semaine Dernière.",
    "İstanbul : le 3 mars, l'armée a frappé.",  # "İ" lower-cases to two characters
    "Le navire ſ'est échoué le 3 mars, mardi dernier.",  # a long s: IGNORECASE reads it as "s"
])
def test_dates_case_blind_scan_finds_what_ignorecase_finds(fr, text, monkeypatch):
    """The French patterns run without IGNORECASE on the lower-cased text (faster); the mentions,
    their words and spans are those the IGNORECASE patterns find in the text itself."""
    import eventwire.dates.find as finder

    fast = find_mentions(text, fr)
    monkeypatch.setattr(finder, "_lowered", lambda _text: None)
    assert fast == find_mentions(text, fr)
    assert all(text[m.span[0]:m.span[1]] == m.text for m in fast) and fast


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le mercredi 5 novembre, puis le lendemain, l'armée a repris la ville ; deux jours plus tard, le 7."),
    ("fr", "Depuis mi-novembre et jusqu'au 22 février 2019, les 16, 17 et 18 juillet, A2016-01-01 et 5mars."),
    ("fr", "L'ANNÉE DERNIÈRE, Mardi 14 et aujourd’hui (le 3 mars) ; ce jour-là, en 2015, du 3 au 5 mai."),
    ("fr", "Trois semaines après l'accord, 03/01/2020 et 12.05.2019 ; le_5 mars, x-le 3 mars, hier soir."),
    ("en", "On Monday, January 3, 2022, and the 5th of May, two weeks ago, last Tuesday; 3 days later, in March 2019."),
    ("en", "THE NEXT DAY, by the end of March, 2016-13-45 and 2016-02-03, a week earlier, this morning."),
])
def test_dates_first_word_starts_find_what_the_scans_find(request, lang, text, monkeypatch):
    """Each pattern is tried only where one of its first words opens a word of the text (``dates.starts``):
    the mentions are those of a scan of the whole text by each pattern."""
    import eventwire.dates.find as finder

    grammar = request.getfixturevalue(lang)
    fast = find_mentions(text, grammar)
    monkeypatch.setattr(finder, "_starts", lambda *_args: {})
    assert fast == find_mentions(text, grammar) and len(fast) >= 3


def test_dates_first_words_are_read_off_the_pattern():
    import re

    from eventwire.dates.starts import first_words

    found = first_words(re.compile(r"(?<![\w-])(?:(?:le|ce)\s+)?(?:mardi|mer(?:credi)?)(?:\s+\d{1,2})?(?![\w-])"))
    assert found is not None and found.words == {"le", "ce", "mardi", "mer", "mercredi"} and not found.digits
    assert first_words(re.compile(r"(?<![\d/.-])\d{4}-\d\d")).digits
    # a match that may start inside a word, or whose first word may run on: the pattern scans the text
    assert first_words(re.compile(r"mardi(?![\w-])")) is None
    assert first_words(re.compile(r"(?<![\w-])mardi")) is None
    assert first_words(re.compile(r"(?<![\w-])mar\w+")) is None
    assert first_words(re.compile(r"(?<![\w-])(?:ab)+(?![\w-])")) is None
    assert first_words(re.compile(r"(?<![\w-])(?:ab){2}(?![\w-])")).words == {"abab"}


@pytest.mark.parametrize("text,words,day,weekday", [
    ("Un entrepôt a brûlé dans la nuit de jeudi à vendredi à Rennes.", "jeudi à vendredi", None, 4),
    ("Deux voitures ont été incendiées dans la nuit du lundi au mardi.", "du lundi au mardi", None, 1),
    ("Les tirs ont repris dans la nuit du 14 au 15 septembre.", "du 14 au 15 septembre", 15, None),
    ("La gare a été évacuée dans la nuit du mardi 4 au mercredi 5 juin.", "du mardi 4 au mercredi 5 juin", 5, 2),
])
def test_dates_find_a_night_is_dated_by_the_day_it_ends_on(fr, text, words, day, weekday):
    # the news dates what happened overnight to the morning it ends on
    m = only(text, fr)
    assert (m.text, m.day, m.weekday) == (words, day, weekday)


def test_dates_find_a_range_that_is_no_night_keeps_its_first_day(fr):
    m = only("Le sommet se tiendra du 14 au 15 septembre à Nice.", fr)
    assert m.day == 14


@pytest.mark.parametrize("text,words,count", [
    ("Les grévistes bloquent le dépôt depuis onze jours.", "depuis onze jours", -11),
    ("Le village est assiégé depuis quinze jours.", "depuis quinze jours", -15),
    ("Il a été libéré il y a vingt ans.", "il y a vingt ans", -20),
])
def test_dates_find_french_counted_numbers_past_ten(fr, text, words, count):
    m = only(text, fr)
    assert (m.text, m.count) == (words, count)


def test_dates_find_english_counted_numbers_past_ten(en):
    m = only("The camp was shelled twelve days ago.", en)
    assert (m.text, m.count) == ("twelve days ago", -12)


def test_dates_find_english_in_a_text_written_in_capitals(en):
    # archived wire copy in capitals: month and weekday names are read, the mentions keep the text's words
    text = ("ZORGLUB CITY, 12 JAN 90 (RADIO BLUB) -- [TEXT] REBELS BURNED A BUS ON 5 JANUARY AND A TRUCK "
            "ON TUESDAY. THE ARMY SAID TODAY THAT IT MAY MARCH ON THE TOWN.")
    found = [(m.text, m.kind, m.month, m.day, m.weekday) for m in find_mentions(text, en)]
    assert found == [("12 JAN", "date", 1, 12, None), ("5 JANUARY", "date", 1, 5, None),
                     ("TUESDAY", "weekday", None, None, 1), ("TODAY", "relative", None, None, None)]


def test_dates_find_english_a_heading_in_capitals_is_no_text_in_capitals(en):
    assert find_mentions("REBELS MAY MARCH. Troops left on Tuesday.", en)[0].text == "Tuesday"
