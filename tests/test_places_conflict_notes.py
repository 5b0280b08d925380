"""Short conflict-event notes and wire dispatches in English (issue 11): a written hierarchy that NER
runs into one entity, units resolved in one country, a name placed abroad against its own hierarchy, the
state forces an article names as its country, a dispatch's opening sentence before its dateline — on
sentences of our own (invented villages), with the full offline gazetteer."""

from __future__ import annotations

import pytest

from _places import run  # noqa: E402
from eventwire.places import PlaceStage
from eventwire.places.mentions import DATELINE, Sentences, dateline_mention
from eventwire.records import Actor, Analysis, Article, Event, TextRef

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage(resources):
    return PlaceStage(resources)


@pytest.mark.parametrize("village", ["Namsiguia", "Tamboula"])
def test_a_hierarchy_ner_reads_as_one_entity(stage, nlp_en, village):
    # the small English model reads "Namsiguia (Bourzanga, Centre-Nord" as one organisation, and
    # "Tamboula (Bourzanga, Centre-Nord" as one facility
    text = f"On 5 July, militants attacked the village of {village} (Bourzanga, Centre-Nord), killing five civilians."
    ev = run(stage, nlp_en, text, "attacked", "en")
    assert ev.location is not None and ev.location.country == "BFA"
    assert f"written after '{village}'" in ev.explanation


@pytest.mark.parametrize(("text", "trigger", "district"), [
    # Nord: a French département and a region of Burkina Faso, where Titao and Loroum are
    ("On 14 May, unidentified gunmen killed four civilians in Zorglubia (Titao, Nord).", "killed", "Titao"),
    ("On 2 April, soldiers killed seven suspected militants in Zorglubia (Loroum, Nord).", "killed", "Loroum"),
])
def test_the_units_of_a_hierarchy_are_in_one_country(stage, nlp_en, text, trigger, district):
    ev = run(stage, nlp_en, text, trigger, "en")
    assert (ev.location.country, ev.location.text) == ("BFA", district)


def test_a_name_placed_abroad_against_its_hierarchy_is_not_the_place(stage, nlp_en):
    # "Sollé" is an alternate name of a French town; the units written after it are in Burkina Faso
    text = "On 2 April, soldiers killed seven suspected militants in an operation in Sollé (Loroum, Nord)."
    ev = run(stage, nlp_en, text, "killed", "en")
    assert (ev.location.country, ev.location.text) == ("BFA", "Loroum")


def test_a_person_like_name_is_no_foreign_city_by_another_spelling(stage, nlp_en):
    # "Boni" (NER: a person) is an alternate name of Bonn; the note is about Mali
    text = "On 3 July, militants ambushed a convoy between Boni and Zorglubia (Douentza, Mopti)."
    ev = run(stage, nlp_en, text, "ambushed", "en")
    assert ev.location.country == "MLI"


def _with_actors(stage, nlp, text, trigger, actors):
    """One ASSAULT event at ``trigger`` with no actor of its own; ``actors``: (words, sector, country)
    named elsewhere in the article."""
    doc = nlp(text)
    start = text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    named = tuple(Actor(text=w, name=w, span=(text.index(w), text.index(w) + len(w)), country=c, sector=s)
                  for w, s, c in actors)
    event = Event("t", "en", "ASSAULT", TextRef(trigger, (start, start + len(trigger))),
                  TextRef(sent.text, (sent.start_char, sent.end_char)), explanation="rule.")
    analysis = Analysis(article=Article("t", text, "en"), doc=doc, actors=named, events=(event,))
    return stage(analysis).events[0]


@pytest.mark.parametrize(("text", "actor", "iso3"), [
    ("On 12 March, militants attacked an army post in Zorglubia. The Malian army said it repelled them.",
     "Malian army", "MLI"),
    ("On 9 June, gunmen killed three traders near Zorglubia. Peruvian police found the bodies.",
     "Peruvian police", "PER"),
])
def test_an_article_that_places_nothing_is_in_the_country_of_its_forces(stage, nlp_en, text, actor, iso3):
    trigger = "attacked" if "attacked" in text else "killed"
    ev = _with_actors(stage, nlp_en, text, trigger, [(actor, "MIL" if "army" in actor else "COP", iso3)])
    assert (ev.location.country, ev.location.precision, ev.location.text) == (iso3, "country", actor)
    assert "the state forces the article names" in ev.explanation


def test_forces_do_not_override_a_named_place(stage, nlp_en):
    text = "On 12 March, militants attacked an army post in Kayes. French soldiers later arrived."
    ev = _with_actors(stage, nlp_en, text, "attacked", [("French soldiers", "MIL", "FRA")])
    assert ev.location.country == "MLI"


@pytest.mark.parametrize(("text", "name"), [
    ("   Cali, 9 Mar 91 (Radio Zorglub) -- [Text] Rebels blew up a bridge.", "Cali"),
    ("   Belo Horizonte (Brazil), 3 Mar 91 (Radio Zorglub) --\n[Text] Police seized a ship.", "Belo Horizonte"),
    ("Warsaw, 8 May - The ministers signed an agreement.", "Warsaw"),
])
def test_a_mixed_case_dateline_with_its_date(nlp_en, text, name):
    doc = nlp_en(text)
    found = [m for m in dateline_mention(doc, [], Sentences(doc)) if m.source == DATELINE]
    assert [m.text for m in found] == [name]


@pytest.mark.parametrize("text", ["Warsaw - The ministers signed an agreement.", "Syrie - l'armée avance à Alep."])
def test_a_mixed_case_opening_without_a_date_is_no_dateline(nlp_en, text):
    doc = nlp_en(text)
    assert [m for m in dateline_mention(doc, [], Sentences(doc)) if m.source == DATELINE] == []


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("OUAGADOUGOU - Gunmen attacked a gendarmerie post in Kaya before dawn on Saturday.\n"
     "The attackers also burned two trucks, the army said.", "burned", "Kaya"),
    ("   Temuco, 4 Jul 90 (Radio Zorglub) -- [Report] [Ana Perez]\n[Text] A bomb went off near a school "
     "in the city of Copiapo today.\n\n   Police said another bomb had been planted nearby.", "planted", "Copiapó"),
])
def test_a_dispatch_is_about_its_opening_sentence_before_its_dateline(stage, nlp_en, text, trigger, place):
    ev = run(stage, nlp_en, text, trigger, "en")
    assert ev.location.name == place
    assert "the dispatch's opening sentence" in ev.explanation


def test_an_opening_place_abroad_leaves_the_dateline(stage, nlp_en):
    text = ("NAIROBI - Kenya's prime minister resigned on Monday, hours after talks in Kampala failed.\n"
            "Troops were deployed to the capital.")
    ev = run(stage, nlp_en, text, "deployed", "en", etype="MOBILIZE")
    assert ev.location.name == "Nairobi"


@pytest.mark.parametrize(("text", "trigger", "iso3"), [
    # NER reads the division with its type word as one organisation, after a comma and an unknown village
    ("On 3 May, guerrillas ambushed an army patrol in Zorglubia, Santander Department.", "ambushed", "COL"),
    ("On 3 May, rebels killed two peasants in Zorglubia, Chalatenango Department.", "killed", "SLV"),
])
def test_a_division_named_with_its_type_word_after_an_unknown_village(stage, nlp_en, text, trigger, iso3):
    ev = run(stage, nlp_en, text, trigger, "en")
    assert (ev.location.country, ev.location.precision) == (iso3, "admin1")


@pytest.mark.parametrize(("text", "trigger", "actor", "sector", "iso3"), [
    ("On 4 May, the Malian government banned a party of the opposition.", "banned", "Malian government",
     "GOV", "MLI"),
    ("On 4 May, the Burkinabe parliament dissolved the electoral commission.", "dissolved",
     "Burkinabe parliament", "LEG", "BFA"),
])
def test_a_government_act_placed_nowhere_else_is_in_its_country(stage, nlp_en, text, trigger, actor, sector,
                                                                iso3):
    doc = nlp_en(text)
    start = text.index(trigger)
    a = text.index(actor)
    src = Actor(text=actor, name=actor, span=(a, a + len(actor)), country=iso3, sector=sector)
    event = Event("t", "en", "COERCE", TextRef(trigger, (start, start + len(trigger))),
                  TextRef(text, (0, len(text))), source=src, explanation="rule.")
    analysis = Analysis(article=Article("t", text, "en"), doc=doc, actors=(src,), events=(event,))
    ev = stage(analysis).events[0]
    assert (ev.location.country, ev.location.precision) == (iso3, "country")
    assert f"the country of the state actor '{actor}'" in ev.explanation


def test_a_government_statement_is_not_placed_by_its_country(stage, nlp_en):
    # a statement is at the government's seat, not at the country's centre
    text = "On 4 May, the Malian government condemned the attack."
    doc = nlp_en(text)
    start = text.index("condemned")
    src = Actor(text="Malian government", name="Malian government", span=(10, 27), country="MLI", sector="GOV")
    event = Event("t", "en", "ACCUSE", TextRef("condemned", (start, start + 9)),
                  TextRef(text, (0, len(text))), source=src, explanation="rule.")
    analysis = Analysis(article=Article("t", text, "en"), doc=doc, actors=(src,), events=(event,))
    ev = stage(analysis).events[0]
    assert ev.location.text == "Malian government" and ev.location.precision == "city"


@pytest.mark.parametrize(("text", "trigger", "iso3"), [
    # a national army named only by its acronym gives the note its country (invented villages)
    ("On 12 March, FAN soldiers were attacked near Zorglubou (Xyzville, Qwerty).", "attacked", "NER"),
    ("On 3 May, unidentified gunmen attacked an army post in Zorglubou. FACA troops later retook the post.",
     "attacked", "CAF"),
    ("On 8 June, ANT soldiers clashed with militants near Zorglubou (Xyzville, Qwerty).", "clashed", "TCD"),
])
def test_a_national_army_acronym_gives_a_note_its_country(pipeline, text, trigger, iso3):
    from eventwire.records import Article
    a = pipeline.analyze(Article("t", text, "en", published="2021-06-10"))
    ev = next(e for e in a.events if trigger in e.trigger.text)
    assert (ev.location.country, ev.location.precision) == (iso3, "country")


@pytest.mark.parametrize(("text", "trigger", "town"), [
    # NER reads "Saravena, Arauca Department" as one organisation: the town and its division are cut apart
    ("Rebels blew up an oil pipeline near Saravena, Arauca Department, on Friday, officials said.", "blew up",
     "Saravena"),
    ("Guerrillas ambushed a police patrol in Florencia, Caqueta Department, killing two officers.", "ambushed",
     "Florencia"),
])
def test_a_town_and_its_division_read_as_one_entity_are_cut_apart(pipeline, text, trigger, town):
    from eventwire.records import Article
    a = pipeline.analyze(Article("t", text, "en", published="1990-01-12"))
    ev = next(e for e in a.events if trigger in e.trigger.text)
    assert (ev.location.text, ev.location.country, ev.location.precision) == (town, "COL", "city")


def test_a_correspondents_seat_named_nowhere_else_leaves_the_story_where_it_opens(pipeline):
    # the dispatch is filed from Amman about Syria: the rebels' mortars were not fired in Jordan
    text = ("AMMAN (Zorglub News) - Government helicopters dropped barrel bombs on eastern districts of Aleppo "
            "on Thursday, killing at least 20 people, a monitoring group said. Rebels fired mortars at "
            "government-held areas in response, killing three civilians, state media said.")
    from eventwire.records import Article
    a = pipeline.analyze(Article("t", text, "en", published="2014-05-02"))
    ev = next(e for e in a.events if "fired" in e.trigger.text)
    assert (ev.location.country, ev.location.text) == ("SYR", "Aleppo")
