"""Places written relative to another (issue 11, ``places.relative``): a village the gazetteer lacks,
placed by the division, country or town written after it ("the locality of X, 200 km north of Y", "X,
in the department of Y", "X in Nigeria's Y state"), and the anchors of a name that resolved, which are
no second place of the sentence — on sentences of our own (invented villages), with the full gazetteer."""

from __future__ import annotations

import math

import pytest

from _places import run  # noqa: E402
from eventwire.places import PlaceStage
from eventwire.records import Actor, Analysis, Article, Event, TextRef

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage(resources):
    return PlaceStage(resources)


def _km(a, lat, lon):
    dy = (a.lat - lat) * 111
    dx = (a.lon - lon) * 111 * math.cos(math.radians(lat))
    return math.hypot(dy, dx)


@pytest.mark.parametrize(("text", "trigger", "name", "iso3", "admin1"), [
    ("Soldiers killed 20 villagers in Zorglubou, in the northern department of Cajamarca, on Monday.",
     "killed", "Zorglubou", "PER", "Cajamarca"),
    ("Bandits stormed the village of Zorglubou in Nigeria's Katsina state on Sunday, killing 12 villagers.",
     "stormed", "Zorglubou", "NGA", "Katsina"),
    ("On Sunday gunmen killed four farmers in Zorglub, in the northern department of Cajamarca, police said.",
     "killed", "Zorglub", "PER", "Cajamarca"),
])
def test_a_village_the_gazetteer_lacks_is_placed_by_its_division(stage, nlp_en, text, trigger, name, iso3, admin1):
    loc = run(stage, nlp_en, text, trigger, "en").location
    assert (loc.name, loc.text, loc.country, loc.admin1, loc.precision) == (name, name, iso3, admin1, "admin1")
    assert loc.span == (text.index(name), text.index(name) + len(name))


def test_a_distance_and_direction_move_the_point(stage, nlp_en):
    # Mopti is at about 14.49 N, 4.19 W: 30 km north of it
    text = "Gunmen killed five people in the village of Zorglubou, 30 km north of Mopti, on Sunday."
    loc = run(stage, nlp_en, text, "killed", "en").location
    assert (loc.name, loc.country) == ("Zorglubou", "MLI")
    assert 25 < _km(loc, 14.49, -4.19) < 35 and loc.lat > 14.49


def test_a_name_ner_cut_in_two_is_one_village_and_its_division_is_in_the_anchors_country(stage, nlp_en):
    # NER reads "San Pedro" apart and may drop "La" from "La Paz" (a city and department of Bolivia, a
    # department of El Salvador and of Honduras): the town before the department puts it in El Salvador
    text = ("Early on Sunday rebels raided San Pedro Zorglub, east of San Salvador, La Paz Department, "
            "where they set fire to the town hall.")
    loc = run(stage, nlp_en, text, "raided", "en").location
    assert (loc.name, loc.country, loc.admin1) == ("San Pedro Zorglub", "SLV", "La Paz")


def test_a_resolved_name_keeps_its_place_before_the_town_it_is_near(stage, nlp_en):
    text = "The Observatory said regime jets bombed Kafr Nabl, 40 km south of Idlib, killing three."
    loc = run(stage, nlp_en, text, "bombed", "en").location
    assert loc.text == "Kafr Nabl"


@pytest.mark.parametrize(("text", "trigger", "town"), [
    # a street or a building of the town is no village: the town places the event
    ("A police officer was shot dead on Zorglub Road in Quetta on Friday.", "shot", "Quetta"),
    # a list of towns is not a town and its division
    ("Troops clashed with rebels in Gao, Kidal and Timbuktu on Monday.", "clashed", "Gao"),
])
def test_names_that_are_no_village_leave_the_place_as_it_was(stage, nlp_en, text, trigger, town):
    loc = run(stage, nlp_en, text, trigger, "en").location
    assert loc is not None and loc.text == town


def test_a_weekday_is_no_village(stage, nlp_en):
    text = "A peace deal was signed on Saturday in Kuala Lumpur after two years of talks."
    loc = run(stage, nlp_en, text, "signed", "en", etype="AGREE").location
    assert (loc.text, loc.name) == ("Kuala Lumpur", "Kuala Lumpur")


def _with_target(stage, nlp, text, trigger, words, kb_id, country, etype="ASSAULT"):
    """One ``etype`` event at ``trigger`` whose target is the state actor ``words`` (as the actor
    dictionary gives a people's adjective: sector GOV, ``kb_id`` "state:XXX")."""
    doc = nlp(text)
    start = text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    s = text.index(words)
    actor = Actor(text=words, name=words, span=(s, s + len(words)), country=country, sector="GOV", kb_id=kb_id)
    event = Event("t", "en", etype, TextRef(trigger, (start, start + len(trigger))),
                  TextRef(sent.text, (sent.start_char, sent.end_char)), target=actor, explanation="rule.")
    return stage(Analysis(article=Article("t", text, "en"), doc=doc, actors=(actor,), events=(event,))).events[0]


def test_a_patrol_named_by_its_peoples_adjective_gives_its_country(stage, nlp_en):
    # nothing resolves ("Zorglubou" is no place of the gazetteer): the patrol's state places the ambush
    text = "A Malian army patrol was ambushed near the village of Zorglubou on Tuesday, killing four soldiers."
    ev = _with_target(stage, nlp_en, text, "ambushed", "Malian", "state:MLI", "MLI")
    assert (ev.location.country, ev.location.precision, ev.location.text) == ("MLI", "country", "Malian")



def test_troops_sent_to_a_place_are_mobilised_there(stage, nlp_en):
    text = ("KHARTOUM - Clashes broke out overnight on the border. The army said on Friday it had moved two "
            "battalions to Kassala state.")
    ev = run(stage, nlp_en, text, "moved", "en", etype="MOBILIZE")
    assert (ev.location.text, ev.location.country) == ("Kassala", "SDN")


def test_a_destination_is_no_place_of_an_attack(stage, nlp_en):
    text = ("KHARTOUM - Clashes broke out overnight on the border. Gunmen fired on a bus travelling to Kassala "
            "on Friday.")
    ev = run(stage, nlp_en, text, "fired", "en")
    assert ev.location.text != "Kassala"


@pytest.mark.parametrize(("text", "trigger", "town"), [
    ("HOMS - Shelling resumed at dawn. Rebels later fired mortar rounds in the direction of Jableh.", "fired",
     "Jableh"),
    ("HOMS - Shelling resumed at dawn. Soldiers later stormed the villages of Talkalakh and Qusayr.", "stormed",
     "Talkalakh"),
])
def test_a_direction_and_plural_place_nouns_lead_to_the_town(stage, nlp_en, text, trigger, town):
    ev = run(stage, nlp_en, text, trigger, "en")
    assert ev.location.text == town


def test_the_name_of_an_institution_is_no_village(stage, nlp_en):
    text = "The war in El Salvador goes on. Rebels attacked the Ministry of Agriculture on Monday."
    loc = run(stage, nlp_en, text, "attacked", "en", "ASSAULT", source="Rebels").location
    assert loc is None or loc.name != "Agriculture"


@pytest.mark.parametrize(("text", "trigger", "name", "iso3", "lat", "lon"), [
    # a part of a city written after the city's possessive: named as written, at the city's point
    ("Rebels shot dead an air force officer in San Salvador's Zorglub Brisas neighborhood on Monday.", "shot",
     "Zorglub Brisas", "SLV", 13.69, -89.19),
    ("A car bomb exploded on Tuesday in Kabul's Zorglubi district, killing six people.", "exploded",
     "Zorglubi", "AFG", 34.53, 69.17),
])
def test_a_part_of_a_city_after_its_possessive(stage, nlp_en, text, trigger, name, iso3, lat, lon):
    loc = run(stage, nlp_en, text, trigger, "en").location
    assert (loc.name, loc.text, loc.country, loc.precision) == (name, name, iso3, "city")
    assert _km(loc, lat, lon) < 15


def test_a_city_possessive_before_a_common_noun_is_the_city(stage, nlp_en):
    text = "Rebels shot dead an air force officer in San Salvador's main market on Monday."
    loc = run(stage, nlp_en, text, "shot", "en").location
    assert (loc.text, loc.country) == ("San Salvador", "SLV")
