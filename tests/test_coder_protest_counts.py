"""A count of protesters is their protest (``SentenceCoder.protest_counts``): whoever counts them, the
protesters counted (with a number) are the source of a PROTEST; a count of anything else is no event."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,lang", [
    ("Vers midi, près de 3 500 manifestants étaient recensés dans le département.", "fr"),
    ("Le ministère de l'Intérieur a recensé 8 200 grévistes mardi.", "fr"),
    ("Officials counted 5,000 demonstrators in the capital on Saturday.", "en"),
])
def test_counted_protesters_protest(events_of, text, lang):
    found = [e for e in events_of(text, lang) if e.type == "PROTEST"]
    assert found and found[0].source is not None and found[0].source.name == "protesters"


def test_a_count_of_anything_else_is_no_protest(events_of):
    assert not [e for e in events_of("Le ministère a recensé douze blessés et trois véhicules incendiés.", "fr")
                if e.type == "PROTEST"]


@pytest.mark.parametrize("text,lang", [
    ("Des milliers de personnes ont défilé dimanche à Lyon contre la fermeture de la maternité.", "fr"),
    ("Thousands of people marched in Nairobi on Saturday against the new fuel tax.", "en"),
])
def test_people_who_protest_are_protesters(events_of, text, lang):
    """People no dictionary knows are named protesters when they protest; the text keeps their words."""
    found = [e for e in events_of(text, lang) if e.type == "PROTEST"]
    assert found and (found[0].source.name, found[0].source.sector) == ("protesters", "PRO")
    assert "people" in found[0].source.text or "personnes" in found[0].source.text


def test_people_who_are_attacked_stay_civilians(events_of):
    found = [e for e in events_of("Des hommes armés ont tué six personnes lundi dans un village.", "fr")
             if e.type == "ASSAULT" and e.target is not None]
    assert found and found[0].target.name == "civilians"
