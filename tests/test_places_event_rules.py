"""How an event picks its place beyond its own sentence (issue 11): the seat of a government that
speaks or decides in an article about another country — on sentences of our own, with the full
offline gazetteer."""

from __future__ import annotations

import pytest

from _places import run  # noqa: E402
from eventwire.places import PlaceStage

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage(resources):
    return PlaceStage(resources)


PERU = ("Pérou : une crise diplomatique s'envenime\n\n4 mars 2019\n\n"
        "Le Chili a rompu ses relations diplomatiques avec le Pérou mardi. Le Pérou dénonce une décision "
        "brutale et le Pérou a convoqué les diplomates chiliens. Des soldats ont tiré sur des manifestants.")


def test_a_foreign_government_decides_at_its_seat(stage, nlp_fr):
    ev = run(stage, nlp_fr, PERU, "a rompu", "fr", "SANCTION", source="Chili", sector="GOV", country="CHL")
    loc = ev.location
    assert (loc.country, loc.precision, loc.name) == ("CHL", "city", "Santiago")  # not Peru, the article's
    assert "the seat of the government of its source 'Chili'" in ev.explanation


def test_a_government_at_home_speaks_from_its_capital_rather_than_the_countrys_centre(stage, nlp_fr):
    ev = run(stage, nlp_fr, PERU, "a convoqué", "fr", "REQUEST", source="Pérou", sector="GOV", country="PER")
    assert (ev.location.country, ev.location.precision, ev.location.name) == ("PER", "city", "Lima")


def test_a_government_of_the_articles_own_country_keeps_a_city_of_the_title(stage, nlp_fr):
    text = ("Pérou : tensions à Cuzco\n\n4 mars 2019\n\n"
            "Le gouvernement a convoqué les dirigeants syndicaux. Les négociations reprennent jeudi.")
    ev = run(stage, nlp_fr, text, "a convoqué", "fr", "REQUEST", source="gouvernement", sector="GOV", country="PER")
    assert (ev.location.country, ev.location.name) == ("PER", "Cusco")  # the article's place, in its country


def test_a_politicians_resignation_is_at_the_capital_not_the_countrys_centre(stage, nlp_fr):
    text = ("Italie : le ministre de l'Intérieur démissionne\n\n3 mars 2021\n\n"
            "Le ministre italien de l'Intérieur a démissionné mardi après la révélation de l'affaire.")
    args = (stage, nlp_fr, text, "a démissionné", "fr", "RETREAT")
    ev = run(*args, source="Le ministre italien de l'Intérieur", mode="resign")
    assert (ev.location.country, ev.location.name) == ("ITA", "Rome")
    ev = run(*args, source="Le ministre italien de l'Intérieur", mode="withdraw")
    assert ev.location.precision == "country"  # a withdrawal is no act of the capital


def test_a_governments_material_act_is_not_placed_at_its_seat(stage, nlp_fr):
    ev = run(stage, nlp_fr, PERU, "ont tiré", "fr", "ASSAULT", source="Chili", sector="GOV", country="CHL")
    assert ev.location.country == "PER"  # an attack happens where the article is, not at home


def test_a_parliament_with_no_country_sits_in_the_articles_capital(stage, nlp_fr):
    text = ("Pérou : le budget adopté\n\n4 mars 2019\n\n"
            "Le Pérou traverse une crise budgétaire. Les députés ont rejeté l'amendement du ministre mardi soir.")
    ev = run(stage, nlp_fr, text, "ont rejeté", "fr", "REJECT", source="députés", sector="LEG")
    assert (ev.location.country, ev.location.precision, ev.location.name) == ("PER", "city", "Lima")


def test_a_national_court_with_no_place_sits_in_the_capital(stage, nlp_fr):
    text = ("Pérou : l'ancien ministre inculpé\n\n4 mars 2019\n\n"
            "Le Pérou suit l'affaire de près. La justice a accusé l'ancien ministre de corruption jeudi.")
    ev = run(stage, nlp_fr, text, "a accusé", "fr", "ACCUSE", source="justice", sector="JUD")
    assert (ev.location.country, ev.location.precision, ev.location.name) == ("PER", "city", "Lima")


def test_an_elided_article_written_apart_still_names_the_region(stage, nlp_fr):
    # "l' Oregon" (a space after the apostrophe, as some wires write it): the parser splits "l" from the
    # apostrophe; the name is still the state, not the Ohio town of 20,000 people
    text = "Des étudiants ont défilé mardi dans l' Oregon contre la hausse des frais d'inscription."
    ev = run(stage, nlp_fr, text, "ont défilé", "fr", "PROTEST")
    assert (ev.location.name, ev.location.precision) == ("Oregon", "admin1")


SALVADOR = "The war in El Salvador goes on. "


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Rebels attacked the market of Suchitoto on Monday.", "attacked"),  # the object's place noun (before)
    ("The market of Suchitoto was attacked by rebels on Monday.", "was attacked"),  # a passive subject's
    ("Rebels dynamited the community center of Suchitoto on Monday.", "dynamited"),  # a building's
    ("Rebels burned the town hall, two shops and the clinic of Suchitoto on Monday.", "burned"),  # conjuncts
    ("The school and the health office of Suchitoto were set on fire by rebels.", "were set"),
])
def test_the_town_of_a_building_attacked_is_where_the_attack_was(stage, nlp_en, sentence, trigger):
    ev = run(stage, nlp_en, SALVADOR + sentence, trigger, "en", "ASSAULT")
    assert (ev.location.name, ev.location.precision) == ("Suchitoto", "city")


@pytest.mark.parametrize(("sentence", "trigger", "lang", "town"), [
    ("Le dépôt pétrolier de Brest a été débloqué par les gendarmes mardi.", "a été débloqué", "fr", "Brest"),
    ("Les gendarmes ont évacué la raffinerie de Donges dans la nuit.", "ont évacué", "fr", "Donges"),
    ("Police cleared the fuel depot of Brest on Tuesday.", "cleared", "en", "Brest"),
])
def test_the_town_of_a_depot_or_a_refinery_cleared_is_where_it_was(stage, nlp_fr, nlp_en, sentence, trigger,
                                                                    lang, town):
    # a facility's town after "de"/"of", not the place of the paragraph before it (Rennes)
    opening = ("À Rennes, des manifestants ont défilé dans le centre. " if lang == "fr"
               else "In Rennes, protesters marched through the centre. ")
    ev = run(stage, nlp_fr if lang == "fr" else nlp_en, opening + sentence, trigger, lang, "COERCE")
    assert ev.location.name == town


def test_a_blockade_is_where_the_building_blocked_is(stage, nlp_fr):
    text = "À Rennes, des manifestants ont défilé dans le centre. Des agriculteurs ont bloqué la raffinerie de Donges."
    ev = run(stage, nlp_fr, text, "ont bloqué", "fr", "PROTEST")
    assert ev.location.name == "Donges"


def test_a_building_of_a_town_that_is_the_source_is_no_place_object(stage, nlp_en):
    # the object is a person: "the mayor of X" is an actor, not a building
    ev = run(stage, nlp_en, SALVADOR + "Rebels attacked the mayor of Suchitoto on Monday in San Miguel.",
             "attacked", "en", "ASSAULT", source="Rebels")
    assert ev.location.name == "San Miguel"


RAIDS = "Police arrested ten suspects in simultaneous raids in Madrid and Tangier on Friday."


@pytest.mark.parametrize(("country", "name"), [
    ("MAR", "Tangier"),  # two places in one adjunct: the one in the country of the state's forces
    ("ESP", "Madrid"),
    (None, "Madrid"),  # no country to choose by: the nearest, as before
])
def test_of_two_coordinated_places_the_one_in_the_sources_country(stage, nlp_en, country, name):
    ev = run(stage, nlp_en, RAIDS, "arrested", "en", "COERCE", source="Police", sector="COP", country=country)
    assert ev.location.name == name


# hard-wrapped wire copy (lines of about 70 characters): a line break between the preposition or the
# place noun and the name
WRAPPED = ("   San Salvador, 4 Mar 90 (Radio Zorglub) -- [Text] The war in El Salvador\n"
           "goes on, and the army spokesman gave new figures to reporters at the\n"
           "barracks this afternoon. {sentence} The army has sent more troops to the\n"
           "region since then, the spokesman added without giving any details.")


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Rebels burned the court offices and the\ncommunity center of\nSuchitoto early this morning.", "burned"),
    ("Soldiers clashed with a rebel column\nyesterday near\nSuchitoto, he said.", "clashed"),
])
def test_a_line_break_does_not_hide_a_place(stage, nlp_en, sentence, trigger):
    ev = run(stage, nlp_en, WRAPPED.format(sentence=sentence), trigger, "en", "ASSAULT")
    assert (ev.location.name, ev.location.precision) == ("Suchitoto", "city")


@pytest.mark.parametrize(("etype", "trigger"), [("ACCUSE", "condemned"), ("SUPPORT", "praised")])
def test_the_place_of_the_act_judged_is_not_where_it_is_judged(stage, nlp_en, etype, trigger):
    text = (f"NIAMEY - The government on Sunday {trigger} the rescue of 23 civilians by soldiers in the "
            "village of Zinder on Saturday.")
    ev = run(stage, nlp_en, text, trigger, "en", etype, source="government", sector="GOV", country="NER")
    assert ev.location.name == "Niamey"  # the dispatch's dateline, not the village of the act judged


def test_a_place_of_the_judging_verb_still_places_it(stage, nlp_en):
    text = "NIAMEY - In Zinder, the governor on Sunday condemned the killing of 23 civilians by bandits."
    ev = run(stage, nlp_en, text, "condemned", "en", "ACCUSE", source="governor", sector="GOV", country="NER")
    assert ev.location.name == "Zinder"


def test_a_place_after_the_act_judged_is_the_acts(stage, nlp_en):
    # the parser hangs "in the village of X" on the verb: after the object, it still tells the act's place
    text = ("NIAMEY - The government of Niger on Sunday condemned the killing of 12 farmers, including two "
            "women, by 'gunmen on motorbikes' in the village of Zinder, on Saturday.")
    ev = run(stage, nlp_en, text, "condemned", "en", "ACCUSE", source="government", sector="GOV", country="NER")
    assert ev.location.name == "Niamey"


# -- national news that nothing places, in an article placed only at country level: its capital ------

NATIONAL = ("Italie : un ministre sous pression\n\n4 mars 2019\n\n"
            "Le ministre de l'Économie est accusé de conflit d'intérêts par la presse italienne. L'ancien "
            "sénateur Marco Zorgli a démenti tout lien avec la société et a dénoncé une cabale.")


def test_a_person_with_no_sector_speaks_from_the_capital_of_a_country_level_article(stage, nlp_fr):
    ev = run(stage, nlp_fr, NATIONAL, "a démenti", "fr", "REJECT", source="Marco Zorgli")
    assert (ev.location.country, ev.location.precision, ev.location.name) == ("ITA", "city", "Rome")
    assert "the capital of the article's country" in ev.explanation


def test_a_person_of_another_country_is_not_moved_to_the_articles_capital(stage, nlp_fr):
    ev = run(stage, nlp_fr, NATIONAL, "a démenti", "fr", "REJECT", source="Marco Zorgli", country="FRA")
    assert ev.location.country == "ITA" and ev.location.precision == "country"


def test_protesters_are_not_moved_to_the_capital(stage, nlp_fr):
    ev = run(stage, nlp_fr, NATIONAL, "a dénoncé", "fr", "ACCUSE", source="Marco Zorgli", sector="PRO")
    assert ev.location.precision == "country"


# "seats.tsv": where a government sits when GeoNames' capital is not that city, by the article's date
GENEVA = ("Suisse : le rapport des enquêteurs de l'ONU publié à Genève\n\n{date}\n\n"
          "Les enquêteurs ont publié jeudi leur rapport sur les violences. Le gouvernement burundais a rejeté "
          "le rapport. Le gouvernement néerlandais a convoqué l'ambassadeur.")


@pytest.mark.parametrize(("published", "seat"), [("2016-10-06", "Bujumbura"), ("2021-10-07", "Gitega")])
def test_a_government_speaks_from_where_it_sat_at_the_articles_date(stage, nlp_fr, published, seat):
    text = GENEVA.format(date=published)
    ev = run(stage, nlp_fr, text, "a rejeté", "fr", "REJECT", source="gouvernement burundais", sector="GOV",
             country="BDI", published=published)
    assert (ev.location.country, ev.location.name) == ("BDI", seat)


def test_a_government_speaks_from_its_seat_not_the_constitutional_capital(stage, nlp_fr):
    text = GENEVA.format(date="2023-03-02")
    ev = run(stage, nlp_fr, text, "a convoqué", "fr", "REQUEST", source="gouvernement néerlandais", sector="GOV",
             country="NLD", published="2023-03-02")
    assert (ev.location.country, ev.location.name) == ("NLD", "The Hague")  # not Amsterdam


def test_seat_rows_by_date():
    from eventwire.places.sources import seat_name

    assert seat_name("NGA", "1990-06-01") == "Lagos" and seat_name("NGA", "1992-01-01") == "Abuja"
    assert seat_name("BDI", None) == "Gitega"  # no date: today's seat
    assert seat_name("PSE") == "Ramallah" and seat_name("FRA") == "Paris"  # no row: GeoNames' capital
