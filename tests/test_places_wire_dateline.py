"""A wire dispatch's dateline ("LA PAZ - ...", "BAIDOA, Somalia - ...") is where it was filed: a
place mention whatever NER makes of its capitals, the article's fallback place, and the place of its
verbal and diplomatic events that their own sentence does not place — on sentences of our own, with
the full offline gazetteer."""

from __future__ import annotations

import pytest

from _places import run  # noqa: E402
from eventwire.places import PlaceStage
from eventwire.places.mentions import DATELINE, Sentences, dateline_mention

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage(resources):
    return PlaceStage(resources)


def _dateline(nlp, text):
    doc = nlp(text)
    return [m for m in dateline_mention(doc, [], Sentences(doc)) if m.source == DATELINE]


@pytest.mark.parametrize(("text", "name"), [
    ("LA PAZ - The cabinet met on Sunday to discuss the fuel subsidy.", "LA PAZ"),
    ("PORT-AU-PRINCE - The cabinet met on Sunday to discuss the budget.", "PORT-AU-PRINCE"),
    ("BAIDOA, Somalia - Troops left two bases on Friday.", "BAIDOA"),
    ("NAIROBI, Oct 9 (Radio Zorglub) - Teachers went on strike.", "NAIROBI"),
])
def test_the_dateline_is_one_mention(nlp_en, text, name):
    found = _dateline(nlp_en, text)
    assert [(m.text, m.subject, m.locative) for m in found] == [(name, False, False)]


@pytest.mark.parametrize("text", [
    "The cabinet met on Sunday - a rare event - to discuss the fuel subsidy.",
    "08:15 - Students blocked the avenue again.",
    "US - China trade talks resumed.",
    "ONU - Les ministres se sont réunis mardi.",
])
def test_no_dateline(nlp_en, text):
    assert _dateline(nlp_en, text) == []


PAZ = ("LA PAZ - Bolivia's cabinet on Sunday cancelled a fuel price rise after a week of road blockades "
       "in Oruro. The main union welcomed the decision and ended its strike.")


def test_a_statement_of_a_dispatch_is_at_its_dateline(stage, nlp_en):
    ev = run(stage, nlp_en, PAZ, "welcomed", "en", "SUPPORT", source="The main union")
    assert (ev.location.name, ev.location.precision) == ("La Paz", "city")  # not Oruro, the scene before it
    assert "the dateline of the dispatch" in ev.explanation


def test_an_act_of_a_dispatch_keeps_the_scene_before_it(stage, nlp_en):
    text = PAZ.replace("The main union welcomed the decision and ended its strike.",
                       "Police fired tear gas at the protesters.")
    ev = run(stage, nlp_en, text, "fired", "en", "ASSAULT", source="Police")
    assert ev.location.name == "Oruro"


QUITO = ("QUITO - Ecuador's army closed two border crossings on Monday after a clash with smugglers. "
         "{who} protested the closure and called it unfriendly.")


@pytest.mark.parametrize(("who", "country", "name"), [
    ("Peru's foreign ministry", "PER", "Lima"),  # a foreign state's ministry speaks from its capital
    ("Peru's defence ministry", "PER", "Lima"),
    ("Ecuador's foreign ministry", "ECU", "Quito"),  # its own state's: the dateline
    ("Peru's ambassador", "PER", "Quito"),  # an envoy or a minister may be where the dispatch is filed
    ("Peru's foreign minister", "PER", "Quito"),
])
def test_a_foreign_ministry_speaks_from_its_capital(stage, nlp_en, who, country, name):
    ev = run(stage, nlp_en, QUITO.format(who=who), "protested", "en", "ACCUSE", source=who, sector="GOV",
             country=country)
    assert (ev.location.name, ev.location.country) == (name, country if name == "Lima" else "ECU")


@pytest.mark.parametrize(("head", "name"), [("GAO", "Gao"), ("AFP", None), ("ONU", None)])
def test_three_capitals_are_a_dateline_only_when_a_town_bears_them(stage, nlp_fr, head, name):
    # "GAO - " is where a Malian dispatch was filed; "AFP - " and "ONU - " head a dispatch, they place nothing
    text = (f"{head} - L'état-major de l'armée malienne a affirmé lundi avoir repoussé une attaque "
            "de jihadistes contre un camp militaire.")
    ev = run(stage, nlp_fr, text, "a affirmé", "fr", "ACCUSE", source="L'état-major de l'armée malienne",
             sector="MIL", country="MLI")
    assert (ev.location.name if ev.location else None, ev.location.country if ev.location else None) in (
        [(name, "MLI")] if name else [(None, None), ("Mali", "MLI")])


@pytest.mark.parametrize(("who", "typ", "country", "name"), [
    ("Lima", "ACCUSE", "PER", "Lima"),  # a state named by its capital speaks from there
    ("Peru", "ACCUSE", "PER", "Quito"),  # named bare, it may be where the dispatch is filed
    ("Lima", "AGREE", "PER", "Quito"),  # and talks happen where the parties meet
])
def test_a_state_named_by_its_capital_speaks_from_it(stage, nlp_en, who, typ, country, name):
    ev = run(stage, nlp_en, QUITO.format(who=who), "protested", "en", typ, source=who, sector="GOV",
             country=country)
    assert ev.location.name == name
